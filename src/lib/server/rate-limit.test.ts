import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBinary, startRedis, type TestRedis } from '../../../tests/helpers/redis';
import { RateLimiter, shareRateLimits } from './rate-limit';

describe('RateLimiter in memory', () => {
	it('allows up to the limit per window and per key, then resets', async () => {
		const limiter = new RateLimiter(2, 1000);
		expect([
			await limiter.take('a', 0),
			await limiter.take('a', 1),
			await limiter.take('a', 2)
		]).toEqual([true, true, false]);
		expect(await limiter.take('b', 2)).toBe(true);
		expect(await limiter.take('a', 1000)).toBe(true);
	});

	it('reports a used-up key without counting', async () => {
		const limiter = new RateLimiter(1, 1000);
		expect(await limiter.blocked('a', 0)).toBe(false);
		await limiter.take('a', 0);
		expect(await limiter.blocked('a', 1)).toBe(true);
		expect(await limiter.blocked('a', 1000)).toBe(false);
	});

	it('gives back a refunded attempt within its window only', async () => {
		const limiter = new RateLimiter(1, 1000);
		expect(await limiter.take('a', 0)).toBe(true);
		await limiter.refund('a', 1);
		expect(await limiter.take('a', 2)).toBe(true);
		expect(await limiter.take('a', 3)).toBe(false);
		await limiter.refund('a', 1000);
		expect(await limiter.blocked('a', 1000)).toBe(false);
	});
});

const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('RateLimiter shared in Redis', () => {
	let server: TestRedis;
	let redis: Redis;
	beforeAll(async () => {
		server = await startRedis();
		redis = new Redis(server.url, { maxRetriesPerRequest: 0 });
		redis.on('error', () => {});
		shareRateLimits(redis);
	});
	afterAll(async () => {
		shareRateLimits(null);
		redis?.disconnect();
		await server?.stop();
	});

	it('holds one limit for limiters of the same name, as in several processes', async () => {
		// Two processes' module-level limiters: same name, separate memory.
		const first = new RateLimiter(3, 60_000, 'join');
		const second = new RateLimiter(3, 60_000, 'join');
		const other = new RateLimiter(3, 60_000, 'login');
		expect(await first.take('10.0.0.1')).toBe(true);
		expect(await second.take('10.0.0.1')).toBe(true);
		expect(await first.blocked('10.0.0.1')).toBe(false);
		expect(await second.take('10.0.0.1')).toBe(true);
		expect(await first.blocked('10.0.0.1')).toBe(true);
		expect(await first.take('10.0.0.1')).toBe(false);
		expect(await other.take('10.0.0.1')).toBe(true);
		await second.refund('10.0.0.1');
		await second.refund('10.0.0.1');
		expect(await first.take('10.0.0.1')).toBe(true);
		expect(await redis.pttl('samskapa:rate:join:10.0.0.1')).toBeGreaterThan(59_000);
	});

	it('counts parallel attempts exactly', async () => {
		const limiter = new RateLimiter(10, 60_000, 'signup');
		const results = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				new RateLimiter(10, 60_000, 'signup').take('10.0.0.2').then((ok) => ok || i < 0)
			)
		);
		expect(results.filter(Boolean)).toHaveLength(10);
		expect(await limiter.blocked('10.0.0.2')).toBe(true);
	});

	// Last: it stops the server.
	it('counts in memory while Redis cannot be reached', async () => {
		const limiter = new RateLimiter(1, 60_000, 'export');
		await server.stop();
		expect(await limiter.take('m1')).toBe(true);
		expect(await limiter.take('m1')).toBe(false);
	});
});
