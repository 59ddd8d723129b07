import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBinary, startRedis, type TestRedis } from '../../../../tests/helpers/redis';
import { WorkshopAffinity } from './affinity';
import { WorkshopLeases } from './leases';

const run = redisBinary !== null || process.env.CI !== undefined;

/** The realtime server as affinity sees it: loaded rooms, and what it was told to evict. */
function servedRooms() {
	const rooms = new Map<string, unknown>();
	const evicted: string[] = [];
	const served = {
		rooms,
		evicted,
		evictWorkshop: (id: string): void => void evicted.push(id)
	};
	return served;
}

/** A store whose writes are recorded: what guardStore lets through. */
function recordingStore() {
	const written: string[] = [];
	return {
		written,
		append(docName: string) {
			written.push(docName);
			return written.length;
		},
		loadInto(docName: string) {
			return docName.length;
		}
	};
}

describe.runIf(run)('WorkshopAffinity against a real redis-server', () => {
	let server: TestRedis;
	const connections: Redis[] = [];
	const redis = () => {
		const connection = new Redis(server.url);
		connections.push(connection);
		return connection;
	};
	const affinity = (processId: string, prefix: string, leaseMs = 300, idleMs?: number) => {
		const served = servedRooms();
		const publisher = redis();
		const leases = new WorkshopLeases({ redis: publisher, processId, leaseMs, prefix });
		const channel = `${prefix}handover`;
		const it = new WorkshopAffinity(leases, served, {
			publisher,
			subscriber: redis(),
			channel,
			idleMs
		});
		return { affinity: it, served, leases };
	};

	beforeAll(async () => {
		server = await startRedis();
	});
	afterAll(async () => {
		for (const connection of connections) connection.disconnect();
		await server?.stop();
	});

	it('stores a workshop’s updates only while it holds the workshop', async () => {
		const prefix = `g${Math.random()}:`;
		const a = affinity('a', prefix, 5_000);
		const b = affinity('b', prefix, 5_000);
		const store = recordingStore();
		const guarded = a.affinity.guardStore(store);
		expect(await a.affinity.admit('w1')).toBe(true);
		// Taken: whatever of it was still in memory (from an earlier holding) is dropped first.
		expect(a.served.evicted).toEqual(['w1']);
		expect(guarded.append('w/w1/p/m1')).toBe(1);
		// Never held: refused.
		expect(() => guarded.append('w/w2')).toThrow(/does not hold/);
		// Reading is not guarded.
		expect(guarded.loadInto('w/w2')).toBe(4);
		// Lost to another process (its key gone and taken): refused, and the rooms are evicted.
		await redis().del(`${prefix}w1`);
		expect(await b.affinity.admit('w1')).toBe(true);
		await a.leases.renewAll();
		expect(a.served.evicted).toEqual(['w1', 'w1']);
		expect(() => guarded.append('w/w1')).toThrow(/does not hold/);
		expect(store.written).toEqual(['w/w1/p/m1']);
	});

	it('hands a workshop over when another process asks, once it held it for a lease time', async () => {
		const prefix = `h${Math.random()}:`;
		const a = affinity('a', prefix, 300);
		const b = affinity('b', prefix, 300);
		await Promise.all([a.affinity.start(), b.affinity.start()]);
		const heldAt = performance.now();
		expect(await a.affinity.admit('w')).toBe(true);
		const evicted = new Promise<number>((resolve) => {
			a.served.evictWorkshop = () => resolve(performance.now());
		});
		// Refused, and the holder is asked once; it has held the workshop for less than a lease
		// time, so it gives it up when it has.
		expect(await b.affinity.admit('w')).toBe(false);
		expect((await evicted) - heldAt).toBeGreaterThanOrEqual(300);
		expect(a.affinity.holds('w')).toBe(false);
		expect(await b.affinity.admit('w')).toBe(true);
		await Promise.all([a.affinity.stop(), b.affinity.stop()]);
	});

	it('keeps a workshop retention is deleting until the deletion is done, then hands it over', async () => {
		const prefix = `p${Math.random()}:`;
		let now = 0;
		const served = servedRooms();
		const publisher = redis();
		const subscriber = redis();
		const channel = `${prefix}handover`;
		const leases = new WorkshopLeases({ redis: publisher, processId: 'a', leaseMs: 5_000, prefix });
		const a = new WorkshopAffinity(leases, served, {
			publisher,
			subscriber,
			channel,
			now: () => now
		});
		await a.start();
		const events: string[] = [];
		const gaveBack = new Promise<void>((resolve) => {
			served.evictWorkshop = (id) => {
				events.push(`evicted ${id}`);
				// The first is the taking of the lease (admit), the second the hand-over.
				if (events.filter((e) => e.startsWith('evicted')).length === 2) resolve();
			};
		});
		await a.pin('w', async () => {
			expect(await a.admit('w', { ask: false })).toBe(true);
			// Held for longer than a lease time: a hand-over request is answered at once.
			now = 10_000;
			subscriber.emit('message', channel, 'w');
			// The hand-over's timer (delay 0) was set first, and Node runs timers of one delay in
			// the order they were set: it has fired when this one does.
			await new Promise((resolve) => setTimeout(resolve, 0));
			events.push('deleted');
		});
		await gaveBack;
		expect(events).toEqual(['evicted w', 'deleted', 'evicted w']);
		await a.stop();
	});

	it('gives back a lease no room and no request has used for a while', async () => {
		const prefix = `i${Math.random()}:`;
		const a = affinity('a', prefix, 200, 300);
		const b = affinity('b', prefix, 200);
		await a.affinity.start();
		expect(await a.affinity.admit('idle')).toBe(true);
		expect(await a.affinity.admit('busy')).toBe(true);
		a.served.rooms.set('w/busy', {});
		const released = new Promise<string>((resolve) => {
			a.served.evictWorkshop = resolve;
		});
		expect(await released).toBe('idle');
		expect(await b.affinity.admit('idle')).toBe(true);
		expect(await b.affinity.admit('busy')).toBe(false);
		expect(a.affinity.holds('busy')).toBe(true);
		await a.affinity.stop();
	});
});
