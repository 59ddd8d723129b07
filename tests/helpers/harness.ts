import { afterAll, beforeAll } from 'vitest';
import type WebSocket from 'ws';
import { removeTempDirs, startServer, type StartOptions, type TestServer } from './server.ts';
import type { YClient } from './yclient.ts';

/**
 * One real server for a test file, and whatever clients and raw sockets its tests open, all
 * closed after the file: `const run = serverPerFile()`, then `run.server.url`,
 * `run.track(connect(…))`, `run.sockets.push(ws)`.
 */
export function serverPerFile(options: StartOptions = {}) {
	const clients: YClient[] = [];
	const run = {
		server: undefined as unknown as TestServer,
		sockets: [] as WebSocket[],
		track: (client: YClient) => (clients.push(client), client)
	};
	beforeAll(async () => {
		run.server = await startServer(options);
	});
	afterAll(async () => {
		for (const client of clients) client.destroy();
		for (const ws of run.sockets) ws.terminate();
		await run.server?.stop();
		await removeTempDirs();
	});
	return run;
}
