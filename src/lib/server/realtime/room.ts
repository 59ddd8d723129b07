import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOAD_ORIGIN, type DocLog } from './doc-store';
import {
	CLOSE_FORBIDDEN,
	CLOSE_MALFORMED,
	CLOSE_SERVER_ERROR,
	CLOSE_TOO_BIG,
	decodeClientMessage,
	encodeAwareness,
	encodeUpdate
} from './protocol';
import { clean } from '../log';
import type { FeatureHooks, Session, WriteAccess } from './hooks';
import { defaultSocketLimits, sendBounded, Throttle } from './limits';
import { PresenceGate, type Member } from './presence';
import { REFUSED_PENDING } from './judge';
import { countUpdateChanges } from './update-changes';
import { SyncAnswers } from './sync-answers';
import { newDoc } from './new-doc';

/** An accepted socket: who it is, what it may write, and whom its presence shows. */
export interface SocketAccess {
	session: Session;
	writes: WriteAccess;
	member: Member;
}

export interface RoomLimits {
	/** Sync messages read per second per socket; past it the server stops reading (back-pressure). */
	updatesPerSecond: number;
	/** Awareness messages per second applied per socket; the rest are dropped. */
	awarenessPerSecond: number;
	/** Compact the log into a snapshot after this many updates or bytes… */
	compactAfterUpdates: number;
	compactAfterBytes: number;
	/**
	 * … once they are also this share of the last snapshot's bytes: a compaction encodes and
	 * writes the whole document, so on a big board it waits until the log is worth it, and its
	 * cost per update follows the update's size, not the board's.
	 */
	compactTailShare: number;
	/** … and after this many updates in any case: what a crash leaves to replay on load. */
	compactAtMostUpdates: number;
	/** Largest message other than a sync step 2 / update; larger ones close with 1009. */
	maxPayload: number;
	/**
	 * Bytes queued for one socket before it is dropped (see limits.ts), on top of the largest
	 * whole-board answer it asked for: a board of any size the server accepted can be opened.
	 */
	sendBufferMax: number;
	/** Presence changes are sent to everyone at most this often, merged into one message. */
	awarenessFlushMs: number;
	/**
	 * Changes (structs, values, delete ranges) in one update; more close the socket with 1009.
	 * Applying costs time per change, not per byte: see update-changes.ts.
	 */
	changesPerMessage: number;
	/** An update costs one sync message's token more per this many changes (back-pressure). */
	changesPerToken: number;
	/** A sync step 1 costs one token more per this many bytes of its answer (a whole board). */
	answerBytesPerToken: number;
	/** … and one more per this many bytes of its state vector (decoding it costs time too). */
	stateVectorBytesPerToken: number;
}

export const defaultLimits: RoomLimits = {
	updatesPerSecond: 200,
	awarenessPerSecond: 60,
	compactAfterUpdates: 500,
	compactAfterBytes: 1024 * 1024,
	// A 2,000-note board (700 KB) is compacted every 1,000 notes instead of every 500.
	compactTailShare: 0.5,
	compactAtMostUpdates: 5000,
	maxPayload: defaultSocketLimits.maxPayload,
	sendBufferMax: defaultSocketLimits.sendBufferMax,
	awarenessFlushMs: 20,
	// An honest member's largest catch-up, 5000 notes of 11 structs each, fits with room.
	changesPerMessage: 80_000,
	// 200 tokens a second: about 20,000 changes a second per socket, once past the burst.
	changesPerToken: 100,
	// A 3.5 MB board (9000 notes) costs about 100 ms to encode: at most one every 2 s.
	answerBytesPerToken: 8 * 1024,
	// Decoding a 1 MiB state vector of made-up clients takes about 200 ms; an honest one lists
	// the board's client ids, a few kilobytes.
	stateVectorBytesPerToken: 1024
};

interface Connection extends SocketAccess {
	/** Awareness client ids this socket controls, removed when it closes. */
	clients: Set<number>;
	throttle: Throttle;
	window: number;
	awareness: number;
	/** The largest sync step 2 answer sent to this socket, admitted beyond sendBufferMax. */
	answer: number;
}

/** What the features are given as the update of a load (the log holds its bytes). */
const NO_BYTES = new Uint8Array(0);

/**
 * One loaded Yjs document and the sockets editing it. Every update is appended to the store
 * inside the document's update handler; the `onStore` hooks and the broadcast follow once the
 * append returned (SQLite: in the same handler) or resolved (PostgreSQL: in acceptance order),
 * so nothing reaches another client that is not already on disk. Accepted
 * updates run the `afterApply` hooks in their own transaction (hooks.ts).
 */
