/**
 * Retention with several processes (REDIS_URL): it runs on every process, but deletes an
 * expired workshop only while its own process holds the workshop's lease. Before, each
 * process deleted every expired workshop, also one a live room on another process served,
 * which would write its text back into the log.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { redisBinary, startRedis, type TestRedis } from '../helpers/redis.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { query } from '../helpers/store.ts';

const OTHER = 'another-process';
const lease = (workshopId: string) => `samskapa:lease:${workshopId}`;
const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('retention with Redis leases', () => {
	let redisServer: TestRedis;
	let redis: Redis;
	const servers: TestServer[] = [];

	beforeAll(async () => {
		redisServer = await startRedis();
		redis = new Redis(redisServer.url);
	});

	afterAll(async () => {
		for (const server of servers) await server.stop();
		redis?.disconnect();
		await redisServer?.stop();
		await removeTempDirs();
	});

	it('deletes an expired workshop only while it holds its lease, and leaves one another process holds', async () => {
		const env = { REDIS_URL: redisServer.url, CLUSTER_LEASE_MS: '1500' };
		const first = await startServer({ env });
		servers.push(first);
		const held = await facilitatorWithWorkshop(first.url, 'Hålls av en annan');
		const free = await held.api.createWorkshop({ title: 'Ledig' });
		for (const id of [held.workshop.id, free.workshop.id]) {
			const closing = await held.api.request('POST', `/api/workshops/${id}/lifecycle`, {
				change: 'close'
			});
			expect(closing.status).toBe(200);
		}
		await first.stop();
		const longAgo = new Date(Date.now() - 7 * 31 * 24 * 60 * 60 * 1000);
		await query(first.database, 'UPDATE workshops SET closed_at = ?', [longAgo]);
		// Another process serves this one now (its people still look at the closed board).
		await redis.set(lease(held.workshop.id), OTHER, 'PX', 60_000);

		const ids = async () =>
			(await query<{ id: string }>(first.database, 'SELECT id FROM workshops')).map((w) => w.id);
		const retaining = await startServer({
			database: first.database,
			env: { ...env, RETENTION_CLOSED_MONTHS: '6' }
		});
		servers.push(retaining);
		expect(await ids()).toEqual([held.workshop.id]);
		expect(retaining.output()).toContain('retention deleted 1 workshop(s)');
		expect(retaining.output()).toContain('retention left 1 workshop(s)');
		// The other process's lease is untouched.
		expect(await redis.get(lease(held.workshop.id))).toBe(OTHER);
		await retaining.stop();

		// Free again: the next run takes it and deletes it.
		await redis.del(lease(held.workshop.id));
		const next = await startServer({
			database: first.database,
			env: { ...env, RETENTION_CLOSED_MONTHS: '6' }
		});
		servers.push(next);
		expect(await ids()).toEqual([]);
	}, 60_000);
});
