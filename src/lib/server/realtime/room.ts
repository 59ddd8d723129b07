import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import {
	CLOSE_FORBIDDEN,
	CLOSE_MALFORMED,
	CLOSE_RATE_LIMITED,
	CLOSE_SERVER_ERROR,
	decodeClientMessage,
	encodeAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate
} from './protocol';
import type { WriteCheck } from './judge';

/** What a socket may write: nothing (observers), anything, or what a check allows. */
export type WriteAccess = 'none' | 'any' | WriteCheck;

/**
 * Runs in the same transaction as each accepted update and may change the document further
 * (e.g. remove names in an anonymous workshop); returns whether it changed anything. What it
 * removes is collected before the update is stored or sent, so it never leaves the server.
 */
export type AfterWrite = (doc: Y.Doc) => boolean;

export interface RoomLimits {
	/** Sync messages a connection may send per second before it is closed. */
	updatesPerSecond: number;
	/** Awareness messages per second applied per socket; the rest are dropped. */
	awarenessPerSecond: number;
	/** Compact the log into a snapshot after this many updates or bytes. */
	compactAfterUpdates: number;
	compactAfterBytes: number;
}

export const defaultLimits: RoomLimits = {
	updatesPerSecond: 200,
	awarenessPerSecond: 60,
	compactAfterUpdates: 500,
	compactAfterBytes: 1024 * 1024
};

interface Connection {
	writes: WriteAccess;
	afterWrite: AfterWrite | null;
	/** Awareness client ids this socket controls, removed when it closes. */
	clients: Set<number>;
	window: number;
	updates: number;
	awareness: number;
}

/**
 * One loaded Yjs document and the sockets editing it. Every update is appended to SQLite
 * inside the document's update handler, before the same handler broadcasts it, so nothing
 * reaches another client that is not already on disk.
 */
export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly conns = new Map<WebSocket, Connection>();
	#lastId: number;
	#sinceSnapshot = { updates: 0, bytes: 0 };
	#broken = false;
	#echo = false;

	constructor(
		readonly name: string,
		readonly store: DocStore,
		readonly limits: RoomLimits,
		private readonly onBroken: (room: Room) => void
	) {
		this.#lastId = store.loadInto(name, this.doc);
		this.awareness.setLocalState(null);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => this.#onUpdate(update, origin));
		this.awareness.on(
			'update',
			(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
				this.#onAwareness(changes, origin)
		);
	}

	#onUpdate(update: Uint8Array, origin: unknown) {
		try {
			this.#lastId = this.store.append(this.name, update);
		} catch (error) {
			// Not on disk, so it must not be seen: drop every socket; clients resend on reconnect.
			console.error(`[realtime] could not persist update to ${this.name}`, error);
			this.#broken = true;
			this.onBroken(this);
			return;
		}
		const message = encodeUpdate(update);
		for (const ws of this.conns.keys()) if (ws !== origin || this.#echo) send(ws, message);
		this.#sinceSnapshot.updates++;
		this.#sinceSnapshot.bytes += update.byteLength;
		if (
			this.#sinceSnapshot.updates >= this.limits.compactAfterUpdates ||
			this.#sinceSnapshot.bytes >= this.limits.compactAfterBytes
		) {
			this.compact();
		}
	}

	#onAwareness(
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) {
		const conn = origin ? this.conns.get(origin as WebSocket) : undefined;
		if (conn) {
			for (const id of added) conn.clients.add(id);
			for (const id of removed) conn.clients.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		const message = encodeAwareness(this.awareness, changed);
		for (const ws of this.conns.keys()) send(ws, message);
	}

	get broken() {
		return this.#broken;
	}

	/** Writes a snapshot and prunes the log; safe to call at any time. */
	compact() {
		if (this.#broken) return;
		this.store.compact(this.name, this.doc, this.#lastId);
		this.#sinceSnapshot = { updates: 0, bytes: 0 };
	}

	add(ws: WebSocket, writes: WriteAccess, afterWrite: AfterWrite | null = null) {
		this.conns.set(ws, {
			writes,
			afterWrite,
			clients: new Set(),
			window: 0,
			updates: 0,
			awareness: 0
		});
		ws.on('message', (data: Buffer, isBinary: boolean) => this.#onMessage(ws, data, isBinary));
		send(ws, encodeSyncStep1(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) send(ws, encodeAwareness(this.awareness, states));
	}

	/** Forgets a socket and the presence it controlled. */
	remove(ws: WebSocket) {
		const conn = this.conns.get(ws);
		if (!conn) return;
		this.conns.delete(ws);
		awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clients], null);
	}

	#onMessage(ws: WebSocket, data: Buffer, isBinary: boolean) {
		const conn = this.conns.get(ws);
		if (!conn) return;
		let message;
		try {
			if (!isBinary) throw new Error('text frame');
			message = decodeClientMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		} catch {
			ws.close(CLOSE_MALFORMED, 'malformed message');
			return;
		}
		const second = Math.floor(Date.now() / 1000);
		if (conn.window !== second) {
			conn.window = second;
			conn.updates = 0;
			conn.awareness = 0;
		}
		if (message.type === 'awareness') {
			// y-websocket clients echo every presence change they receive, so a room of N people
			// sends N messages per socket when everyone moves at once. Presence is disposable and
			// renewed every 15 s: drop the excess, never close for it.
			if (++conn.awareness > this.limits.awarenessPerSecond) return;
		} else if (++conn.updates > this.limits.updatesPerSecond) {
			ws.close(CLOSE_RATE_LIMITED, 'rate limited');
			return;
		}
		try {
			switch (message.type) {
				case 'sync-step-1':
					send(ws, encodeSyncStep2(this.doc, message.stateVector));
					break;
				case 'update': {
					// Observers read; their writes are dropped without a word, as y-websocket expects.
					if (conn.writes === 'none') break;
					const refused = conn.writes === 'any' ? null : conn.writes(this.doc, message.update);
					if (refused?.malformed) throw new Error(refused.reason);
					if (refused) {
						console.warn(`[realtime] refused a write to ${this.name}: ${refused.reason}`);
						ws.close(CLOSE_FORBIDDEN, `forbidden: ${refused.reason}`.slice(0, 120));
						return;
					}
					this.#apply(ws, message.update, conn.afterWrite);
					break;
				}
				case 'awareness':
					awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, ws);
					break;
				case 'query-awareness':
					send(ws, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
					break;
			}
		} catch {
			ws.close(this.#broken ? CLOSE_SERVER_ERROR : CLOSE_MALFORMED, 'rejected message');
		}
	}

	#apply(ws: WebSocket, update: Uint8Array, afterWrite: AfterWrite | null) {
		if (!afterWrite) {
			Y.applyUpdate(this.doc, update, ws);
			return;
		}
		try {
			this.doc.transact(() => {
				Y.applyUpdate(this.doc, update, ws);
				// The sender must see what the server changed, so it gets this update too.
				this.#echo = afterWrite(this.doc);
			}, ws);
		} finally {
			this.#echo = false;
		}
	}

	destroy() {
		this.awareness.destroy();
		this.doc.destroy();
	}
}

function send(ws: WebSocket, message: Uint8Array) {
	if (ws.readyState !== ws.OPEN) return;
	ws.send(message, (error) => {
		if (error) ws.terminate();
	});
}
