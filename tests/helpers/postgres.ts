/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries (initdb, pg_ctl from
 * /usr/lib/postgresql/<version>/bin), trust auth, listening on 127.0.0.1 only, its socket and
 * data under a fresh /tmp directory, removed again at the end. Never the system service.
 *
 * TEST_PG_PORT picks the port (a free one otherwise); POSTGRES_BIN the binaries' folder.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports.ts';

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin folder, or null when there is none. */
export function postgresBinDir(): string | null {
	const explicit = process.env.POSTGRES_BIN;
	if (explicit) return existsSync(join(explicit, 'initdb')) ? explicit : null;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(root, versions[0], 'bin') : null;
}

export interface Cluster {
	/** postgres://postgres@127.0.0.1:<port>/postgres, the superuser's maintenance database */
	adminUrl: string;
	port: number;
	stop(): Promise<void>;
}

/**
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user
 * (Debian's package creates it) and every binary runs through runuser.
 */
function asOwner(bin: string, args: string[]): [string, string[]] {
	return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startCluster(binDir: string): Promise<Cluster> {
	const port = Number(process.env.TEST_PG_PORT) || (await freePort());
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-pg-'));
	if (userInfo().uid === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), 0);
	const data = join(dir, 'data');
	const exec = (bin: string, args: string[]) => {
		const [file, argv] = asOwner(join(binDir, bin), args);
		return run(file, argv, { cwd: dir });
	};
	await exec('initdb', [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'-E',
		'UTF8',
		// Code-point order, as SQLite's BINARY collation sorts.
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	// A test cluster: durability against a crash of PostgreSQL itself is not under test (the app
	// process is what tests kill), so fsync is off to spare the shared machine's disk.
	const options = [
		`-p ${port}`,
		`-k ${dir}`,
		'-c listen_addresses=127.0.0.1',
		'-c fsync=off',
		'-c full_page_writes=off',
		'-c max_connections=300'
	].join(' ');
	try {
		await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
	} catch (error) {
		const log = readFileSync(join(dir, 'log'), 'utf8');
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`PostgreSQL did not start on port ${port}:\n${log}`, { cause: error });
	}
	let stopped = false;
	return {
		adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		async stop() {
			if (stopped) return;
			stopped = true;
			await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A new, empty database in the cluster; returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
	const name = `samskapa_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Drops a database made by createDatabase, cutting whatever is still connected to it. */
export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
	const name = new URL(databaseUrl).pathname.slice(1);
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	} finally {
		await client.end();
	}
}
