import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoom, privateRoom } from '../../src/lib/workshop/rooms.ts';
import { encodeUpdate, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';
import { facilitatorWithWorkshop, participant, type Joined } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import { authorOf, connect, waitForNote, type YClient } from '../helpers/yclient.ts';
import { addNote } from '../../src/lib/workshop/doc.ts';

/**
 * Attacks by a participant (who holds nothing but the join code) on the server's time, memory
 * and disk, over the real wire. Each was accepted before the fix named in its commit.
 */
let server: TestServer;
let alice: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let mallory: Joined;
let honest: Joined;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
	alice = await facilitatorWithWorkshop(server.url, 'Attackerad');
	mallory = await participant(server.url, alice.links.participant.code, 'Mallory');
	honest = await participant(server.url, alice.links.participant.code, 'Hanna');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** A client id nobody used yet: Mallory's own once she writes with it. */
const freshClient = () => 1 + Math.floor(Math.random() * 2 ** 30);

describe('a participant cannot make the server work without end', () => {
	it('closes with 1009 an update of 90,000 notes made and removed at once (each alone is allowed)', async () => {
		const ws = await openAccepted(server.wsUrl, mallory.room, { token: mallory.wsToken });
		await firstMessage(ws);
		const structs: Struct[] = [];
		for (let i = 0; i < 90_000; i++) {
			structs.push({ parent: 'notes', parentSub: `${i}`.padEnd(64, 'x'), content: { deleted: 1 } });
		}
		const update = encodeUpdate([{ client: freshClient(), clock: 0, structs }]);
		const closing = closed(ws, 60_000);
		ws.send(updateMessage(update));
		expect(await closing).toEqual({ code: 1009, reason: 'too many changes in one message' });

		const hanna = connect(server.wsUrl, boardRoom(alice.workshop.id), { token: honest.wsToken });
		clients.push(hanna);
		await hanna.synced;
		// Nothing of it reached the board: its encoded size is what the template made.
		expect(Y.encodeStateAsUpdate(hanna.doc).byteLength).toBeLessThan(100_000);
		addNote(hanna.doc, { text: 'fortfarande här', author: authorOf(honest, 'Hanna') });
		const other = connect(server.wsUrl, boardRoom(alice.workshop.id), { token: honest.wsToken });
		clients.push(other);
		await waitForNote(other.doc, 'fortfarande här');
	}, 90_000);

	it('refuses (4403) to grow a private document past its cap: 5 MiB of "drafts"', async () => {
		const room = privateRoom(alice.workshop.id, mallory.membershipId);
		const ws = await openAccepted(server.wsUrl, room, { token: mallory.wsToken });
		await firstMessage(ws);
		const doc = new Y.Doc();
		doc.getMap('drafts').set('a', 'x'.repeat(5 * 1024 * 1024));
		const closing = closed(ws, 30_000);
		ws.send(updateMessage(Y.encodeStateAsUpdate(doc)));
		expect(await closing).toEqual({ code: 4403, reason: 'forbidden: the document is full' });
	}, 60_000);
});
