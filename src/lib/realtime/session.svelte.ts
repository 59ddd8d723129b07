import { untrack } from 'svelte';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { listNotes } from '$lib/workshop/doc';
import { boardRoom } from '$lib/workshop/rooms';
import { DocRecovery } from './doc-recovery.svelte';
import { NoteDrafts } from './drafts.svelte';
import { BoardJourney } from './journey.svelte';
import { BoardAgenda } from './managers/agenda.svelte';
import { BoardState } from './managers/board-state.svelte';
import { BoardCanvas } from './managers/canvas.svelte';
import { BoardClustering } from './managers/clustering.svelte';
import { BoardGoals } from './managers/goals.svelte';
import { BoardIdeas } from './managers/ideas.svelte';
import { BoardPrioritisation } from './managers/prioritisation.svelte';
import { BoardSilentNotes } from './managers/silent-notes.svelte';
import { BoardSummary } from './managers/summary.svelte';
import { BoardActionPlan } from './managers/action-plan.svelte';
import { BoardTimer } from './managers/timer.svelte';
import { BoardNotes } from './notes.svelte';
import { PrivateConnection } from './private-connection.svelte';
import { readPeers, type Peer, type PresenceUser, type PresenceWhere } from './presence';
import { CLOSE_REMOVED } from './recovery';
import { throttle } from './throttle';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Without a connection for this long, say "offline" rather than "reconnecting". */
export const OFFLINE_AFTER_MS = 8_000;
/** Presence is sent at most this often, and only when it changed. */
export const PRESENCE_SEND_MS = 500;
const PRESENCE_VIEW_MS = 300;

/**
 * One workshop in this browser, and the only way pages read and write it: the shared board
 * (a Y.Doc kept in IndexedDB so nothing typed offline is lost, synced over the app's
 * WebSocket) and, opened on first use, the member's private document (PrivateConnection),
 * with the connection status, presence, and one reactive store per kind of record. Stores a
 * page does not use are not created. Create it in the browser only; call destroy() when done.
 */
export class WorkshopSession {
	/**
	 * The board document, for the stores. Pages and components use the stores; a lint rule
	 * keeps `yjs` out of them (eslint.config.js).
	 */
	readonly doc = new Y.Doc();
	readonly room: string;
	readonly workshopId: string;
	readonly notes: BoardNotes;
	readonly journey: BoardJourney;
	readonly state: BoardState;
	/** Notes typed but not sent and edits not saved, kept in this browser across a reload. */
	readonly drafts: NoteDrafts;
	/** What happens after the server refused this browser's changes (docs/realtime.md). */
	readonly recovery: DocRecovery;

	#membershipId: string;
	#private: PrivateConnection | null = null;
	#clustering: BoardClustering | null = null;
	#goals: BoardGoals | null = null;
	#summary: BoardSummary | null = null;
	#actionPlan: BoardActionPlan | null = null;
	#prioritisation: BoardPrioritisation | null = null;
	#ideas: BoardIdeas | null = null;
	#silentNotes: BoardSilentNotes | null = null;
	#agenda: BoardAgenda | null = null;
	#timer: BoardTimer | null = null;
	#canvas: BoardCanvas | null = null;
	#roots: (() => void)[] = [];

	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#loaded = $state(false);
	#peers = $state.raw<Peer[]>([]);
	#removed = $state(false);

	#provider: WebsocketProvider;
	#local: IndexeddbPersistence;
	#connected = false;
	#everConnected = false;
	#downSince: number | null = Date.now();
	#offlineTimer: ReturnType<typeof setTimeout> | null = null;
	#user: PresenceUser;
	#where: PresenceWhere = { page: null, typing: false };
	#sentUser = '';
	#sendUser = throttle(() => this.#publishUser(), PRESENCE_SEND_MS);
	#viewPeers = throttle(() => this.#readPeers(), PRESENCE_VIEW_MS);

