import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBinary, startRedis, type TestRedis } from '../../../../tests/helpers/redis';
import { WorkshopLeases } from './leases';

// Debian's redis-server is part of the test machine (.ci/run installs it); a developer
// machine without it skips this file, CI fails instead.
const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('WorkshopLeases against a real redis-server', () => {
	let server: TestRedis;
	const clients: Redis[] = [];
	const redis = () => {
		const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
		// The last test stops the server: its refused reconnects are expected.
		client.on('error', () => {});
		clients.push(client);
		return client;
	};
	const leases = (processId: string, leaseMs = 400) =>
		new WorkshopLeases({ redis: redis(), processId, leaseMs, prefix: `t${Math.random()}:` });
	const pair = (leaseMs = 400) => {
		const prefix = `t${Math.random()}:`;
		const make = (processId: string) =>
			new WorkshopLeases({ redis: redis(), processId, leaseMs, prefix });
		return { a: make('a'), b: make('b'), prefix };
	};
	const lost = (lease: WorkshopLeases) =>
		new Promise<string>((resolve) => (lease.onLost = resolve));

	beforeAll(async () => {
		server = await startRedis();
	});
	afterAll(async () => {
		for (const client of clients) client.disconnect();
		await server?.stop();
	});

	it('lets one process hold a workshop at a time, until it gives it back', async () => {
		const { a, b } = pair();
		expect(await a.claim('w1')).toBe(true);
		expect(await b.claim('w1')).toBe(false);
		expect([a.holds('w1'), b.holds('w1')]).toEqual([true, false]);
		// Other workshops are independent.
		expect(await b.claim('w2')).toBe(true);
		await a.release('w1');
		expect(a.holds('w1')).toBe(false);
		expect(await b.claim('w1')).toBe(true);
		expect(b.held.sort()).toEqual(['w1', 'w2']);
	});

	it('keeps a renewed lease well past its lease time', async () => {
		// Renewed every third of the lease: it survives a stall of the event loop of up to 2/3 s.
		const { a, b } = pair(1_000);
		a.onLost = () => expect.unreachable('a renewed lease was lost');
		a.start();
		expect(await a.claim('w')).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 2_500));
		expect(a.holds('w')).toBe(true);
		expect(await b.claim('w')).toBe(false);
		await a.stop();
		expect(await b.claim('w')).toBe(true);
	});

	it('stops holding at its local deadline when it does not renew, before Redis lets another in', async () => {
		const { a, b, prefix } = pair(300);
		const checker = redis();
		const claimedAt = performance.now();
		expect(await a.claim('w')).toBe(true);
		const gone = lost(a);
		expect(await gone).toBe('w');
		const after = performance.now() - claimedAt;
		expect(a.holds('w')).toBe(false);
		// A timer may fire late on a busy machine, never early.
		expect(after).toBeLessThan(300 + 250);
		// Redis still keeps the key (or has only just dropped it): never two holders at once.
		const left = await checker.pttl(`${prefix}w`);
		if (left > 0) expect(await b.claim('w')).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, left) + 5));
		expect(await b.claim('w')).toBe(true);
	});

	it('loses at once a lease another process has taken, and never touches the new owner’s key', async () => {
		const { a, b, prefix } = pair(5_000);
		const checker = redis();
		expect(await a.claim('w')).toBe(true);
		// As if a's lease had expired during a long pause and b had taken it.
		await checker.del(`${prefix}w`);
		expect(await b.claim('w')).toBe(true);
		const gone = lost(a);
		await a.renewAll();
		expect(await gone).toBe('w');
		expect(a.holds('w')).toBe(false);
		await a.release('w');
		expect(await checker.get(`${prefix}w`)).toBe('b');
		expect(b.holds('w')).toBe(true);
	});

	it('answers claims for the same workshop with one request', async () => {
		const a = leases('a');
		const results = await Promise.all([a.claim('w'), a.claim('w'), a.claim('w')]);
		expect(results).toEqual([true, true, true]);
	});

	// Last: it stops the server.
	it('stops serving at its deadline when Redis cannot be reached', async () => {
		const a = leases('a', 500);
		a.start();
		expect(await a.claim('w')).toBe(true);
		const gone = lost(a);
		const stoppedAt = performance.now();
		await server.stop();
		expect(await gone).toBe('w');
		expect(performance.now() - stoppedAt).toBeLessThan(500 + 250);
		expect(a.holds('w')).toBe(false);
		await a.stop();
	});
});
