/**
 * What a single process loads (issue 18, the server's memory). ioredis belongs to a deployment
 * with REDIS_URL only, and drizzle-orm, zod and libphonenumber-js are bundled into the build:
 * loaded from node_modules, Node 22 parsed a package's whole package.json `exports` again for
 * each of its files (drizzle-orm's is 179 KB, for 113 files), about 160 MiB of garbage that grew
 * the heap before the first client came.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { ROOT, removeTempDirs, startServer } from '../helpers/server.ts';
import { onPostgres } from '../helpers/store.ts';

describe('what a single process loads', () => {
	let dir = '';
	afterAll(async () => {
		await removeTempDirs();
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it('loads ioredis not at all, and what it bundles not from node_modules', async () => {
		dir = await mkdtemp(join(tmpdir(), 'samskapa-startup-'));
		const file = join(dir, 'modules.txt');
		const server = await startServer({
			env: {
				NODE_OPTIONS: `--import ${join(ROOT, 'tests', 'helpers', 'loaded-modules.ts')}`,
				LOADED_MODULES_FILE: file
			}
		});
		// A workshop's title and a participant's name pass the patient-data check.
		const { links } = await facilitatorWithWorkshop(server.url, 'Vårdcentral 0701234567');
		const joined = await participant(server.url, links.participant.code, 'Deltagare');
		await server.stop();
		expect(joined.membershipId).toBeTruthy();

		const packages = new Set(
			(await readFile(file, 'utf8'))
				.split('\n')
				.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
				.filter((name) => name !== undefined)
		);
		// The hook saw the modules the server does load from node_modules.
		expect(packages).toContain('yjs');
		// Each store's driver only where it is the store.
		const [driver, other] = onPostgres ? ['pg', 'better-sqlite3'] : ['better-sqlite3', 'pg'];
		expect(packages).toContain(driver);
		expect(packages).not.toContain(other);
		expect(packages).not.toContain('ioredis');
		expect(packages).not.toContain('drizzle-orm');
		expect(packages).not.toContain('zod');
		expect(packages).not.toContain('libphonenumber-js');
	});
});
