import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import { CLOSE_GOING_AWAY, CLOSE_SERVER_ERROR } from './protocol';
import { defaultLimits, Room, type AfterWrite, type RoomLimits, type WriteAccess } from './room';

export const WS_PATH = '/ws/';

export type Authorization =
	| { ok: true; writes: WriteAccess; afterWrite?: AfterWrite }
	| { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Decides, from the upgrade request alone, whether it may open `docName`. */
export type Authorize = (req: IncomingMessage, docName: string) => Authorization;

export interface RealtimeOptions {
	maxPayload: number;
	limits?: Partial<RoomLimits>;
	/** How long an empty room stays loaded, so a reconnect does not reload it from disk. */
	unloadAfterMs?: number;
	pingIntervalMs?: number;
}

/**
 * The Yjs WebSocket endpoint: authorises each upgrade, keeps one Room per loaded document
 * and unloads rooms (after a snapshot) once their last socket has gone.
 */
export class RealtimeServer {
	readonly rooms = new Map<string, Room>();
	#wss: WebSocketServer;
	#limits: RoomLimits;
	#unloadTimers = new Map<string, NodeJS.Timeout>();
	#alive = new WeakSet<WebSocket>();
	#ping: NodeJS.Timeout;

	constructor(
		private readonly store: DocStore,
		private readonly authorize: Authorize,
		private readonly options: RealtimeOptions
	) {
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
		this.#limits = { ...defaultLimits, ...options.limits };
		this.#ping = setInterval(() => this.#heartbeat(), options.pingIntervalMs ?? 30_000);
		this.#ping.unref();
	}

	/** Handles an HTTP upgrade; returns false when the path is not the realtime endpoint. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (!path.startsWith(WS_PATH)) return false;
		let docName: string;
		try {
			docName = decodeURIComponent(path.slice(WS_PATH.length));
		} catch {
			reject(socket, 400, 'bad document name');
			return true;
		}
		let auth: Authorization;
		try {
			auth = this.authorize(req, docName);
		} catch (error) {
			console.error('[realtime] authorisation failed', error);
			reject(socket, 403, 'forbidden');
			return true;
		}
		if (!auth.ok) {
			reject(socket, auth.status, auth.reason);
			return true;
		}
		this.#wss.handleUpgrade(req, socket, head, (ws) =>
			this.#accept(ws, docName, auth.writes, auth.afterWrite ?? null)
		);
		return true;
	}

	#accept(ws: WebSocket, docName: string, writes: WriteAccess, afterWrite: AfterWrite | null) {
		let room: Room;
		try {
			room = this.#room(docName);
		} catch (error) {
			console.error(`[realtime] could not load ${docName}`, error);
			ws.close(CLOSE_SERVER_ERROR, 'could not load document');
			return;
		}
		this.#alive.add(ws);
		ws.on('pong', () => this.#alive.add(ws));
		// An oversized frame or protocol error must only cost this socket, never the process.
		ws.on('error', () => ws.terminate());
		ws.on('close', () => {
			room.remove(ws);
			if (room.conns.size === 0) this.#scheduleUnload(room);
		});
		room.add(ws, writes, afterWrite);
	}

	#room(docName: string): Room {
		const timer = this.#unloadTimers.get(docName);
		if (timer) {
			clearTimeout(timer);
			this.#unloadTimers.delete(docName);
		}
		let room = this.rooms.get(docName);
		if (!room) {
			room = new Room(docName, this.store, this.#limits, (broken) => this.#dropRoom(broken));
			this.rooms.set(docName, room);
		}
		return room;
	}

	#scheduleUnload(room: Room) {
		const delay = this.options.unloadAfterMs ?? 5_000;
		const timer = setTimeout(() => {
			this.#unloadTimers.delete(room.name);
			if (room.conns.size === 0) this.#unload(room);
		}, delay);
		timer.unref();
		this.#unloadTimers.set(room.name, timer);
	}

	#unload(room: Room) {
		try {
			room.compact();
		} finally {
			this.rooms.delete(room.name);
			room.destroy();
		}
	}

	/** A room whose update could not be stored is dropped whole and reloaded from disk. */
	#dropRoom(room: Room) {
		this.rooms.delete(room.name);
		for (const ws of room.conns.keys()) ws.close(CLOSE_SERVER_ERROR, 'storage error');
		queueMicrotask(() => room.destroy());
	}

	#heartbeat() {
		for (const ws of this.#wss.clients) {
			if (!this.#alive.has(ws)) {
				ws.terminate();
				continue;
			}
			this.#alive.delete(ws);
			ws.ping();
		}
	}

	/**
	 * Changes a document from the server side (loading it if needed), stored and sent to every
	 * client like any other update.
	 */
	edit<T>(docName: string, change: (doc: Y.Doc) => T): T {
		const room = this.#room(docName);
		try {
			let result!: T;
			room.doc.transact(() => {
				result = change(room.doc);
			}, 'server');
			return result;
		} finally {
			if (room.conns.size === 0) this.#scheduleUnload(room);
		}
	}

	/** Rewrites a loaded document's log as one snapshot, so what was removed is off the disk too. */
	compact(docName: string) {
		this.rooms.get(docName)?.compact();
	}

	/**
	 * The current state of a document for reading (exports): the live one when loaded,
	 * else a fresh copy from disk. Callers must not write to it.
	 */
	readDoc(docName: string): Y.Doc {
		const live = this.rooms.get(docName);
		if (live) return live.doc;
		const doc = new Y.Doc();
		this.store.loadInto(docName, doc);
		return doc;
	}

	/** Snapshots every loaded document and closes every socket (used on shutdown). */
	close() {
		clearInterval(this.#ping);
		for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
		this.#unloadTimers.clear();
		for (const room of this.rooms.values()) {
			for (const ws of room.conns.keys()) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
			this.#unload(room);
		}
		this.#wss.close();
	}
}

const statusText: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found'
};

function reject(socket: Duplex, status: number, reason: string) {
	socket.end(
		`HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\n` +
			`Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
}
