import { afterAll, beforeAll } from 'vitest';
import type WebSocket from 'ws';
import { removeTempDirs, startServer, type StartOptions, type TestServer } from './server.ts';
import { participant, type Organisation, type Profession } from './api.ts';
import { connect, type YClient } from './yclient.ts';

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

type Run = ReturnType<typeof serverPerFile>;

/**
 * A participant joined by `code`, with the board and her private document (the room of a
 * silent round) open and synced; `author` is what her notes carry.
 */
export async function joinWithOwnRoom(
	run: Run,
	code: string,
	name: string,
	{
		profession = 'sjukskoterska',
		organisation = 'kommun'
	}: { profession?: Profession; organisation?: Organisation } = {}
) {
	const p = await participant(run.server.url, code, name, { profession, organisation });
	const ownRoom = `${p.room}/p/${p.membershipId}`;
	const own = run.track(connect(run.server.wsUrl, ownRoom, { token: p.wsToken }));
	const board = run.track(connect(run.server.wsUrl, p.room, { token: p.wsToken }));
	await Promise.all([own.synced, board.synced]);
	const author = { id: p.membershipId, name, profession, organisation };
	return { ...p, name, board, own, ownRoom, author };
}
