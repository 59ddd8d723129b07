import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';
import type { PresenceUser } from '$lib/realtime/presence';

/**
 * Presence (Yjs awareness) is the server's: every state a socket announces is decoded and
 * checked here before the room's Awareness sees it, and the person in it is the server's
 * word, never the client's.
 */

/** Who a socket belongs to, as far as presence and socket caps are concerned. */
export interface Member {
	/** The membership's id (never sent in presence of an anonymous workshop). */
	id: string;
	/** What presence shows of this person right now (anonymity may change while connected). */
	presence(): PresenceUser;
}

export interface PresenceLimits {
	/** Largest JSON text of one state, in bytes. */
	stateMaxBytes: number;
	/** Deepest nesting of objects and arrays in one state, checked before parsing. */
	stateMaxDepth: number;
	/** Awareness client ids one socket may hold. */
	statesPerSocket: number;
	/**
	 * What one membership's presence may change per second, all its sockets together: every
	 * admitted state is relayed to every socket of the room, so this bounds what one member's
	 * presence costs everyone else. The excess is dropped (a state leaving never is).
	 */
	memberBytesPerSecond: number;
	memberMessagesPerSecond: number;
	/**
	 * How many seconds of that budget may be spent at once: a member's tabs all announcing
	 * together (a reconnect after a network drop) pass whole; a flood runs dry after it.
	 */
	memberBurstSeconds: number;
}

export const defaultPresenceLimits: PresenceLimits = {
	stateMaxBytes: 4096,
	stateMaxDepth: 4,
	statesPerSocket: 4,
	// A browser of the app announces itself once per tab and renews every 15 s; an outside
	// client moving a cursor 20 times a second with a 300-byte state still fits.
	memberBytesPerSecond: 8192,
	memberMessagesPerSecond: 20,
	memberBurstSeconds: 4
};

/** Shown instead of a name in an anonymous workshop. */
export const ANONYMOUS_NAME = 'Anonym';

/**
 * A state is a flat object of small values; `user` may be anything here because the server
 * replaces it. The app's browsers send `{ user }`; outside clients may add small fields.
 */
const primitive = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
/** Where a person's pointer is on an area's canvas (tldraw's page units), or null: not there. */
export const canvasCursorSchema = z
	.object({
		areaId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
		x: z.number().finite().min(-1e7).max(1e7),
		y: z.number().finite().min(-1e7).max(1e7)
	})
	.strict()
	.nullable();
const stateSchema = z
	.record(z.string().max(40), z.unknown())
	.refine((state) => Object.keys(state).length <= 8, 'too many fields')
	.refine(
		(state) =>
			Object.entries(state).every(([key, v]) =>
				key === 'user'
					? true
					: key === 'canvas'
						? canvasCursorSchema.safeParse(v).success
						: primitive.safeParse(v).success
			),
		'only small plain values'
	);

/** The socket side of presence: the client ids it holds. */
export interface PresenceHolder {
	member: Member;
	clients: Set<number>;
}

/** Whether the JSON text nests objects/arrays deeper than `max` (scanned, never parsed). */
export function nestsDeeper(json: string, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < json.length; i++) {
		const c = json.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > max) return true;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Guards one room's Awareness: which socket owns which client id (the first socket to
 * announce an id that no one holds; a reconnecting tab of the same member takes it over),
 * what a state may contain, and whose name it shows.
 */
export class PresenceGate {
	readonly #owners = new Map<number, PresenceHolder>();
	/**
	 * Per membership id: what is left of its presence budget, as of `at` (a token bucket). Kept
	 * as long as the room, so closing every socket and coming back never refills it.
	 */
	readonly #budgets = new Map<string, { bytes: number; messages: number; at: number }>();

	constructor(
		private readonly awareness: Awareness,
		private readonly limits: PresenceLimits = defaultPresenceLimits,
		private readonly now: () => number = Date.now
	) {}

