/**
 * What a browser does when the server will not take what it holds (close 4403, or a catch-up
 * that keeps failing): keep the person's own texts, drop the local copy, start over from the
 * server, then show the texts the server does not have. Pure bookkeeping over a Storage
 * (sessionStorage in the browser), so it survives the reload and is unit-tested.
 */

/** One of this person's texts, kept through a recovery so it can be copied. */
export interface KeptText {
	/** The note (or draft) it came from, for keyed lists. */
	id: string;
	text: string;
}

/** At most this many automatic reloads per document within RECOVERY_WINDOW_MS; then an error. */
export const RECOVERY_LIMIT = 2;
export const RECOVERY_WINDOW_MS = 5 * 60_000;
/** A close code that repeats this often within REPEAT_WINDOW_MS is treated as a refusal. */
export const REPEAT_LIMIT = 3;
export const REPEAT_WINDOW_MS = 60_000;

export const CLOSE_TOO_BIG = 1009;
export const CLOSE_MALFORMED = 4400;
export const CLOSE_FORBIDDEN = 4403;
/** A facilitator removed this member from the workshop (the server's protocol.ts sends it). */
export const CLOSE_REMOVED = 4410;

/**
 * What to do after the server closed a socket:
 * - `recover`: the server will never take what this browser holds; start over from it;
 * - `retry-later`: y-websocket stops after every 4400–4499 close; connect again after a pause;
 * - `reconnect`: y-websocket reconnects by itself with back-off;
 * - `stop`: the member was removed; every reconnect would be refused, the page says why.
 */
export type CloseAction = 'recover' | 'retry-later' | 'reconnect' | 'stop';

export function closeAction(code: number, repeats: number): CloseAction {
	if (code === CLOSE_REMOVED) return 'stop';
	if (code === CLOSE_FORBIDDEN) return 'recover';
	// An honest message that the server cannot read or take, again and again, is the same
	// dead end as a refusal: resending it changes nothing.
	if ((code === CLOSE_TOO_BIG || code === CLOSE_MALFORMED) && repeats >= REPEAT_LIMIT) {
		return 'recover';
	}
	if (code >= 4400 && code < 4500) return 'retry-later';
	return 'reconnect';
}

/** Counts closes per code within a sliding window. */
export class CloseHistory {
	#seen = new Map<number, number[]>();
	constructor(private readonly now: () => number = Date.now) {}

	/** Records a close and returns how often this code closed within REPEAT_WINDOW_MS. */
	record(code: number): number {
		const at = this.now();
		const recent = (this.#seen.get(code) ?? []).filter((t) => at - t < REPEAT_WINDOW_MS);
		recent.push(at);
		this.#seen.set(code, recent);
		return recent.length;
	}
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Why the server refused, as far as the person needs to know (from the close reason). */
export type RefusalCause = 'locked' | 'limit' | 'other';

/** Reads the server's close reason (`forbidden: <rule>`, docs/realtime.md) for the panel. */
export function refusalCause(reason: string): RefusalCause {
	if (/\blocked\b/.test(reason)) return 'locked';
	if (/\btoo many\b|\bis full\b|\bat most\b|\btoo (big|large)\b/.test(reason)) return 'limit';
	return 'other';
}

const isCause = (v: unknown): v is RefusalCause => v === 'locked' || v === 'limit' || v === 'other';

interface Saved {
	/** Why the last refusal happened. */
	cause?: RefusalCause;
	/** When each automatic recovery started. */
	attempts: number[];
	/** Texts captured at the refusal. */
	kept: KeptText[];
	/** True once compared with the server: `kept` then holds only what the server lacks. */
	compared: boolean;
}

/** The recovery state of one document in this tab, kept in sessionStorage across reloads. */
export class RecoveryStore {
	readonly #key: string;

	constructor(
		private readonly storage: Store,
		room: string,
		private readonly now: () => number = Date.now
	) {
		this.#key = `samskapa:recovery:${room}`;
	}

	#read(): Saved {
		try {
			const value = JSON.parse(this.storage.getItem(this.#key) ?? 'null') as Partial<Saved> | null;
			if (!value) return { attempts: [], kept: [], compared: false };
			return {
				attempts: Array.isArray(value.attempts) ? value.attempts.filter(isNumber) : [],
				kept: Array.isArray(value.kept) ? value.kept.filter(isKept) : [],
				compared: value.compared === true,
				...(isCause(value.cause) ? { cause: value.cause } : {})
			};
		} catch {
			return { attempts: [], kept: [], compared: false };
		}
	}

	#write(saved: Saved) {
		if (saved.attempts.length === 0 && saved.kept.length === 0) {
			this.storage.removeItem(this.#key);
			return;
		}
		try {
			this.storage.setItem(this.#key, JSON.stringify(saved));
		} catch {
			// Storage full or disabled: the texts are still on screen until the reload.
		}
	}

	/**
	 * Records a refusal and the texts to keep (added to any not yet shown or dismissed);
	 * returns whether an automatic reload is still allowed, or the cap is reached.
	 */
	begin(kept: KeptText[], cause: RefusalCause = 'other'): boolean {
		const at = this.now();
		const saved = this.#read();
		const attempts = saved.attempts.filter((t) => at - t < RECOVERY_WINDOW_MS);
		const allowed = attempts.length < RECOVERY_LIMIT;
		if (allowed) attempts.push(at);
		const texts = new Map(saved.kept.map((k) => [k.id, k]));
		for (const k of kept) texts.set(k.id, k);
		this.#write({ attempts, kept: [...texts.values()], compared: false, cause });
		return allowed;
	}

	/** Texts captured before the reload that still wait for the comparison with the server. */
	get pending(): KeptText[] {
		const saved = this.#read();
		return saved.compared ? [] : saved.kept;
	}

	/** Why the server refused the texts kept (null when nothing was refused). */
	get cause(): RefusalCause | null {
		return this.#read().cause ?? null;
	}

	/** Everything kept so far, compared or not (what the error state shows). */
	get kept(): KeptText[] {
		return this.#read().kept;
	}

	/**
	 * After the first sync with the server: which kept texts the server does not hold among
	 * this person's texts there. They stay stored (and shown) until dismissed.
	 */
	settle(onServer: Iterable<string>): KeptText[] {
		const saved = this.#read();
		const present = new Set([...onServer].map(normalise));
		const missing = saved.kept.filter((k) => !present.has(normalise(k.text)));
		this.#write({ ...saved, kept: missing, compared: true });
		return missing;
	}

	/** Texts compared and missing on the server, shown until the person closes them. */
	get unsaved(): KeptText[] {
		const saved = this.#read();
		return saved.compared ? saved.kept : [];
	}

	dismiss() {
		const saved = this.#read();
		this.#write({ ...saved, kept: [], compared: true });
	}
}

const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim();
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isKept = (v: unknown): v is KeptText =>
	typeof v === 'object' &&
	v !== null &&
	typeof (v as KeptText).id === 'string' &&
	typeof (v as KeptText).text === 'string';