export class Room {
	readonly doc = newDoc({ gc: true });
	/** First of the document's update listeners: forgets its answers before anyone hears more. */
	readonly #answers = new SyncAnswers(this.doc);
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly conns = new Map<WebSocket, Connection>();
	readonly #presence = new PresenceGate(this.awareness);
	/** Presence changes not yet sent to everyone. */
	#awarenessChanged = new Set<number>();
	#awarenessTimer: NodeJS.Timeout | null = null;
	#lastId = 0;
	/**
	 * Appends the store has not confirmed yet (an asynchronous store only), chained in
	 * acceptance order: each update is broadcast when its own append resolved, after the ones
	 * before it. Null while nothing is pending, which on SQLite is always.
	 */
	#appending: Promise<void> | null = null;
	#pending = 0;
	#sinceSnapshot = { updates: 0, bytes: 0 };
	/** The size of the last snapshot this room wrote; 0 until it wrote one. */
	#snapshotBytes = 0;
	#broken = false;
	/** Told of every write the judge refused, with the writer's membership id. */
	onRefused: ((membershipId: string) => void) | null = null;
	#echo = false;

	constructor(
		readonly name: string,
		readonly store: DocLog,
		readonly limits: RoomLimits,
		private readonly onBroken: (room: Room) => void,
		private readonly features: FeatureHooks
	) {
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
				this.#onAwareness(changes, origin)
		);
	}

	/**
	 * Reads the document from the store: at once on SQLite, later on PostgreSQL. The load's
	 * transaction reaches the features (they count what the log holds) without its bytes: Yjs
	 * encodes a transaction's update only while someone listens to 'update', and for the load
	 * that is the whole document, already in the log. Nothing but the load writes before the
	 * room is served, so the room listens to 'update' from its end on.
	 */
	load(): void | Promise<void> {
		const onLoad = (tr: Y.Transaction) => {
			if (tr.origin === LOAD_ORIGIN) this.features.onStore(this.name, NO_BYTES, tr);
		};
		this.doc.on('afterTransaction', onLoad);
		const loaded = (lastId: number) => {
			this.#lastId = lastId;
			this.doc.off('afterTransaction', onLoad);
			this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
				this.#onUpdate(update, origin, tr)
			);
		};
		const lastId = this.store.loadInto(this.name, this.doc);
		if (typeof lastId === 'number') loaded(lastId);
		else return lastId.then(loaded);
	}

	#onUpdate(update: Uint8Array, origin: unknown, tr: Y.Transaction) {
		let id: number | Promise<number>;
		try {
			id = this.store.append(this.name, update);
		} catch (error) {
			this.#storeFailed(error);
			return;
		}
		const echo = this.#echo;
		if (typeof id === 'number' && this.#appending === null) {
			this.#lastId = id;
			this.#publish(update, origin, echo, tr);
			return;
		}
		// Not on disk yet: seen by no one until it is, and never before an earlier update.
		this.#pending++;
		const stored = Promise.resolve(id);
		this.#appending = (this.#appending ?? Promise.resolve()).then(() =>
			stored.then(
				(id) => {
					if (--this.#pending === 0) this.#appending = null;
					if (this.#broken) return;
					this.#lastId = id;
					try {
						this.#publish(update, origin, echo, tr);
					} catch (error) {
						// Stored: the next updates must still go out, in order.
						console.error(`[realtime] could not send an update in ${clean(this.name)}`, error);
					}
				},
				(error: unknown) => {
					if (--this.#pending === 0) this.#appending = null;
					if (!this.#broken) this.#storeFailed(error);
				}
			)
		);
	}

	#storeFailed(error: unknown) {
		// Not on disk, so it must not be seen: drop every socket; clients resend on reconnect.
		console.error(`[realtime] could not persist update to ${clean(this.name)}`, error);
		this.#broken = true;
		this.onBroken(this);
	}

	/** Once an update is stored: the `onStore` hooks, the broadcast, and compaction when due. */
	#publish(update: Uint8Array, origin: unknown, echo: boolean, tr: Y.Transaction) {
		this.features.onStore(this.name, update, tr);
		const message = encodeUpdate(update);
		const max = this.limits.sendBufferMax;
		for (const [ws, conn] of this.conns) {
			if (ws !== origin || echo) sendBounded(ws, message, max + conn.answer);
		}
		this.#sinceSnapshot.updates++;
		this.#sinceSnapshot.bytes += update.byteLength;
		if (this.#compactionDue()) void this.compact();
	}

	#compactionDue(): boolean {
		const { updates, bytes } = this.#sinceSnapshot;
		const limits = this.limits;
		if (updates >= limits.compactAtMostUpdates) return true;
		if (bytes < this.#snapshotBytes * limits.compactTailShare) return false;
		return updates >= limits.compactAfterUpdates || bytes >= limits.compactAfterBytes;
	}

	/** Resolves once every update accepted so far is stored (at once when none is pending). */
	async stored(): Promise<void> {
		while (this.#appending) await this.#appending;
	}

	/**
	 * Runs `answer` when nothing accepted is waiting for the store: a reply built from the
	 * document (a sync step 2) then holds only what is stored. Synchronous on SQLite.
	 */
	#whenStored(ws: WebSocket, answer: () => void) {
		if (this.#appending === null) {
			answer();
			return;
		}
		this.#appending.then(
			() => {
				if (this.#broken || !this.conns.has(ws)) return;
				try {
					this.#whenStored(ws, answer);
				} catch {
					ws.close(CLOSE_MALFORMED, 'rejected message');
				}
			},
			() => {}
		);
	}

	#onAwareness(
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		_origin: unknown
	) {
		this.#presence.released(removed);
		for (const id of [...added, ...updated, ...removed]) this.#awarenessChanged.add(id);
		// One message per tick for everyone's changes: N people moving at once cost N sends per
		// socket without this, N² in all.
		this.#awarenessTimer ??= setTimeout(() => this.#flushAwareness(), this.limits.awarenessFlushMs);
	}

	#flushAwareness() {
		this.#awarenessTimer = null;
		if (this.#awarenessChanged.size === 0) return;
		try {
			const message = encodeAwareness(this.awareness, [...this.#awarenessChanged]);
			this.#awarenessChanged.clear();
			for (const ws of this.conns.keys()) this.#send(ws, message);
		} catch (error) {
			this.#awarenessChanged.clear();
			console.error(`[realtime] could not send presence in ${clean(this.name)}`, error);
		}
	}

	get broken() {
		return this.#broken;
	}

	/** Whether it accepted anything since it was loaded or last compacted. */
	get changedSinceSnapshot(): boolean {
		return this.#sinceSnapshot.updates > 0 || this.#appending !== null;
	}

	/**
	 * Writes a snapshot and prunes the log; safe to call at any time. Waits for pending appends
	 * first, so the snapshot's log id covers what it holds.
	 */
	compact(): void | Promise<void> {
		if (this.#broken) return;
		if (this.#appending) return this.stored().then(() => this.compact());
		this.#sinceSnapshot = { updates: 0, bytes: 0 };
		const state = Y.encodeStateAsUpdate(this.doc);
		this.#snapshotBytes = state.byteLength;
		return this.store.compact(this.name, state, this.#lastId);
	}

	add(ws: WebSocket, access: SocketAccess) {
		this.conns.set(ws, {
			...access,
			clients: new Set(),
			throttle: new Throttle(ws, this.limits.updatesPerSecond, (data) => {
				try {
					this.#onMessage(ws, data);
				} catch (error) {
					console.error(`[realtime] message handling failed in ${clean(this.name)}`, error);
					ws.close(CLOSE_SERVER_ERROR, 'server error');
				}
			}),
			window: 0,
			awareness: 0,
			answer: 0
		});
		ws.on('message', (data: Buffer, isBinary: boolean) => {
			// A text frame is never a y-websocket message; binary ones go through back-pressure.
			if (!isBinary) ws.close(CLOSE_MALFORMED, 'malformed message');
			else this.conns.get(ws)?.throttle.push(data);
		});
		this.#send(ws, this.#answers.stepOne());
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) this.#send(ws, encodeAwareness(this.awareness, states));
	}

	/** Forgets a socket and the presence it controlled. */
	remove(ws: WebSocket) {
		const conn = this.conns.get(ws);
		if (!conn) return;
		this.conns.delete(ws);
		conn.throttle.stop();
		awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clients], null);
	}

	#send(ws: WebSocket, message: Uint8Array) {
		sendBounded(ws, message, this.limits.sendBufferMax + (this.conns.get(ws)?.answer ?? 0));
	}

	#onMessage(ws: WebSocket, data: Buffer) {
		const conn = this.conns.get(ws);
		// Frames already read keep coming after a close or drop: answering them is wasted work.
		if (!conn || ws.readyState !== ws.OPEN) return;
		// Only a sync step 2 or update may be large (a client's whole catch-up, up to
		// maxSyncPayload, enforced by ws); everything else stays small. Read from the first two
		// bytes (message type, sync type), before anything is decoded.
		if (
			data.byteLength > this.limits.maxPayload &&
			!(data[0] === 0 && (data[1] === 1 || data[1] === 2))
		) {
			ws.close(CLOSE_TOO_BIG, 'message too big');
			return;
		}
		let message;
		try {
			message = decodeClientMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		} catch {
			ws.close(CLOSE_MALFORMED, 'malformed message');
			return;
		}
		if (message.type === 'awareness') {
			const second = Math.floor(Date.now() / 1000);
			if (conn.window !== second) {
				conn.window = second;
				conn.awareness = 0;
			}
			// y-websocket clients echo every presence change they receive, so a room of N people
			// sends N messages per socket when everyone moves at once. Presence is disposable and
			// renewed every 15 s: drop the excess, never close for it.
			if (++conn.awareness > this.limits.awarenessPerSecond) return;
		}
		try {
			switch (message.type) {
				case 'sync-step-1': {
					const { stateVector } = message;
					// Counted against the send buffer: a socket asking for the board again and again
					// without reading is dropped once it holds sendBufferMax bytes beyond one answer
					// (so a board larger than the buffer still opens, and updates sent while it
					// downloads do not drop it). One that reads is charged by the answer's size, so
					// it cannot keep the server encoding the board.
					this.#whenStored(ws, () => {
						const answer = this.#answers.stepTwo(stateVector);
						conn.answer = Math.max(conn.answer, answer.byteLength);
						this.#send(ws, answer);
						conn.throttle.charge(
							Math.floor(answer.byteLength / this.limits.answerBytesPerToken) +
								Math.floor(stateVector.byteLength / this.limits.stateVectorBytesPerToken)
						);
					});
					break;
				}
				case 'update': {
					// Observers read; their writes are dropped without a word, as y-websocket expects.
					if (conn.writes === 'none') break;
					// Counted before anything applies it: a flood of tiny structs would block the
					// event loop for every room (about 14 µs per change in the judge and the room).
					const max = this.limits.changesPerMessage;
					const changes = countUpdateChanges(message.update, max);
					if (changes > max) {
						ws.close(CLOSE_TOO_BIG, 'too many changes in one message');
						return;
					}
					conn.throttle.charge(Math.floor(changes / this.limits.changesPerToken));
					const refused = conn.writes === 'any' ? null : conn.writes(this.doc, message.update);
					if (refused?.reason === REFUSED_PENDING) {
						// Built on a change of its own the server never stored (lost with a process that
						// died before storing it, or made offline) and sent before its catch-up: ask for
						// the catch-up, which brings both and is judged whole, instead of closing for good.
						this.#send(ws, this.#answers.stepOne());
						break;
					}
					if (refused) this.onRefused?.(conn.member.id);
					if (refused?.malformed) throw new Error(refused.reason);
					if (refused) {
						console.warn(
							`[realtime] refused a write to ${clean(this.name)}: ${clean(refused.reason)}`
						);
						ws.close(CLOSE_FORBIDDEN, `forbidden: ${refused.reason}`.slice(0, 120));
						return;
					}
					this.#apply(ws, message.update, conn.session);
					break;
				}
				case 'awareness': {
					const admitted = this.#presence.admit(conn, message.update);
					if (admitted) awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted, ws);
					break;
				}
				case 'query-awareness':
					this.#send(ws, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
					break;
			}
		} catch {
			ws.close(this.#broken ? CLOSE_SERVER_ERROR : CLOSE_MALFORMED, 'rejected message');
		}
	}

	#apply(ws: WebSocket, update: Uint8Array, session: Session) {
		if (!this.features.hasAfterApply) {
			Y.applyUpdate(this.doc, update, ws);
			return;
		}
		let failed = false;
		try {
			this.doc.transact((tr) => {
				Y.applyUpdate(this.doc, update, ws);
				try {
					// The sender must see what the server changed, so it gets this update too.
					this.#echo = this.features.afterApply(session, this.doc, tr);
				} catch {
					// Logged by the hook runner. The update was judged and stays; only this socket
					// pays, and its client resyncs with what the server holds.
					failed = true;
					this.#echo = true;
				}
			}, ws);
		} finally {
			this.#echo = false;
		}
		if (failed) ws.close(CLOSE_SERVER_ERROR, 'server error');
	}

	/**
	 * Rewrites the person in every presence state from its socket's member as it is now (after
	 * anonymity was switched), and sends the rewrite to everyone at once: from here on, neither
	 * newcomers nor anyone connected hears the old person.
	 */
	renewPresence() {
		const renewed = this.#presence.renew();
		if (renewed === null) return;
		awarenessProtocol.applyAwarenessUpdate(this.awareness, renewed, null);
		if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
		this.#flushAwareness();
	}

	destroy() {
		// Appends still in flight publish nothing and compact nothing from here on.
		this.#broken = true;
		if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
		for (const conn of this.conns.values()) conn.throttle.stop();
		this.awareness.destroy();
		this.doc.destroy();
	}
}
