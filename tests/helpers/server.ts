/**
 * Starts the real production entry (`node src/server.ts`, which serves the built app) as a
 * child process on a random port with its own database: a SQLite file, or with TEST_STORE=postgres
 * a PostgreSQL database (tests/helpers/store.ts). Requires `npm run build` first.
 *
 * Set BUILD_DIR to test a copy of build/ (src/server.ts reads the same variable), e.g. while
 * someone else rebuilds the shared checkout. Set SAMSKAPA_TEST_LOG=1 to see server output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseEnv, newTestDatabase, type TestDatabase } from './store.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built app src/server.ts serves; BUILD_DIR overrides it. */
export const BUILD_DIR = resolve(ROOT, process.env.BUILD_DIR ?? 'build');

export interface StartOptions {
	/** The database to use (an earlier server's, to restart on it); a fresh one when omitted. */
	database?: TestDatabase;
	/** 0 (the default) lets the OS pick a free port; pass an old server's port to restart on it. */
	port?: number;
	/** Extra environment (e.g. WS_MAX_PAYLOAD). */
	env?: Record<string, string>;
	/** How long to wait for the "listening on" line. */
	timeoutMs?: number;
}

export interface ListeningProcess {
	port: number;
	proc: ChildProcess;
	/** SIGTERM and wait for the process to exit. */
	stop(): Promise<void>;
	/** SIGKILL and wait for the process to exit. */
	kill(): Promise<void>;
	/** Everything the process printed so far (stdout and stderr, interleaved). */
	output(): string;
}

export interface TestServer extends ListeningProcess {
	/** http://127.0.0.1:<port> */
	url: string;
	/** ws://127.0.0.1:<port>/ws (the base URL a WebsocketProvider takes) */
	wsUrl: string;
	database: TestDatabase;
}

const tempDirs = new Set<string>();
const running = new Set<ChildProcess>();

// Never leave a server behind when the test process goes away.
process.once('exit', () => {
	for (const proc of running) proc.kill('SIGKILL');
});

/** A path for a new SQLite file in a fresh temporary directory. */
export async function tempDbPath(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'samskapa-test-'));
	tempDirs.add(dir);
	return join(dir, 'samskapa.db');
}

/** Removes every temporary directory this module created (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
	const dirs = [...tempDirs];
	tempDirs.clear();
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * Spawns `node <args>` and resolves once it prints `listening on http://<host>:<port>`
 * (event-driven on its output). Fails with the captured output if it exits or times out first.
 */
export async function spawnListening(
	args: string[],
	env: NodeJS.ProcessEnv,
	{ timeoutMs = 20_000, label = 'server' }: { timeoutMs?: number; label?: string } = {}
): Promise<ListeningProcess> {
	const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(proc);
	let log = '';
	const exited = new Promise<void>((resolveExit) => {
		proc.once('exit', () => {
			running.delete(proc);
			resolveExit();
		});
	});
	let port = 0;
	proc.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
	proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	if (process.env.SAMSKAPA_TEST_LOG) {
		const echo = (chunk: Buffer) => process.stderr.write(`[${label} :${port}] ${chunk}`);
		proc.stdout.on('data', echo);
		proc.stderr.on('data', echo);
	}

	port = await new Promise<number>((resolvePort, rejectPort) => {
		const timer = setTimeout(() => {
			cleanup();
			proc.kill('SIGKILL');
			rejectPort(new Error(`${label} did not start within ${timeoutMs} ms; output:\n${log}`));
		}, timeoutMs);
		const onData = () => {
			const match = /listening on http:\/\/[^\s:]+:(\d+)/.exec(log);
			if (match) {
				cleanup();
				resolvePort(Number(match[1]));
			}
		};
		const onExit = (code: number | null, signal: string | null) => {
			cleanup();
			rejectPort(
				new Error(`${label} exited (code ${code}, signal ${signal}) before listening:\n${log}`)
			);
		};
		const onError = (error: Error) => {
			cleanup();
			rejectPort(error);
		};
		function cleanup() {
			clearTimeout(timer);
			proc.stdout.off('data', onData);
			proc.stderr.off('data', onData);
			proc.off('exit', onExit);
			proc.off('error', onError);
		}
		// Registered after the collectors above, so `log` already holds the chunk.
		proc.stdout.on('data', onData);
		proc.stderr.on('data', onData);
		proc.once('exit', onExit);
		proc.once('error', onError);
	});

	const signal = async (sig: NodeJS.Signals) => {
		if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
		await exited;
	};
	return {
		port,
		proc,
		stop: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		output: () => log
	};
}

/** Starts the Samskapa server (src/server.ts over the build) on 127.0.0.1. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	const handler = join(BUILD_DIR, 'handler.js');
	if (!existsSync(handler)) {
		throw new Error(`${handler} is missing: run \`npm run build\` first`);
	}
	const database = options.database ?? (await newTestDatabase(tempDbPath));
	// The child runs like `npm run serve`, not like a test: drop what vitest put in our env.
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	// Only the database chosen here: an outer DATABASE_URL would win over DATABASE_PATH.
	delete env.DATABASE_URL;
	delete env.DATABASE_PATH;
	const server = await spawnListening(
		['--disable-warning=ExperimentalWarning', join(ROOT, 'src', 'server.ts')],
		{
			...env,
			NODE_ENV: 'production',
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			...databaseEnv(database),
			SAMSKAPA_DEMO: '0',
			BUILD_DIR,
			...options.env
		},
		{ timeoutMs: options.timeoutMs, label: 'samskapa' }
	);
	return {
		...server,
		url: `http://127.0.0.1:${server.port}`,
		wsUrl: `ws://127.0.0.1:${server.port}/ws`,
		database
	};
}

/** Resident set size of a process in bytes, from /proc (Linux); null when unavailable. */
export async function rssOf(pid: number): Promise<number | null> {
	try {
		const status = await readFile(`/proc/${pid}/status`, 'utf8');
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}
