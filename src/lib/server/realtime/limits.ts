import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/**
 * The realtime server's limits (documented in docs/realtime.md, "Limits and close codes").
 * Each protects the workshop from one socket without costing an honest client its data.
 */

/** Largest document the server keeps; also bounds one sync message (a whole catch-up). */
export const DOC_MAX_BYTES = 16 * 1024 * 1024;

export interface SocketLimits {
	/** Largest message other than a sync step 2 / update (awareness, sync step 1). */
	maxPayload: number;
	/** Largest sync step 2 / update message: a client's whole offline catch-up in one go. */
	maxSyncPayload: number;
	/**
	 * Bytes queued for one socket before it is dropped instead of buffered further, beyond the
	 * largest whole-board answer (sync step 2) that socket asked for (room.ts).
	 */
	sendBufferMax: number;
	/**
	 * Open sockets per client address and per membership, checked at the upgrade. A ward or a
	 * whole hospital often reaches us through one address: joining lets 100 new people in per
	 * address and 10 minutes (services/limits.ts), and each holds a board socket, a private
	 * document's during a round, maybe a second tab or the presenting view. So the address cap
	 * is a few sockets for each of them; one person is held by the membership cap.
	 */
	socketsPerAddress: number;
	socketsPerMember: number;
}

export const defaultSocketLimits: SocketLimits = {
	maxPayload: 1024 * 1024,
	maxSyncPayload: DOC_MAX_BYTES,
	sendBufferMax: 8 * 1024 * 1024,
	socketsPerAddress: 400,
	socketsPerMember: 10
};

/**
 * Sends unless the socket already holds `max` bytes it has not taken: a socket that does not
 * read (or asks for the whole board again and again) is dropped, never buffered without end.
 */
export function sendBounded(ws: WebSocket, message: Uint8Array, max: number): boolean {
	if (ws.readyState !== ws.OPEN) return false;
	if (ws.bufferedAmount + message.byteLength > max) {
		console.warn(
			`[realtime] dropped a socket that does not read (${ws.bufferedAmount} bytes queued)`
		);
		ws.terminate();
		return false;
	}
	// No callback: a failed write is the socket's 'error', on which ws destroys it anyway, and a
	// closure per recipient per update is garbage on the hottest path.
	ws.send(message);
	return true;
}

/**
 * Back-pressure for one socket: sync messages spend tokens from a bucket of `perSecond`. When
 * it runs dry the server stops reading the socket (so TCP slows the writer down) and queues
 * what it had already read, in order, until the bucket refills. Nothing the client sent is
 * lost: a close would make y-websocket give up for good. The queue holds at most what one
 * read brought in, because reading stops at the first queued message.
 */
export class Throttle {
	#tokens: number;
	#last = Date.now();
	#timer: NodeJS.Timeout | null = null;
	#queue: Buffer[] = [];
	#stopped = false;

	constructor(
		private readonly ws: WebSocket,
		private readonly perSecond: number,
		private readonly handle: (data: Buffer) => void
	) {
		this.#tokens = perSecond;
	}

	/** Handles `data` now, or queues it behind what is already waiting. */
	push(data: Buffer) {
		if (this.#stopped) return;
		if (this.#queue.length === 0 && this.#take(data)) {
			this.handle(data);
			return;
		}
		this.#queue.push(data);
		if (this.#queue.length === 1) {
			this.ws.pause();
			this.#schedule();
		}
	}

	/**
	 * Spends `tokens` more for what the message just handled cost the server (its changes, the
	 * size of the answer): the bucket may go into debt, and the socket is read again only once
	 * it has paid it back.
	 */
	charge(tokens: number) {
		if (tokens > 0) this.#tokens -= tokens;
	}

	stop() {
		this.#stopped = true;
		this.#queue = [];
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	/** Whether `data` may be handled now; spends a token for a sync message (type 0). */
	#take(data: Buffer): boolean {
		if (data[0] !== 0 && data[0] !== 3) return true;
		const now = Date.now();
		this.#tokens = Math.min(
			this.perSecond,
			this.#tokens + ((now - this.#last) / 1000) * this.perSecond
		);
		this.#last = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	#schedule() {
		// Come back when a tenth of a second's worth of messages may be handled.
		const batch = Math.max(1, this.perSecond / 10);
		const wait = Math.ceil(((batch - this.#tokens) / this.perSecond) * 1000);
		this.#timer = setTimeout(() => this.#drain(), Math.max(1, wait));
		this.#timer.unref();
	}

	#drain() {
		this.#timer = null;
		while (this.#queue.length > 0 && !this.#stopped) {
			if (!this.#take(this.#queue[0]!)) {
				this.#schedule();
				return;
			}
			this.handle(this.#queue.shift()!);
		}
		if (!this.#stopped) this.ws.resume();
	}
}

/** Counts open sockets per key (client address, membership) so the upgrade can refuse more. */
export class SocketCounter {
	readonly #open = new Map<string, number>();

	constructor(readonly max: number) {}

	full(key: string): boolean {
		return (this.#open.get(key) ?? 0) >= this.max;
	}

	/** Counts a socket until `until` emits 'close'. */
	hold(key: string, until: { once(event: 'close', listener: () => void): unknown }) {
		this.#open.set(key, (this.#open.get(key) ?? 0) + 1);
		until.once('close', () => {
			const left = (this.#open.get(key) ?? 1) - 1;
			if (left > 0) this.#open.set(key, left);
			else this.#open.delete(key);
		});
	}
}

/**
 * Refused writes per membership in a sliding minute. Each refusal costs the server the
 * update's work and a reconnect with a whole-board sync, so a member whose browser (or script)
 * keeps sending what the rules forbid is kept out for a while instead of making the server pay
 * each time.
 * An honest browser recovers after one refusal (and stops after three), far below the budget.
 */
export class RefusalBudget {
	readonly #times = new Map<string, number[]>();

	constructor(
		readonly max = 5,
		readonly windowMs = 60_000
	) {}

	#recent(key: string, now: number): number[] {
		const times = (this.#times.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (times.length > 0) this.#times.set(key, times);
		else this.#times.delete(key);
		return times;
	}

	note(key: string, now = Date.now()) {
		this.#times.set(key, [...this.#recent(key, now), now]);
	}

	blocked(key: string, now = Date.now()): boolean {
		return this.#recent(key, now).length >= this.max;
	}
}

/**
 * The client's address: the socket's peer, or (behind a proxy, like adapter-node) the
 * `ADDRESS_HEADER` header, taking the `XFF_DEPTH`-th address from the right of X-Forwarded-For.
 */
export function clientAddress(req: IncomingMessage, env: NodeJS.ProcessEnv = process.env): string {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	const raw = header ? req.headers[header] : undefined;
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (value) {
		if (header !== 'x-forwarded-for') return value.trim();
		const parts = value.split(',').map((p) => p.trim());
		const depth = Math.max(1, Number(env.XFF_DEPTH ?? 1) || 1);
		return parts[Math.max(0, parts.length - depth)] ?? 'unknown';
	}
	return req.socket.remoteAddress ?? 'unknown';
}
