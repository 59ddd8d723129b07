/**
 * Room affinity attacked from routes outside the paths the proxy hashes (docs/operations.md):
 * a process that does not hold a workshop must not change it, or the holder, still serving
 * the live board, goes on writing what this process deleted or changed.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { redisBinary, startRedis, type TestRedis } from '../helpers/redis.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';

const OTHER = 'another-process';
const lease = (workshopId: string) => `samskapa:lease:${workshopId}`;
const run = redisBinary !== null || process.env.CI !== undefined;

describe.runIf(run)('room affinity against routes outside the hashed paths', () => {
	let redisServer: TestRedis;
	let redis: Redis;
	let server: TestServer;

	beforeAll(async () => {
		redisServer = await startRedis();
		redis = new Redis(redisServer.url);
		server = await startServer({ env: { REDIS_URL: redisServer.url } });
	});

	afterAll(async () => {
		await server?.stop();
		redis?.disconnect();
		await redisServer?.stop();
		await removeTempDirs();
	});

	it('refuses to delete a workshop another process holds (its live board would outlive the deletion)', async () => {
		const title = 'Hålls av en annan';
		const { api, workshop } = await facilitatorWithWorkshop(server.url, title);
		await redis.set(lease(workshop.id), OTHER, 'PX', 60_000);

		const res = await fetch(new URL(`/dashboard/${workshop.id}/ta-bort`, server.url), {
			method: 'POST',
			headers: {
				cookie: api.cookieHeader(),
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ confirm: title }),
			redirect: 'manual'
		});
		await res.text();
		expect(res.status).toBe(503);
		// The lease is untouched, and once it is free the workshop is still there.
		expect(await redis.get(lease(workshop.id))).toBe(OTHER);
		await redis.del(lease(workshop.id));
		const kept = await api.request('GET', `/api/workshops/${workshop.id}/export.json`);
		expect(kept.status).toBe(200);
	});

	it('refuses a workshop another process holds also when its id in the path is percent-encoded', async () => {
		const { api, workshop } = await facilitatorWithWorkshop(server.url, 'Kodad väg');
		await redis.set(lease(workshop.id), OTHER, 'PX', 60_000);
		// SvelteKit decodes the id for its route; the affinity hook read the raw path.
		const hex = workshop.id.charCodeAt(0).toString(16);
		const encoded = `%${hex}${workshop.id.slice(1)}`;
		const page = await api.request('GET', `/w/${encoded}`);
		expect(page.status).toBe(503);
		const exported = await api.request('GET', `/api/workshops/${encoded}/export.json`);
		expect(exported.status).toBe(503);
		expect(await redis.get(lease(workshop.id))).toBe(OTHER);
	});

	it('takes no lease for a workshop that does not exist, asked by anyone', async () => {
		// Before any sign-in: each such id was a lease renewed in Redis until it idled out,
		// thousands a second from one script, crowding out the renewals of live workshops.
		const ids = Array.from({ length: 20 }, (_, i) => `finnsinte${i}`);
		const answers = await Promise.all(
			ids.map((id) => fetch(new URL(`/api/workshops/${id}/export.json`, server.url)))
		);
		for (const answer of answers) {
			await answer.text();
			expect(answer.status).not.toBe(503);
		}
		for (const id of ids) expect(await redis.get(lease(id))).toBeNull();
	});
});
