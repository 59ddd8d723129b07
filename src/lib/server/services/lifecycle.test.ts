import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBinary, startRedis, type TestRedis } from '../../../../tests/helpers/redis';
import { WorkshopAffinity } from '../cluster/affinity';
import { WorkshopLeases } from '../cluster/leases';
import type { Store } from '../db';
import { openSqliteStore } from '../db/sqlite';
import { deleteExpired } from './lifecycle';
import { createWorkshop } from './workshops';

const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('retention with a lease', () => {
	let server: TestRedis;
	const connections: Redis[] = [];
	beforeAll(async () => {
		server = await startRedis();
	});
	afterAll(async () => {
		for (const connection of connections) connection.disconnect();
		await server?.stop();
	});

	it('keeps the lease until the deletion is committed, though a hand-over is asked meanwhile', async () => {
		const store = openSqliteStore(':memory:');
		const { workshops, users } = store.tables;
		await store.db
			.insert(users)
			.values({ id: 'u1', email: 'mia@region.se', displayName: 'Mia', passwordHash: 'x' });
		const workshop = await createWorkshop(
			store.db,
			{ id: 'u1', displayName: 'Mia' },
			{ title: 'Stängd', purpose: '', date: null }
		);
		await store.db
			.update(workshops)
			.set({ closedAt: new Date('2020-01-01') })
			.where(eq(workshops.id, workshop.id));

		const prefix = `r${Math.random()}:`;
		const channel = `${prefix}handover`;
		const publisher = new Redis(server.url);
		const subscriber = new Redis(server.url);
		connections.push(publisher, subscriber);
		let now = 0;
		const events: string[] = [];
		let handOver!: () => void;
		const handedOver = new Promise<void>((resolve) => (handOver = resolve));
		const served = {
			rooms: new Map<string, unknown>(),
			exists: () => Promise.resolve(true),
			evictWorkshop: () => {
				events.push('evicted');
				// The first is the taking of the lease (admit), the second the hand-over.
				if (events.filter((e) => e === 'evicted').length === 2) handOver();
			}
		};
		const leases = new WorkshopLeases({ redis: publisher, processId: 'a', leaseMs: 5_000, prefix });
		const affinity = new WorkshopAffinity(leases, served, {
			publisher,
			subscriber,
			channel,
			now: () => now
		});
		await affinity.start();
		// The deletion's transaction, where PostgreSQL awaits: a hand-over is asked for in it,
		// by a workshop held for longer than a lease time (so answered at once).
		const watched: Store = {
			...store,
			transaction: async (work) => {
				const result = await store.transaction(async (tx) => {
					now = 10_000;
					subscriber.emit('message', channel, workshop.id);
					// The hand-over's timer (delay 0) was set first, and Node runs timers of one
					// delay in the order they were set: it has fired when this one does.
					await new Promise((resolve) => setTimeout(resolve, 0));
					return await work(tx);
				});
				events.push('committed');
				return result;
			}
		};
		const realtime = { dropWorkshop: () => Promise.resolve() };
		const deleted = await deleteExpired(
			{ store: watched, realtime, cluster: { affinity } } as unknown as Parameters<
				typeof deleteExpired
			>[0],
			1
		);
		expect(deleted).toEqual([workshop.id]);
		await handedOver;
		expect(events).toEqual(['evicted', 'committed', 'evicted']);
		await affinity.stop();
		await store.close();
	});
});
