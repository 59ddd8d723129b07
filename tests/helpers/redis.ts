/**
 * A throwaway redis-server on loopback for one test file: no persistence, stopped by the test.
 * `redisBinary` is null where Debian's redis-server is not installed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './ports.ts';

export const redisBinary =
	['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path)) ?? null;

export interface TestRedis {
	port: number;
	url: string;
	stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1:`port` (a free one if omitted); resolves once it accepts connections. */
export async function startRedis(port?: number, timeoutMs = 10_000): Promise<TestRedis> {
	port ??= await freePort();
	if (!redisBinary) throw new Error('redis-server is not installed (apt-get install redis-server)');
	const proc = spawn(
		redisBinary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const killOnExit = () => proc.kill('SIGKILL');
	process.once('exit', killOnExit);
	const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
	let log = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error(`redis-server did not start within ${timeoutMs} ms:\n${log}`));
		}, timeoutMs);
		proc.stdout.on('data', (chunk: Buffer) => {
			log += chunk.toString();
			if (log.includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		});
		proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
		proc.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited (code ${code}) before it was ready:\n${log}`));
		});
	});
	return {
		port,
		url: `redis://127.0.0.1:${port}`,
		async stop() {
			process.off('exit', killOnExit);
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			await exited;
		}
	};
}