	/**
	 * `authorIds`: the ids this member's records carry (their membership id, and their author
	 * pseudonym in an anonymous workshop), whose notes a recovery keeps.
	 */
	constructor(workshopId: string, user: PresenceUser, authorIds: readonly string[]) {
		performance.mark('samskapa:connecting');
		this.room = boardRoom(workshopId);
		this.workshopId = workshopId;
		this.#membershipId = user.membershipId;
		this.#user = user;
		this.notes = new BoardNotes(this.doc);
		this.journey = new BoardJourney(this.doc);
		this.state = new BoardState(this.doc);
		this.drafts = new NoteDrafts(browserStorage(), workshopId, user.membershipId);
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
		this.#provider.on('connection-close', (event) => {
			if (event?.code !== CLOSE_REMOVED) return;
			// Every reconnect would be refused: stop, and let the page say why.
			this.#removed = true;
			this.#provider.disconnect();
		});
		this.#provider.on('sync', (synced) => {
			// Lets benchmarks and the browser's performance panel see when the document arrived.
			if (synced && !this.#synced) performance.mark('samskapa:synced');
			this.#synced = synced;
			if (synced) this.#loaded = true;
		});
		this.recovery = new DocRecovery({
			room: this.room,
			doc: this.doc,
			provider: this.#provider,
			local: this.#local,
			keep: (doc) =>
				listNotes(doc)
					.filter((note) => authorIds.includes(note.authorId))
					.map(({ id, text }) => ({ id, text }))
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

	/** A facilitator removed this member from the workshop: the board is closed to them. */
	get removed(): boolean {
		return this.#removed;
	}

	/** People online now, one entry each, this browser's person first. */
	get peers(): Peer[] {
		return this.#peers;
	}

	/**
	 * Creates a store on first use, which is mostly inside a page's $derived. In its own effect
	 * root: state created inside a derived is not tracked by that derived (Svelte treats it as
	 * the derived's own), so a page reading the store where it was created would never update.
	 */
	#opened<T>(create: () => T): T {
		let store: T | undefined;
		this.#roots.push(
			$effect.root(() => {
				store = untrack(create);
			})
		);
		return store as T;
	}

	/** The member's private document, opened on first use (scores, dots, silent-round ideas). */
	get privateDoc(): PrivateConnection {
		return (this.#private ??= this.#opened(
			() => new PrivateConnection(this.workshopId, this.#membershipId)
		));
	}

	/** Insights and areas, with this person's undo (klustring). */
	get clustering(): BoardClustering {
		return (this.#clustering ??= this.#opened(() => new BoardClustering(this.doc)));
	}

	/** Each area's målbild and the comments on it. */
	get goals(): BoardGoals {
		return (this.#goals ??= this.#opened(() => new BoardGoals(this.doc)));
	}

	/** The sammanfattning's bullets and next steps. */
	get summary(): BoardSummary {
		return (this.#summary ??= this.#opened(() => new BoardSummary(this.doc)));
	}

	/** The action plan of the prioritised areas, its collaborative text fields and follow-up. */
	get actionPlan(): BoardActionPlan {
		return (this.#actionPlan ??= this.#opened(() => new BoardActionPlan(this.doc)));
	}

	/** Scoring and dot rounds, placements, and this member's own scores and dots. */
	get prioritisation(): BoardPrioritisation {
		return (this.#prioritisation ??= this.#opened(
			() => new BoardPrioritisation(this.doc, this.privateDoc, this.workshopId)
		));
	}

	/** Ideas, idea rounds and this member's silent-round ideas and dots. */
	get ideas(): BoardIdeas {
		return (this.#ideas ??= this.#opened(
			() => new BoardIdeas(this.doc, this.privateDoc, this.workshopId)
		));
	}

	/** The silent round on the journey and this member's notes in it, not yet revealed. */
	get silentNotes(): BoardSilentNotes {
		return (this.#silentNotes ??= this.#opened(
			() => new BoardSilentNotes(this.doc, () => this.privateDoc, this.workshopId)
		));
	}

	/** The agenda and where the room is: the current step, who leads, "Samla alla hit". */
	get agenda(): BoardAgenda {
		return (this.#agenda ??= this.#opened(() => new BoardAgenda(this.doc, this.workshopId)));
	}

	/** The current step, its timer, the agenda's times and the ready check. */
	get timer(): BoardTimer {
		return (this.#timer ??= this.#opened(() => new BoardTimer(this.doc, this.agenda)));
	}

	/** The canvases' stickies, and stickies becoming ideas and ideas placed on a canvas. */
	get canvas(): BoardCanvas {
		return (this.#canvas ??= this.#opened(() => new BoardCanvas(this.doc)));
	}

	/**
	 * The board's presence, for the canvas binding (canvas-binding.ts) alone: its cursor field
	 * next to the person the rest of the app announces.
	 */
	get awareness(): WebsocketProvider['awareness'] {
		return this.#provider.awareness;
	}

	/** Updates what this browser announces about its person (throttled, skipped when unchanged). */
	setUser(user: PresenceUser) {
		this.#user = user;
		if (this.#presenceJson() !== this.#sentUser) this.#sendUser.call();
	}

	/** Updates which page this person looks at and whether they type (same throttle as setUser). */
	setWhere(where: PresenceWhere) {
		this.#where = where;
		if (this.#presenceJson() !== this.#sentUser) this.#sendUser.call();
	}

	#presenceJson(): string {
		return JSON.stringify({ user: this.#user, ...this.#where });
	}

	destroy() {
		window.removeEventListener('online', this.#onNetwork);
		window.removeEventListener('offline', this.#onNetwork);
		this.#provider.awareness.off('change', this.#onAwareness);
		this.#sendUser.cancel();
		this.#viewPeers.cancel();
		if (this.#offlineTimer !== null) clearTimeout(this.#offlineTimer);
		this.recovery.destroy();
		this.notes.destroy();
		this.journey.destroy();
		this.state.destroy();
		this.#clustering?.destroy();
		this.#goals?.destroy();
		this.#summary?.destroy();
		this.#actionPlan?.destroy();
		this.#prioritisation?.destroy();
		this.#ideas?.destroy();
		this.#silentNotes?.destroy();
		this.#agenda?.destroy();
		this.#timer?.destroy();
		this.#canvas?.destroy();
		this.#private?.destroy();
		for (const stop of this.#roots) stop();
		this.#provider.destroy();
		this.#local.destroy().catch(() => {});
		this.doc.destroy();
	}

	#publishUser() {
		const json = this.#presenceJson();
		if (json === this.#sentUser) return;
		this.#sentUser = json;
		// One state, one message: the person, their page and whether they type.
		this.#provider.awareness.setLocalState({ user: this.#user, ...this.#where });
	}

	#readPeers() {
		this.#peers = readPeers(this.#provider.awareness.getStates(), this.doc.clientID);
	}

	#onAwareness = () => this.#viewPeers.call();

	#onNetwork = () => {
		// After a refusal the socket stays closed: what this browser holds was refused.
		const stopped = this.recovery.recovering || this.recovery.failed;
		if (!stopped && !navigator.onLine) {
			// The socket is gone with the network; closing it now makes the board say so at once
			// and keeps a half-dead socket from delivering anything later.
			this.#provider.disconnect();
		} else if (!stopped && !this.#connected) {
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

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
function browserStorage(): Storage | null {
	try {
		return localStorage;
	} catch {
		return null;
	}
}
