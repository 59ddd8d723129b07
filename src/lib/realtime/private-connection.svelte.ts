import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { privateRoom } from '$lib/workshop/rooms';
import { RETRY_AFTER_CLOSE_MS } from './doc-recovery.svelte';
import { CloseHistory, closeAction, RECOVERY_LIMIT } from './recovery';

/**
 * The member's private document (their scores, dots and silent-round ideas, read by nobody
 * but them and the server) in this browser, opened once per session by WorkshopSession.
 *
 * The policy is the board's: a copy in IndexedDB, so what was typed offline or just before a
 * reload is sent when the socket is back; the same reading of close codes (recovery.ts). A
 * refusal starts over from the server's copy here, in place, instead of reloading the page:
 * the board beside it is fine, and the stores re-file what the server did not take
 * (onRecovered). More than RECOVERY_LIMIT refusals in a row stop the socket (`failed`).
 */
export class PrivateConnection {
	readonly room: string;
	#doc: Y.Doc;
	#provider!: WebsocketProvider;
	#local!: IndexeddbPersistence;
	/** Bumped on every change of the document and on a restart: what readers depend on. */
	#version = $state(0);
	#changes = 0;
	#synced = $state(false);
	#failed = $state(false);
	#restarts = 0;
	#history = new CloseHistory();
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	// Listeners, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#recovered = new Set<(held: Y.Doc) => void>();
	#destroyed = false;

	constructor(workshopId: string, membershipId: string) {
		this.room = privateRoom(workshopId, membershipId);
		this.#doc = this.#open();
	}

	/** The document as it is now; reading it inside an effect or derived tracks every change. */
	get doc(): Y.Doc {
		void this.#version;
		return this.#doc;
	}

	/** True while connected and caught up with the server. */
	get synced(): boolean {
		return this.#synced;
	}

	/** Refused again and again: the private document stopped syncing. */
	get failed(): boolean {
		return this.#failed;
	}

	/**
	 * Calls `listener` with the document this browser held when the server refused it, once the
	 * server's copy is in, so a store can write again what the server did not take.
	 */
	onRecovered(listener: (held: Y.Doc) => void): () => void {
		this.#recovered.add(listener);
		return () => this.#recovered.delete(listener);
	}

	destroy() {
		this.#destroyed = true;
		if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
		this.#close();
		this.#doc.destroy();
	}

	#open(): Y.Doc {
		const doc = new Y.Doc();
		doc.on('update', this.#onUpdate);
		this.#local = new IndexeddbPersistence(`samskapa:${this.room}`, doc);
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.#provider = new WebsocketProvider(`${protocol}//${location.host}/ws`, this.room, doc);
		this.#provider.on('connection-close', this.#onClose);
		this.#provider.on('sync', this.#onSync);
		return doc;
	}

	#close() {
		this.#doc.off('update', this.#onUpdate);
		this.#provider.off('connection-close', this.#onClose);
		this.#provider.off('sync', this.#onSync);
		this.#provider.destroy();
	}

	#onUpdate = () => {
		// Written, never read here: a write from inside an effect must not make it depend on this.
		this.#version = ++this.#changes;
	};

	#onSync = (synced: boolean) => {
		this.#synced = synced;
	};

	#onClose = (event: CloseEvent | null) => {
		// null: closed by this browser, not the server.
		if (!event || this.#destroyed) return;
		const action = closeAction(event.code, this.#history.record(event.code));
		if (action === 'recover') {
			void this.#restart();
		} else if (action === 'retry-later') {
			this.#retryTimer ??= setTimeout(() => {
				this.#retryTimer = null;
				if (!this.#destroyed) this.#provider.connect();
			}, RETRY_AFTER_CLOSE_MS);
		}
	};

	/** Drops what the server refused (memory and IndexedDB) and starts over from its copy. */
	async #restart() {
		const held = this.#doc;
		this.#close();
		this.#synced = false;
		if (this.#restarts >= RECOVERY_LIMIT) {
			this.#failed = true;
			return;
		}
		this.#restarts += 1;
		// The refused update is in IndexedDB too: resending it from there would be refused again.
		await this.#local.clearData().catch(() => {});
		if (this.#destroyed) return;
		this.#doc = this.#open();
		this.#version = ++this.#changes;
		const provider = this.#provider;
		const settle = (synced: boolean) => {
			if (!synced) return;
			provider.off('sync', settle);
			if (provider !== this.#provider || this.#destroyed) return;
			for (const listener of this.#recovered) listener(held);
			held.destroy();
		};
		provider.on('sync', settle);
	}
}
