import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { clean } from '../log';
import type { DocLog } from './doc-store';
import {
	clientAddress,
	defaultSocketLimits,
	RefusalBudget,
	SocketCounter,
	type SocketLimits
} from './limits';
import { boardRoom, parseRoom } from '$lib/workshop/rooms';
import {
	FeatureHooks,
	ownPresence,
	type Authentication,
	type RealtimeHooks,
	type Session
} from './hooks';
import { CLOSE_GOING_AWAY, CLOSE_REMOVED, CLOSE_SERVER_ERROR, CLOSE_TRY_AGAIN } from './protocol';
import { defaultLimits, Room, type RoomLimits, type SocketAccess } from './room';
import { mapDeclaredRoots } from './declared-roots';
import { newDoc } from './new-doc';

export const WS_PATH = '/ws/';

export interface RealtimeOptions {
	/** Largest message other than a sync step 2 / update. */
	maxPayload: number;
	/** Largest sync step 2 / update (a whole catch-up); defaults to DOC_MAX_BYTES. */
	maxSyncPayload?: number;
	limits?: Partial<RoomLimits>;
	sockets?: Partial<Pick<SocketLimits, 'socketsPerAddress' | 'socketsPerMember'>>;
	/** Refused writes per membership and minute before its upgrades are refused (429). */
	refusalsPerMinute?: number;
	/** How long an empty room stays loaded, so a reconnect does not reload it from disk. */
	unloadAfterMs?: number;
	pingIntervalMs?: number;
}

/**
 * The Yjs WebSocket endpoint: authenticates and judges each upgrade through its hooks
 * (hooks.ts), keeps one Room per loaded document and unloads rooms (after a snapshot) once
 * their last socket has gone.
 */
export class RealtimeServer {
	readonly rooms = new Map<string, Room>();
	#wss: WebSocketServer;
	#limits: RoomLimits;
	/** Keyed by the Room itself: a late event of a dropped room must never touch its successor. */
	#unloadTimers = new Map<Room, NodeJS.Timeout>();
	#perAddress: SocketCounter;
	#perMember: SocketCounter;
	#refusals: RefusalBudget;
	#alive = new WeakSet<WebSocket>();
	#ping: NodeJS.Timeout;
	#features: FeatureHooks;
	/** Rooms whose store answers asynchronously, while they load. */
	#loading = new Map<string, Promise<Room>>();
	#closed = false;

	constructor(
		private readonly store: DocLog,
		private readonly hooks: RealtimeHooks,
		private readonly options: RealtimeOptions
	) {
		this.#features = new FeatureHooks(hooks.features);
		const maxSyncPayload = Math.max(
			options.maxPayload,
			options.maxSyncPayload ?? defaultSocketLimits.maxSyncPayload
		);
		// ws enforces the larger bound; Room closes anything but sync step 2 / update past maxPayload.
		this.#wss = new WebSocketServer({ noServer: true, maxPayload: maxSyncPayload });
		this.#limits = { ...defaultLimits, ...options.limits, maxPayload: options.maxPayload };
		const sockets = { ...defaultSocketLimits, ...options.sockets };
		this.#perAddress = new SocketCounter(sockets.socketsPerAddress);
		this.#perMember = new SocketCounter(sockets.socketsPerMember);
		this.#refusals = new RefusalBudget(options.refusalsPerMinute ?? 5);
		this.#ping = setInterval(
			() => guard('heartbeat', () => this.#heartbeat()),
			options.pingIntervalMs ?? 30_000
		);
		this.#ping.unref();
	}

