/** Fixed-window counter per key, in memory: enough for one process (see docs/architecture.md). */
export class RateLimiter {
	#hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	/** Counts one attempt; returns false when the key is over its limit for this window. */
	take(key: string, now = Date.now()): boolean {
		let entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			if (this.#hits.size > 10_000) this.#sweep(now);
			entry = { count: 0, resetAt: now + this.windowMs };
			this.#hits.set(key, entry);
		}
		entry.count++;
		return entry.count <= this.limit;
	}

	/** Gives back one attempt of the current window (an attempt that turned out not to count). */
	refund(key: string, now = Date.now()) {
		const entry = this.#hits.get(key);
		if (entry && entry.resetAt > now && entry.count > 0) entry.count--;
	}

	/** True when the key has used up this window, without counting an attempt. */
	blocked(key: string, now = Date.now()): boolean {
		const entry = this.#hits.get(key);
		return entry !== undefined && entry.resetAt > now && entry.count >= this.limit;
	}

	#sweep(now: number) {
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}
