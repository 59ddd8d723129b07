/**
 * Debian's haproxy running the project's own deploy/haproxy.cfg in the foreground, its
 * addresses given through the environment the file names. `haproxyBinary` is null where it is
 * not installed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { ROOT } from './server.ts';

export const haproxyBinary =
	['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p)) ??
	null;

export interface TestProxy {
	port: number;
	url: string;
	wsUrl: string;
	output(): string;
	stop(): Promise<void>;
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port` (polling connects). */
export async function listeningOn(port: number, timeoutMs = 10_000): Promise<void> {
	const until = performance.now() + timeoutMs;
	for (;;) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (ok) return;
		if (performance.now() > until) throw new Error(`nothing listens on ${port}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Starts haproxy on 127.0.0.1:`port` (a free one if undefined) in front of the app processes on `appPorts`. */
export async function startHaproxy(
	port: number | undefined,
	appPorts: number[]
): Promise<TestProxy> {
	port ??= await freePort();
	if (!haproxyBinary) throw new Error('haproxy is not installed (apt-get install haproxy)');
	const env: NodeJS.ProcessEnv = { ...process.env, SAMSKAPA_BIND: `127.0.0.1:${port}` };
	appPorts.forEach((p, i) => (env[`SAMSKAPA_APP${i + 1}`] = `127.0.0.1:${p}`));
	const proc = spawn(haproxyBinary, ['-db', '-f', join(ROOT, 'deploy', 'haproxy.cfg')], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const killOnExit = () => proc.kill('SIGKILL');
	process.once('exit', killOnExit);
	let log = '';
	proc.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
	proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
	const early = exited.then(() => {
		throw new Error(`haproxy exited before it listened:\n${log}`);
	});
	await Promise.race([listeningOn(port), early]);
	early.catch(() => {});
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/ws`,
		output: () => log,
		async stop() {
			process.off('exit', killOnExit);
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			await exited;
		}
	};
}
