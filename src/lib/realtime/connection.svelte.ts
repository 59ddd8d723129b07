import { BoardClustering } from './managers/clustering.svelte';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardRoom } from '$lib/workshop/rooms';
import { BoardJourney } from './journey.svelte';
import { BoardNotes } from './notes.svelte';
import { readPeers, type Peer, type PresenceUser } from './presence';
import { throttle } from './throttle';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Without a connection for this long, say "offline" rather than "reconnecting". */
export const OFFLINE_AFTER_MS = 8_000;
/** Presence is sent at most this often, and only when it changed. */
export const PRESENCE_SEND_MS = 500;
const PRESENCE_VIEW_MS = 300;
/** After the server closed with a "do not retry" code (e.g. rate limited), try again later. */
const RETRY_AFTER_CLOSE_MS = 5_000;

/**
 * One workshop board in this browser: the shared Y.Doc, kept in IndexedDB so nothing typed
 * offline is lost, synced over the app's WebSocket, with the connection status, presence
 * and notes as reactive state. Create it in the browser only; call destroy() when done.
 */
export class BoardConnection {
	readonly doc = new Y.Doc();
	readonly room: string;
	readonly notes: BoardNotes;
	readonly journey: BoardJourney;
	readonly clustering: BoardClustering;

	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#loaded = $state(false);
	#peers = $state.raw<Peer[]>([]);

	#provider: WebsocketProvider;
	#local: IndexeddbPersistence;
	#connected = false;
	#everConnected = false;
	#downSince: number | null = Date.now();
	#offlineTimer: ReturnType<typeof setTimeout> | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#user: PresenceUser;
	#sentUser = '';
	#sendUser = throttle(() => this.#publishUser(), PRESENCE_SEND_MS);
	#viewPeers = throttle(() => this.#readPeers(), PRESENCE_VIEW_MS);

	constructor(workshopId: string, user: PresenceUser) {
		performance.mark('samskapa:connecting');
		this.room = boardRoom(workshopId);
		this.#user = user;
		this.notes = new BoardNotes(this.doc);
		this.journey = new BoardJourney(this.doc);
		this.clustering = new BoardClustering(this.doc);
		this.#local = new IndexeddbPersistence(`samskapa:${this.room}`, this.doc);
		this.#local.on('synced', () => {
			this.#loaded = true;
		});
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.#provider = new WebsocketProvider(`${protocol}//${location.host}/ws`, this.room, this.doc);
		this.#provider.on('status', ({ status }) => {
			this.#connected = status === 'connected';
			if (this.#connected) {
				this.#everConnected = true;
				this.#downSince = null;
			} else {
				this.#downSince ??= Date.now();
			}
			this.#refresh();
		});
		this.#provider.on('sync', (synced) => {
			// Lets benchmarks and the browser's performance panel see when the document arrived.
			if (synced && !this.#synced) performance.mark('samskapa:synced');
			this.#synced = synced;
			if (synced) this.#loaded = true;
		});
		this.#provider.on('closed', () => {
			this.#retryTimer ??= setTimeout(() => {
				this.#retryTimer = null;
				this.#provider.connect();
			}, RETRY_AFTER_CLOSE_MS);
		});
		this.#provider.awareness.on('change', this.#onAwareness);
		window.addEventListener('online', this.#onNetwork);
		window.addEventListener('offline', this.#onNetwork);
		this.#publishUser();
		this.#readPeers();
		this.#refresh();
	}

	get status(): ConnectionStatus {
		return this.#status;
	}

	/** True while connected and caught up with the server. */
	get synced(): boolean {
		return this.#synced;
	}

	/** True once the board came from IndexedDB or the server: show notes, not a spinner. */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** People online now, one entry each, this browser's person first. */
	get peers(): Peer[] {
		return this.#peers;
	}

	/** Updates what this browser announces about its person (throttled, skipped when unchanged). */
	setUser(user: PresenceUser) {
		this.#user = user;
		if (JSON.stringify(user) !== this.#sentUser) this.#sendUser.call();
	}

	destroy() {
		window.removeEventListener('online', this.#onNetwork);
		window.removeEventListener('offline', this.#onNetwork);
		this.#provider.awareness.off('change', this.#onAwareness);
		this.#sendUser.cancel();
		this.#viewPeers.cancel();
		for (const timer of [this.#offlineTimer, this.#retryTimer]) {
			if (timer !== null) clearTimeout(timer);
		}
		this.notes.destroy();
		this.journey.destroy();
		this.clustering.destroy();
		this.#provider.destroy();
		this.#local.destroy().catch(() => {});
		this.doc.destroy();
	}

	#publishUser() {
		const json = JSON.stringify(this.#user);
		if (json === this.#sentUser) return;
		this.#sentUser = json;
		this.#provider.awareness.setLocalStateField('user', this.#user);
	}

	#readPeers() {
		this.#peers = readPeers(this.#provider.awareness.getStates(), this.doc.clientID);
	}

	#onAwareness = () => this.#viewPeers.call();

	#onNetwork = () => {
		if (navigator.onLine && !this.#connected) {
			// Give the reconnect a moment before calling it offline again.
			this.#downSince = Date.now();
			this.#provider.connect();
		}
		this.#refresh();
	};

	#refresh() {
		if (this.#offlineTimer !== null) clearTimeout(this.#offlineTimer);
		this.#offlineTimer = null;
		if (!navigator.onLine) {
			this.#status = 'offline';
			return;
		}
		if (this.#connected) {
			this.#status = 'online';
			return;
		}
		const down = Date.now() - (this.#downSince ?? Date.now());
		if (down >= OFFLINE_AFTER_MS) {
			this.#status = 'offline';
			return;
		}
		this.#status = this.#everConnected ? 'reconnecting' : 'connecting';
		this.#offlineTimer = setTimeout(() => this.#refresh(), OFFLINE_AFTER_MS - down);
	}
}