	/**
	 * The part of an awareness update `holder` may make, rewritten by the server; null when
	 * nothing is left. Throws on a message that is not a complete awareness update.
	 */
	admit(holder: PresenceHolder, update: Uint8Array): Uint8Array | null {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		// A browser echoes the states it hears, so a message lists at most the room's states and
		// the sender's own. Judging costs time per entry (80,000 fit in 1 MiB, 60 messages a
		// second per socket): entries past that many are not even read. Presence is disposable.
		const most = 2 * this.awareness.getStates().size + 2 * this.limits.statesPerSocket + 16;
		const read = Math.min(count, most);
		const entries: { id: number; clock: number; json: Uint8Array }[] = [];
		for (let i = 0; i < read; i++) {
			const id = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			entries.push({ id, clock, json: decoding.readVarUint8Array(decoder) });
		}
		// What is past `most` is ignored, so it need not be well-formed either.
		if (read === count && decoding.hasContent(decoder)) throw new Error('trailing bytes');
		const encoder = encoding.createEncoder();
		const kept: { id: number; clock: number; state: string }[] = [];
		for (const { id, clock, json } of entries) {
			const state = this.#judge(holder, id, clock, json);
			if (state !== null) kept.push({ id, clock, state });
		}
		if (!this.#afford(holder.member.id, kept)) {
			// Over budget: only states leaving go through (they free what others hold).
			kept.splice(0, kept.length, ...kept.filter((k) => k.state === 'null'));
		}
		if (kept.length === 0) return null;
		encoding.writeVarUint(encoder, kept.length);
		for (const { id, clock, state } of kept) {
			encoding.writeVarUint(encoder, id);
			encoding.writeVarUint(encoder, clock);
			encoding.writeVarString(encoder, state);
		}
		return encoding.toUint8Array(encoder);
	}

	/**
	 * An awareness update that rewrites the person in every state held by a socket from its
	 * member as they are now, one clock later so every client replaces what it holds; null when
	 * no state is held. A member whose presence cannot be read loses their state instead:
	 * presence is disposable, what it must not do is show the old person.
	 */
	renew(): Uint8Array | null {
		const entries: { id: number; clock: number; state: string }[] = [];
		for (const [id, holder] of this.#owners) {
			const state: unknown = this.awareness.getStates().get(id);
			if (state === null || typeof state !== 'object') continue;
			const clock = (this.awareness.meta.get(id)?.clock ?? 0) + 1;
			let user: PresenceUser | null = null;
			try {
				user = holder.member.presence();
			} catch (error) {
				console.error('[realtime] could not renew presence', error);
			}
			entries.push({ id, clock, state: user ? JSON.stringify({ ...state, user }) : 'null' });
		}
		if (entries.length === 0) return null;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, entries.length);
		for (const { id, clock, state } of entries) {
			encoding.writeVarUint(encoder, id);
			encoding.writeVarUint(encoder, clock);
			encoding.writeVarString(encoder, state);
		}
		return encoding.toUint8Array(encoder);
	}

	/** Charges a membership's budget for `kept`; false when it does not fit. */
	#afford(memberId: string, kept: readonly { state: string }[]): boolean {
		const bytes = kept.reduce((n, k) => (k.state === 'null' ? n : n + k.state.length), 0);
		if (bytes === 0) return true;
		const { memberBytesPerSecond: byteRate, memberMessagesPerSecond: messageRate } = this.limits;
		const burst = this.limits.memberBurstSeconds;
		const now = this.now();
		let budget = this.#budgets.get(memberId);
		if (!budget) {
			budget = { bytes: byteRate * burst, messages: messageRate * burst, at: now };
			this.#budgets.set(memberId, budget);
		}
		const seconds = Math.max(0, now - budget.at) / 1000;
		budget.bytes = Math.min(byteRate * burst, budget.bytes + seconds * byteRate);
		budget.messages = Math.min(messageRate * burst, budget.messages + seconds * messageRate);
		budget.at = now;
		if (budget.messages < 1 || budget.bytes < bytes) return false;
		budget.messages--;
		budget.bytes -= bytes;
		return true;
	}

	/** Forgets the owners of client ids the Awareness no longer holds. */
	released(ids: Iterable<number>) {
		for (const id of ids) {
			this.#owners.get(id)?.clients.delete(id);
			this.#owners.delete(id);
		}
	}

	/** The state text to apply for this entry, or null to drop it silently. */
	#judge(holder: PresenceHolder, id: number, clock: number, json: Uint8Array): string | null {
		if (id === this.awareness.clientID) return null;
		const known = this.awareness.meta.get(id)?.clock ?? 0;
		const owner = this.#owners.get(id);
		if (owner && owner !== holder) {
			// Other people's states come back from y-websocket clients, which echo what they hear.
			if (owner.member.id !== holder.member.id || clock <= known) return null;
		}
		if (!owner && (clock <= known || holder.clients.size >= this.limits.statesPerSocket)) {
			return null;
		}
		if (json.byteLength > this.limits.stateMaxBytes) return null;
		let text: string;
		let state: unknown;
		try {
			text = utf8.decode(json);
			if (nestsDeeper(text, this.limits.stateMaxDepth)) return null;
			state = JSON.parse(text);
		} catch {
			return null;
		}
		if (state === null) return owner === holder ? 'null' : null;
		const parsed = stateSchema.safeParse(state);
		if (!parsed.success) return null;
		if (owner && owner !== holder) owner.clients.delete(id);
		this.#owners.set(id, holder);
		holder.clients.add(id);
		return JSON.stringify({ ...parsed.data, user: holder.member.presence() });
	}
}
