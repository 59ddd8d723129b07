/**
 * What a single process loads at start (issue 18, the server's memory). ioredis belongs to a
 * deployment with REDIS_URL only, and drizzle-orm is bundled into the build: loaded from
 * node_modules, Node 22 parsed its 179 KB package.json `exports` again for each of its 113 files,
 * about 160 MiB of garbage that grew the heap before the first client came.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, removeTempDirs, startServer } from '../helpers/server.ts';

describe('start-up of a single process', () => {
	let dir = '';
	afterAll(async () => {
		await removeTempDirs();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('loads neither ioredis nor drizzle-orm from node_modules, and still serves', async () => {
		dir = await mkdtemp(join(tmpdir(), 'samskapa-startup-'));
		const file = join(dir, 'modules.txt');
		const server = await startServer({
			env: {
				NODE_OPTIONS: `--import ${join(ROOT, 'tests', 'helpers', 'loaded-modules.ts')}`,
				LOADED_MODULES_FILE: file
			}
		});
		const health = await fetch(`${server.url}/healthz`);
		await server.stop();
		expect(health.status).toBe(200);

		const packages = new Set(
			(await readFile(file, 'utf8'))
				.split('\n')
				.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
				.filter((name) => name !== undefined)
		);
		// The hook saw the modules the server does load from node_modules.
		expect(packages).toContain('yjs');
		expect(packages).toContain('better-sqlite3');
		expect(packages).not.toContain('ioredis');
		expect(packages).not.toContain('drizzle-orm');
		expect(packages).not.toContain('pg');
	});
});
