/**
 * Another spelling of a workshop path through the proxy (deploy/haproxy.cfg). The proxy hashes
 * the workshop id it reads from the raw path; `/ws/w/%61bc`, `//ws/w/abc` or `/w/../ws/w/abc`
 * carry no id it recognises and went round robin, to processes that do not hold the workshop
 * (which refused them, 503 or 1013, and a free workshop's lease went to whichever process
 * such a request reached). No browser or y-websocket client sends them: the proxy now refuses
 * every one with 400 before any process sees it, while the canonical paths still reach the
 * holder.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import {
	missingForScaleOut,
	startScaleCluster,
	type ScaleCluster
} from '../helpers/scale-cluster.ts';
import { removeTempDirs } from '../helpers/server.ts';
import { connect, type YClient } from '../helpers/yclient.ts';

const missing = missingForScaleOut();

/** A request sent with its path exactly as given (no client-side URL normalisation). */
function raw(port: number, path: string, headers: Record<string, string> = {}) {
	return new Promise<number>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('upgrade', (res, socket) => {
			socket.destroy();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end();
	});
}

const upgrade = {
	connection: 'Upgrade',
	upgrade: 'websocket',
	'sec-websocket-version': '13',
	'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ=='
};

describe.runIf(missing.length === 0 || process.env.CI !== undefined)(
	'odd spellings of workshop paths through HAProxy',
	() => {
		let cluster: ScaleCluster;
		let client: YClient | null = null;

		beforeAll(async () => {
			if (missing.length > 0) {
				throw new Error(`missing: ${missing.join(', ')} (.ci/run installs them)`);
			}
			cluster = await startScaleCluster({ leaseMs: 3_000 });
		}, 60_000);

		afterAll(async () => {
			client?.destroy();
			await cluster?.stop();
			await removeTempDirs();
		});

		it('refuses every other spelling at the proxy, and serves the canonical one from the holder', async () => {
			const { proxy } = cluster;
			const { workshop, api } = await facilitatorWithWorkshop(proxy.url, 'Udda vägar');
			const id = workshop.id;
			const { wsToken } = await api.wsToken(id);
			client = connect(proxy.wsUrl, `w/${id}`, { token: wsToken });
			await client.synced;
			const holder = await cluster.holderOf(id);
			expect(holder).not.toBeNull();

			const encoded = `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`;
			const http = [
				`/api/workshops/${encoded}/export.json`,
				`//api/workshops/${id}/export.json`,
				`/api/workshops//${id}/export.json`,
				`/x/../api/workshops/${id}/export.json`,
				`/api/workshops/./${id}/export.json`,
				`/w/${encoded}`,
				`//w/${id}`,
				`/x/../w/${id}`,
				`/w/./${id}`
			];
			const sockets = [
				`/ws/w/${encoded}`,
				`/ws/w%2F${id}`,
				`//ws/w/${id}`,
				`/ws//w/${id}`,
				`/w/../ws/w/${id}`,
				`/ws/./w/${id}`
			];
			const cookie = api.cookieHeader();
			// Three times each: round robin would have sent them to every process in turn.
			for (let round = 0; round < 3; round++) {
				for (const path of http) {
					expect(await raw(proxy.port, path, { cookie }), path).toBe(400);
				}
				for (const path of sockets) {
					expect(await raw(proxy.port, `${path}?token=${wsToken}`, upgrade), path).toBe(400);
				}
				expect(await raw(proxy.port, `/api/workshops/${id}/export.json`, { cookie })).toBe(200);
				expect(await raw(proxy.port, `/ws/w/${id}?token=${wsToken}`, upgrade)).toBe(101);
			}
			// Nothing moved: the workshop is still its first holder's.
			expect((await cluster.holderOf(id))?.id).toBe(holder!.id);
			expect(client.closes).toEqual([]);
		}, 60_000);
	}
);
