import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api.ts';
import { redisBinary, startRedis, type TestRedis } from '../helpers/redis.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';

/**
 * Guessing join codes stays slow (services/limits.ts joinFailures, 20 failures a minute per
 * address) also when the guesses are sent at once and counted in Redis: the limit was read
 * before the code was looked up and counted only after, so every guess of a burst passed the
 * check before the first failure was counted.
 */
const run = redisBinary !== null || process.env.CI !== undefined;
const profile = { profession: 'sjukskoterska', organisation: 'kommun', displayName: 'Gissare' };

describe.runIf(run)('join code guesses counted in Redis', () => {
	let redisServer: TestRedis;
	let server: TestServer;

	beforeAll(async () => {
		redisServer = await startRedis();
		server = await startServer({
			env: { REDIS_URL: redisServer.url, ADDRESS_HEADER: 'x-forwarded-for' }
		});
	});

	afterAll(async () => {
		await server?.stop();
		await redisServer?.stop();
		await removeTempDirs();
	});

	it('looks up at most the limit of 200 parallel wrong codes; the rest get 429', async () => {
		const attacker = new ApiClient(server.url, '198.51.100.7');
		// Codes of the join-code alphabet that no workshop has (ZZ never starts one here).
		const code = (i: number) => `ZZ${String(i).padStart(4, '7').replace(/[015]/g, '9')}`;
		const answers = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				attacker.request('POST', '/api/join', { ...profile, code: code(i) })
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
		const looked = statuses.filter((s) => s === 404).length;
		expect(looked).toBeGreaterThan(0);
		expect(looked).toBeLessThanOrEqual(20);
	});
});
