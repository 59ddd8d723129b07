import type { Redis } from 'ioredis';

const PREFIX = 'samskapa:rate:';

// KEYS[1] the counter, ARGV[1] the window in ms: the count after this attempt.
const TAKE = `
local count = redis.call('incr', KEYS[1])
if count == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
return count`;

const REFUND = `
local count = tonumber(redis.call('get', KEYS[1]) or '0')
if count > 0 then redis.call('decr', KEYS[1]) end
return 0`;

let sharedRedis: Redis | null = null;

/**
 * Counts every named limiter in Redis from now on (REDIS_URL set: several app processes), or
 * in memory again with null.
 */
export function shareRateLimits(redis: Redis | null) {
	sharedRedis = redis;
}

/**
 * Fixed-window counter per key: in memory for one process, or in Redis once `shareRateLimits`
 * was called, so a limit holds however requests are spread over several app processes
 * (docs/operations.md). Should Redis fail, the process counts in memory until it answers again.
 */
export class RateLimiter {
	#local: LocalCounts;

	/** `name` keys this limiter's counts in Redis; without one it always counts in memory. */
	constructor(
		readonly limit: number,
		readonly windowMs: number,
		readonly name?: string
	) {
		this.#local = new LocalCounts(windowMs);
	}

	/** Counts one attempt; false when the key is over its limit for this window. */
	async take(key: string, now = Date.now()): Promise<boolean> {
		const count = await this.#shared(key, (redis, k) =>
			redis.eval(TAKE, 1, k, this.windowMs).then(Number)
		);
		return (count ?? this.#local.take(key, now)) <= this.limit;
	}

	/** Gives back one attempt of the current window (an attempt that turned out not to count). */
	async refund(key: string, now = Date.now()) {
		const done = await this.#shared(key, (redis, k) => redis.eval(REFUND, 1, k).then(() => 0));
		if (done === null) this.#local.refund(key, now);
	}

	/** True when the key has used up this window, without counting an attempt. */
	async blocked(key: string, now = Date.now()): Promise<boolean> {
		const count = await this.#shared(key, (redis, k) => redis.get(k).then((v) => Number(v ?? 0)));
		return (count ?? this.#local.count(key, now)) >= this.limit;
	}

	/** The Redis answer, or null to count in memory (no Redis, or Redis failed). */
	async #shared(
		key: string,
		ask: (redis: Redis, redisKey: string) => Promise<number>
	): Promise<number | null> {
		const redis = sharedRedis;
		if (!redis || !this.name) return null;
		try {
			return await ask(redis, `${PREFIX}${this.name}:${key}`);
		} catch (error) {
			console.error(`[rate-limit] ${this.name}: counting in memory, Redis failed`, error);
			return null;
		}
	}
}

/** The in-memory counts of one limiter. */
class LocalCounts {
	#hits = new Map<string, { count: number; resetAt: number }>();

	constructor(private readonly windowMs: number) {}

	/** Counts one attempt and returns the count of this window. */
	take(key: string, now: number): number {
		let entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			if (this.#hits.size > 10_000) this.#sweep(now);
			entry = { count: 0, resetAt: now + this.windowMs };
			this.#hits.set(key, entry);
		}
		return ++entry.count;
	}

	refund(key: string, now: number) {
		const entry = this.#hits.get(key);
		if (entry && entry.resetAt > now && entry.count > 0) entry.count--;
	}

	count(key: string, now: number): number {
		const entry = this.#hits.get(key);
		return entry !== undefined && entry.resetAt > now ? entry.count : 0;
	}

	#sweep(now: number) {
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}
