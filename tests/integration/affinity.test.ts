/**
 * Room affinity on one app process with Redis (docs/operations.md): a workshop whose lease
 * another process holds is refused on the WebSocket with 1013 (the stock y-websocket client
 * reconnects after it) and on HTTP with 503; a lease lost while serving closes the workshop's
 * sockets at once, and nothing written meanwhile is lost once the workshop is served again.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { redisBinary, startRedis, type TestRedis } from '../helpers/redis.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, openRaw } from '../helpers/ws.ts';
import { authorOf, connect, waitForNote, waitForSynced, type YClient } from '../helpers/yclient.ts';

const LEASE_MS = 1_500;
const OTHER = 'another-process';
const lease = (workshopId: string) => `samskapa:lease:${workshopId}`;
const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('room affinity with Redis leases', () => {
	let redisServer: TestRedis;
	let redis: Redis;
	let server: TestServer;
	const clients: YClient[] = [];
	const track = (client: YClient) => (clients.push(client), client);

	beforeAll(async () => {
		redisServer = await startRedis();
		redis = new Redis(redisServer.url);
		server = await startServer({
			env: { REDIS_URL: redisServer.url, CLUSTER_LEASE_MS: String(LEASE_MS) }
		});
	});

	afterAll(async () => {
		for (const client of clients) client.destroy();
		await server?.stop();
		redis?.disconnect();
		await redisServer?.stop();
		await removeTempDirs();
	});

	it('serves a workshop it holds and refuses one another process holds, on the socket and on HTTP', async () => {
		const { api, workshop, links } = await facilitatorWithWorkshop(server.url);
		const anna = await participant(server.url, links.participant.code, 'Anna');
		const own = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await own.synced;
		expect(await redis.get(lease(workshop.id))).toMatch(/:/);

		const other = await facilitatorWithWorkshop(server.url, 'Hållen av en annan');
		const bo = await participant(server.url, other.links.participant.code, 'Bo');
		const subscriber = new Redis(redisServer.url);
		const handover = new Promise<string>((resolve) =>
			subscriber.on('message', (_channel: string, id: string) => resolve(id))
		);
		await subscriber.subscribe('samskapa:handover');
		expect(await redis.get(lease(other.workshop.id))).toBeNull();
		await redis.set(lease(other.workshop.id), OTHER, 'PX', 60_000);

		const refused = await openRaw(server.wsUrl, boardRoom(other.workshop.id), {
			token: bo.wsToken
		});
		if (!refused.ok) throw new Error(`upgrade answered ${refused.status}, not a close code`);
		expect(await closed(refused.ws)).toEqual({
			code: 1013,
			reason: 'served by another process, try again'
		});
		expect(await handover).toBe(other.workshop.id);
		subscriber.disconnect();

		const http = await other.api.request('GET', `/api/workshops/${other.workshop.id}/export.json`);
		expect(http.status).toBe(503);
		expect(http.headers.get('retry-after')).toBe(String(Math.ceil(LEASE_MS / 1000)));
		expect(http.body).toMatchObject({ error: 'cluster_elsewhere' });
		// The lease is untouched: refusing never takes or drops another process's workshop.
		expect(await redis.get(lease(other.workshop.id))).toBe(OTHER);

		// Free again: served here.
		await redis.del(lease(other.workshop.id));
		const late = track(connect(server.wsUrl, bo.room, { token: bo.wsToken }));
		await late.synced;
		const ok = await api.request('GET', `/api/workshops/${workshop.id}/export.json`);
		expect(ok.status).toBe(200);
	});

	it('closes a workshop’s sockets with 1013 as soon as its lease is lost, and keeps what was written meanwhile', async () => {
		const { workshop, links } = await facilitatorWithWorkshop(server.url, 'Förlorat lån');
		const anna = await participant(server.url, links.participant.code, 'Anna');
		const client = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await client.synced;
		const closedWith = new Promise<number>((resolve) =>
			client.provider.once('connection-close', (event: { code?: number } | null) =>
				resolve(event?.code ?? 0)
			)
		);
		// Another process took it (as after a long pause of this one): the next renewal fails.
		await redis.set(lease(workshop.id), OTHER, 'PX', 60_000);
		expect(await closedWith).toBe(1013);

		// Written while the workshop is served elsewhere: kept by the client, not by this process.
		addNote(client.doc, { text: 'skriven under flytten', author: authorOf(anna, 'Anna') });
		await redis.del(lease(workshop.id));
		await waitForSynced(client.provider);
		const check = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await check.synced;
		await waitForNote(check.doc, 'skriven under flytten');
		expect(client.closes.filter((code) => code !== 1013)).toEqual([]);
	});
});