	/**
	 * Handles an HTTP upgrade; returns false when the path is not the realtime endpoint.
	 * Never throws: whatever the request holds, the worst it gets is an HTTP error.
	 */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		let path: string;
		try {
			path = new URL(req.url ?? '/', 'http://localhost').pathname;
		} catch {
			reject(socket, 400, 'bad request target');
			return true;
		}
		if (!path.startsWith(WS_PATH)) return false;
		try {
			this.#upgrade(req, socket, head, path);
		} catch (error) {
			console.error('[realtime] upgrade failed', error);
			reject(socket, 400, 'bad request');
		}
		return true;
	}

	#upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string) {
		let docName: string;
		try {
			docName = decodeURIComponent(path.slice(WS_PATH.length));
		} catch {
			reject(socket, 400, 'bad document name');
			return;
		}
		let auth;
		try {
			auth = this.hooks.authenticate(req, docName);
		} catch (error) {
			this.#authFailed(socket, error);
			return;
		}
		if (!(auth instanceof Promise)) {
			this.#admit(req, socket, head, docName, auth);
			return;
		}
		auth.then(
			(answer) => {
				if (socket.destroyed) return;
				try {
					this.#admit(req, socket, head, docName, answer);
				} catch (error) {
					console.error('[realtime] upgrade failed', error);
					reject(socket, 400, 'bad request');
				}
			},
			(error: unknown) => this.#authFailed(socket, error)
		);
	}

	#authFailed(socket: Duplex, error: unknown) {
		console.error('[realtime] authorisation failed', error);
		reject(socket, 403, 'forbidden');
	}

	#admit(
		req: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		docName: string,
		auth: Authentication
	) {
		let access: SocketAccess;
		try {
			if (!auth.ok) {
				reject(socket, auth.status, auth.reason);
				return;
			}
			access = this.#access(auth.session);
		} catch (error) {
			this.#authFailed(socket, error);
			return;
		}
		const member = access.member;
		const address = clientAddress(req);
		if (this.#perAddress.full(address)) {
			reject(socket, 429, 'too many connections from this address');
			return;
		}
		if (this.#refusals.blocked(member.id)) {
			reject(socket, 429, 'too many refused writes, try again in a minute');
			return;
		}
		if (this.#perMember.full(member.id)) {
			reject(socket, 429, 'too many connections for this member');
			return;
		}
		// Counted from now until the TCP socket is gone, whether or not the handshake completes.
		this.#perAddress.hold(address, socket);
		this.#perMember.hold(member.id, socket);
		// The handshake and what a loaded room sends at once leave in one write, not one each.
		socket.cork();
		try {
			this.#wss.handleUpgrade(req, socket, head, (ws) =>
				guard('accept', () => this.#accept(ws, socket, docName, access))
			);
		} finally {
			socket.uncork();
		}
	}

	/** The `judge` hook, and the person presence shows as the `presence` hooks make them. */
	#access(session: Session): SocketAccess {
		const writes = this.hooks.judge(session);
		const own = ownPresence(session.membership);
		const features = this.#features;
		return {
			session,
			writes,
			member: { id: session.membership.id, presence: () => features.presence(session, own) }
		};
	}

	/** `socket`: the one under `ws`, corked while several messages go out at once. */
	#accept(ws: WebSocket, socket: Duplex, docName: string, access: SocketAccess) {
		this.#alive.add(ws);
		ws.on('pong', () => this.#alive.add(ws));
		// An oversized frame or protocol error must only cost this socket, never the process.
		ws.on('error', () => ws.terminate());
		let loading: Room | Promise<Room>;
		try {
			loading = this.#opening(docName);
		} catch (error) {
			this.#loadFailed(ws, docName, error);
			return;
		}
		if (!(loading instanceof Promise)) {
			this.#join(ws, loading, access);
			return;
		}
		// The store answers later: what the client sends meanwhile is kept and replayed, in order,
		// once the room holds it. Past one ordinary message's worth the socket is not read until
		// then: a client writing while a big board loads (PostgreSQL) must not fill the memory.
		const early: Array<[Buffer, boolean]> = [];
		let earlyBytes = 0;
		const keep = (data: Buffer, isBinary: boolean) => {
			early.push([data, isBinary]);
			earlyBytes += data.byteLength;
			if (earlyBytes > this.options.maxPayload) ws.pause();
		};
		ws.on('message', keep);
		loading.then(
			(room) =>
				guard('accept', () => {
					ws.off('message', keep);
					if (ws.readyState !== ws.OPEN) {
						if (room.conns.size === 0) this.#scheduleUnload(room);
						return;
					}
					// Before the replay, which may pause it again (the room's back-pressure).
					if (ws.isPaused) ws.resume();
					// The room's first messages and the answers to what the client sent meanwhile
					// (its sync step 1) leave in one write.
					socket.cork();
					try {
						this.#join(ws, room, access);
						for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
					} finally {
						socket.uncork();
					}
				}),
			(error: unknown) => this.#loadFailed(ws, docName, error)
		);
	}

	#loadFailed(ws: WebSocket, docName: string, error: unknown) {
		console.error(`[realtime] could not load ${clean(docName)}`, error);
		ws.close(CLOSE_SERVER_ERROR, 'could not load document');
	}

	#join(ws: WebSocket, room: Room, access: SocketAccess) {
		this.#cancelUnload(room);
		ws.on('close', () =>
			guard('close', () => {
				room.remove(ws);
				if (room.conns.size === 0) this.#scheduleUnload(room);
			})
		);
		room.add(ws, access);
	}

	/**
	 * The room a socket opens, and for a private document its workshop's board too: judging a
	 * private document reads the board synchronously (loaded()), so it is loaded first.
	 */
	#opening(docName: string): Room | Promise<Room> {
		const room = this.#room(docName);
		const parsed = parseRoom(docName);
		if (parsed?.kind !== 'private') return room;
		const board = this.#room(boardRoom(parsed.workshopId));
		if (!(room instanceof Promise) && !(board instanceof Promise)) return room;
		return Promise.all([room, board]).then(([room]) => room);
	}

	/**
	 * The live room of a name: at once when loaded or when the store loads synchronously
	 * (SQLite), else the one loading promise every caller of that name shares, so two sockets
	 * opening an unloaded room load it once.
	 */
	#room(docName: string): Room | Promise<Room> {
		const live = this.rooms.get(docName);
		if (live) {
			this.#cancelUnload(live);
			return live;
		}
		const pending = this.#loading.get(docName);
		if (pending) return pending;
		const room = new Room(
			docName,
			this.store,
			this.#limits,
			(broken) => this.#dropRoom(broken),
			this.#features
		);
		room.onRefused = (membershipId) => this.#refusals.note(membershipId);
		mapDeclaredRoots(docName, room.doc);
		let loaded: void | Promise<void>;
		try {
			const before = this.hooks.beforeLoad?.(docName);
			loaded = before instanceof Promise ? before.then(() => room.load()) : room.load();
		} catch (error) {
			room.destroy();
			throw error;
		}
		if (!(loaded instanceof Promise)) return this.#loaded(room);
		const loading: Promise<Room> = loaded.then(
			() => {
				// Dropped while it loaded (its workshop deleted) or the server closing: never live.
				if (this.#loading.get(docName) !== loading || this.#closed) {
					room.destroy();
					throw new Error(`${clean(docName)} was dropped while it loaded`);
				}
				this.#loading.delete(docName);
				return this.#loaded(room);
			},
			(error: unknown) => {
				this.#loading.delete(docName);
				room.destroy();
				throw error;
			}
		);
		this.#loading.set(docName, loading);
		return loading;
	}

	#loaded(room: Room): Room {
		this.rooms.set(room.name, room);
		this.#onLoad(room.name, room.doc);
		// Nobody may hold it yet (edit, loaded): unloaded again unless a socket joins meanwhile.
		this.#scheduleUnload(room);
		return room;
	}

	/** The `onLoad` hooks, in one server transaction; a failing one leaves its part as on disk. */
	#onLoad(docName: string, doc: Y.Doc) {
		guard('onLoad', () => doc.transact(() => this.#features.onLoad(docName, doc), 'server'));
	}

	#cancelUnload(room: Room) {
		const timer = this.#unloadTimers.get(room);
		if (timer) clearTimeout(timer);
		this.#unloadTimers.delete(room);
	}

	#scheduleUnload(room: Room) {
		this.#cancelUnload(room);
		const delay = this.options.unloadAfterMs ?? 5_000;
		const timer = setTimeout(
			() =>
				guard('unload', () => {
					this.#unloadTimers.delete(room);
					if (room.conns.size > 0) return;
					if (this.#pinned(room)) this.#scheduleUnload(room);
					else this.#unloaded(this.#unload(room));
				}),
			delay
		);
		timer.unref();
		this.#unloadTimers.set(room, timer);
	}

	/**
	 * A board stays loaded while a private document of its workshop has sockets: the judge
	 * reads it synchronously (loaded()), which an asynchronous store cannot load on the spot.
	 */
	#pinned(room: Room): boolean {
		const parsed = parseRoom(room.name);
		if (parsed?.kind !== 'board') return false;
		for (const other of this.#roomsOf(parsed.workshopId)) {
			if (other !== room && other.conns.size > 0) return true;
		}
		return false;
	}

	/** Forgets `room` only if it is still the live room of its name. */
	#forget(room: Room) {
		this.#cancelUnload(room);
		if (this.rooms.get(room.name) !== room) return;
		this.rooms.delete(room.name);
		this.#features.onUnload(room.name);
	}

	/**
	 * Snapshots the room (once what it accepted is stored) and forgets it. A room that only
	 * was read (a private document loaded for the judge or a count) has nothing to save: its
	 * snapshot would re-encode and rewrite the whole document at every unload, a cost that on
	 * PostgreSQL slowed every other room's appends (tests/integration/private-load.test.ts).
	 */
	#unload(room: Room): void | Promise<void> {
		const live = this.rooms.get(room.name) === room;
		this.#forget(room);
		let saving: void | Promise<void>;
		try {
			saving = live && room.changedSinceSnapshot ? room.compact() : undefined;
		} catch (error) {
			room.destroy();
			throw error;
		}
		if (!(saving instanceof Promise)) {
			room.destroy();
			return;
		}
		return saving.finally(() => room.destroy());
	}

	#unloaded(saving: void | Promise<void>) {
		saving?.catch((error: unknown) => console.error('[realtime] unload failed', error));
	}

	/** A room whose update could not be stored is dropped whole and reloaded from disk. */
	#dropRoom(room: Room) {
		this.#forget(room);
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
	async edit<T>(docName: string, change: (doc: Y.Doc) => T): Promise<T> {
		const room = await this.#room(docName);
		try {
			let result!: T;
			room.doc.transact(() => {
				result = change(room.doc);
			}, 'server');
			await room.stored();
			return result;
		} finally {
			if (room.conns.size === 0) this.#scheduleUnload(room);
		}
	}

	/** Membership ids with an open socket on any document of the workshop (who is online). */
	membersOnline(workshopId: string): Set<string> {
		const online = new Set<string>();
		for (const room of this.#roomsOf(workshopId)) {
			for (const conn of room.conns.values()) online.add(conn.member.id);
		}
		return online;
	}

	/** Closes every socket of a membership on the workshop's documents at once (it was removed). */
	closeMember(workshopId: string, membershipId: string) {
		for (const room of this.#roomsOf(workshopId)) {
			for (const [ws, conn] of room.conns) {
				if (conn.member.id === membershipId) ws.close(CLOSE_REMOVED, 'removed from the workshop');
			}
		}
	}

	/**
	 * Closes every socket on the workshop's documents and forgets its rooms without storing
	 * them (no snapshot): the workshop is being deleted, so nothing of it may be written back.
	 */
	async dropWorkshop(workshopId: string) {
		for (const name of [...this.#loading.keys()]) {
			if (parseRoom(name)?.workshopId === workshopId) this.#loading.delete(name);
		}
		const inFlight: Promise<void>[] = [];
		for (const room of [...this.#roomsOf(workshopId)]) {
			this.#forget(room);
			for (const ws of room.conns.keys()) {
				// Nothing still in flight may reach the log after this.
				ws.removeAllListeners('message');
				ws.close(CLOSE_REMOVED, 'the workshop was deleted');
			}
			inFlight.push(room.stored());
			room.destroy();
		}
		// Appends already sent to an asynchronous store land before the caller deletes the rows.
		await Promise.all(inFlight);
	}

	/**
	 * Stops serving a workshop another process is to serve (docs/operations.md): its sockets
	 * close with a code clients reconnect after, and its rooms are forgotten unstored, since
	 * every update they accepted is on disk already.
	 */
	evictWorkshop(workshopId: string) {
		// A room still loading would otherwise land in `rooms` afterwards, and be served stale
		// once this process holds the workshop again.
		for (const name of [...this.#loading.keys()]) {
			if (parseRoom(name)?.workshopId === workshopId) this.#loading.delete(name);
		}
		for (const room of [...this.#roomsOf(workshopId)]) {
			this.#forget(room);
			for (const ws of room.conns.keys()) {
				ws.removeAllListeners('message');
				ws.close(CLOSE_TRY_AGAIN, 'served by another process, try again');
			}
			room.destroy();
		}
	}

	*#roomsOf(workshopId: string) {
		for (const room of this.rooms.values()) {
			if (parseRoom(room.name)?.workshopId === workshopId) yield room;
		}
	}

	/** Rewrites a loaded document's log as one snapshot, so what was removed is off the disk too. */
	async compact(docName: string) {
		await this.rooms.get(docName)?.compact();
	}

	/**
	 * The current state of a document for reading (exports): the live one when loaded,
	 * else a fresh copy from disk. Callers must not write to it.
	 */
	async readDoc(docName: string): Promise<Y.Doc> {
		const live = this.rooms.get(docName);
		if (live) return live.doc;
		const doc = newDoc();
		mapDeclaredRoots(docName, doc);
		try {
			await this.hooks.beforeLoad?.(docName, 'copy');
			await this.store.loadInto(docName, doc);
		} catch (error) {
			doc.destroy();
			throw error;
		}
		// Loaded meanwhile: the live one is newer than this copy.
		const since = this.rooms.get(docName);
		if (since) {
			doc.destroy();
			return since.doc;
		}
		// What the live room would hold once loaded; never stored from here.
		this.#onLoad(docName, doc);
		return doc;
	}

	/**
	 * Rewrites the presence shown in every loaded room of a workshop (board and private
	 * documents) from each socket's member as they are now, and sends it at once: called when
	 * anonymity is switched, so no one hears the old person after the switch.
	 */
	renewPresence(workshopId: string) {
		for (const room of this.rooms.values()) {
			if (parseRoom(room.name)?.workshopId !== workshopId) continue;
			try {
				room.renewPresence();
			} catch (error) {
				// The old person must not stay on show: this room's sockets reconnect and announce anew.
				console.error(`[realtime] could not renew presence in ${clean(room.name)}`, error);
				for (const ws of room.conns.keys()) ws.close(CLOSE_SERVER_ERROR, 'server error');
			}
		}
	}

	/**
	 * Reads a document without keeping it: the live one when loaded, else a copy from disk
	 * dropped once `read` returns, so reading many (every member's private document) never
	 * holds them all in memory at once.
	 */
	async read<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
		const live = this.rooms.get(docName);
		if (live) return read(live.doc);
		const doc = await this.readDoc(docName);
		if (this.rooms.get(docName)?.doc === doc) return read(doc);
		try {
			return read(doc);
		} finally {
			doc.destroy();
		}
	}

	/**
	 * A document as its room holds it, loading the room if needed (unloaded again a while after,
	 * like any room without sockets): for reads repeated per message, such as the board's rounds
	 * while a private document is judged, which must not load it from disk each time. Callers
	 * must not write to it.
	 */
	loaded(docName: string): Y.Doc {
		const room = this.#room(docName);
		if (room instanceof Promise) {
			// Only on an asynchronous store; #opening loads a private document's board first.
			room.catch(() => {});
			throw new Error(`${clean(docName)} is not loaded yet`);
		}
		if (room.conns.size === 0) this.#scheduleUnload(room);
		return room.doc;
	}

	/** As loaded(), for callers that can wait for the store. */
	async load(docName: string): Promise<Y.Doc> {
		const room = await this.#room(docName);
		if (room.conns.size === 0) this.#scheduleUnload(room);
		return room.doc;
	}

	/** Snapshots every loaded document and closes every socket (used on shutdown). */
	async close() {
		this.#closed = true;
		clearInterval(this.#ping);
		for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
		this.#unloadTimers.clear();
		const saved: Array<void | Promise<void>> = [];
		for (const room of this.rooms.values()) {
			for (const ws of room.conns.keys()) ws.close(CLOSE_GOING_AWAY, 'server shutting down');
			saved.push(this.#unload(room));
		}
		this.#wss.close();
		await Promise.all([...saved, this.#features.flush()]);
	}

	/** Writes what the features hold back (features/activity.ts), for a reader of it. */
	flush(): Promise<void> {
		return this.#features.flush();
	}
}

const statusText: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	429: 'Too Many Requests'
};

/** Runs a callback of a socket or timer: a bug there is logged, never fatal to the process. */
function guard(what: string, fn: () => void) {
	try {
		fn();
	} catch (error) {
		console.error(`[realtime] ${what} failed`, error);
	}
}

function reject(socket: Duplex, status: number, reason: string) {
	if (socket.destroyed) return;
	socket.on('error', () => socket.destroy());
	socket.end(
		`HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\n` +
			`Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`
	);
}
