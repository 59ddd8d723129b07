import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';
import { addNote, notesMap } from '../../src/lib/workshop/doc.ts';
import { emotionsMap } from '../../src/lib/workshop/emotions.ts';
import { isBoardLocked, setBoardLocked } from '../../src/lib/workshop/records/board-state.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import {
	facilitatorWithWorkshop,
	participant,
	type Joined,
	type ApiClient
} from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import { connect, waitFor, waitForNote, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
let alice: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let pia: Joined & { api: ApiClient };
let per: Joined & { api: ApiClient };
const clients: YClient[] = [];

const track = (client: YClient) => (clients.push(client), client);
const room = () => boardRoom(alice.workshop.id);
const author = (who: Joined, name: string) =>
	({
		id: who.membershipId,
		name,
		profession: 'sjukskoterska',
		organisation: 'kommun'
	}) as const;

beforeAll(async () => {
	server = await startServer();
	alice = await facilitatorWithWorkshop(server.url, 'Judge');
	pia = await participant(server.url, alice.links.participant.code, 'Pia');
	per = await participant(server.url, alice.links.participant.code, 'Per');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** Sends one update on a fresh raw socket of `who`; resolves with how the server closed it. */
async function sendRaw(who: Joined, update: Uint8Array) {
	const ws = await openAccepted(server.wsUrl, room(), { token: who.wsToken });
	await firstMessage(ws);
	const done = closed(ws);
	ws.send(updateMessage(update));
	return done;
}

describe('the write judge over the wire', () => {
	it('refuses an overlapping struct into another member’s note; the export is unchanged', async () => {
		const piaClient = track(connect(server.wsUrl, room(), { token: pia.wsToken }));
		const perClient = track(connect(server.wsUrl, room(), { token: per.wsToken }));
		await Promise.all([piaClient.synced, perClient.synced]);
		addNote(piaClient.doc, { text: 'Pias lapp', author: author(pia, 'Pia') });
		const perNote = addNote(perClient.doc, { text: 'Pers lapp', author: author(per, 'Per') });
		await waitForNote(piaClient.doc, 'Pers lapp');
		await waitForNote(perClient.doc, 'Pias lapp');
		const board = async () => {
			const exported: Record<string, unknown> = await alice.api.exportJson(alice.workshop.id);
			delete exported.exportedAt;
			return exported;
		};
		const before = await board();

		// Pia's own client id, at the last clock the server has, running on into Per's note.
		const client = piaClient.doc.clientID;
		const clock = Y.getState(piaClient.doc.store, client) - 1;
		const target = notesMap(piaClient.doc).get(perNote)!._item!.id;
		const struct: Struct = {
			parent: [target.client, target.clock],
			parentSub: 'text',
			content: { any: ['x', 'TAMPERED'] }
		};
		const close = await sendRaw(pia, encodeUpdate([{ client, clock, structs: [struct] }]));
		expect(close.code).toBe(4403);
		// Yjs would write Per's text and drop Pia's last field (the tail's left neighbour).
		expect(close.reason).toMatch(/^forbidden: note: (text is not yours|updatedAt is required)/);
		expect(await board()).toEqual(before);
		expect(JSON.stringify(before)).toContain('Pers lapp');
	});

	it('refuses another participant’s socket writing under a bound client id', async () => {
		const piaClient = track(connect(server.wsUrl, room(), { token: pia.wsToken }));
		await piaClient.synced;
		addNote(piaClient.doc, { text: 'Bunden', author: author(pia, 'Pia') });
		const facilitator = track(connect(server.wsUrl, room(), { cookie: alice.api.cookieHeader() }));
		await facilitator.synced;
		await waitForNote(facilitator.doc, 'Bunden');

		// A rating names an event on the board (the template's first).
		const eventId = [...facilitator.doc.getMap('events').keys()][0]!;
		const key = `${eventId}|${per.membershipId}`;
		const rating = (client: number, clock: number) =>
			encodeUpdate([
				{ client, clock, structs: [{ parent: 'emotions', parentSub: key, content: { any: [2] } }] }
			]);
		const bound = piaClient.doc.clientID;
		const close = await sendRaw(per, rating(bound, Y.getState(facilitator.doc.store, bound)));
		expect(close).toEqual({ code: 4403, reason: 'forbidden: client id of someone else' });
		expect(emotionsMap(facilitator.doc).has(key)).toBe(false);

		// The same rating under a client id of his own is his to write.
		const ws = await openAccepted(server.wsUrl, room(), { token: per.wsToken });
		await firstMessage(ws);
		ws.send(updateMessage(rating(987654321, 0)));
		await waitFor(facilitator.doc, () => emotionsMap(facilitator.doc).get(key) === 2);
		ws.close();
	});

	it('refuses a participant’s note while the board is locked, and takes the facilitator’s', async () => {
		const facilitator = track(connect(server.wsUrl, room(), { cookie: alice.api.cookieHeader() }));
		await facilitator.synced;
		setBoardLocked(facilitator.doc, true);
		const piaClient = track(connect(server.wsUrl, room(), { token: pia.wsToken }));
		await piaClient.synced;
		await waitFor(piaClient.doc, isBoardLocked);

		const draft = new Y.Doc();
		addNote(draft, { text: 'Under låset', author: author(pia, 'Pia') });
		const close = await sendRaw(pia, Y.encodeStateAsUpdate(draft));
		expect(close).toEqual({ code: 4403, reason: 'forbidden: the board is locked' });

		const { membershipId } = await alice.api.wsToken(alice.workshop.id);
		const own = { ...author(pia, 'Alice'), id: membershipId };
		addNote(facilitator.doc, { text: 'Facilitatorns lapp', author: own });
		await waitForNote(piaClient.doc, 'Facilitatorns lapp');
		const exported = await alice.api.exportJson(alice.workshop.id);
		const texts = exported.notes.map((n) => n.text);
		expect(texts).toContain('Facilitatorns lapp');
		expect(texts).not.toContain('Under låset');
		// The declared export sees the same board, the lock included.
		const boardNotes = exported.board.notes as Array<{ text: string }>;
		expect(boardNotes.map((n) => n.text).sort()).toEqual([...texts].sort());
		expect(exported.board.state).toMatchObject({ locked: true });
		setBoardLocked(facilitator.doc, false);
		await waitFor(piaClient.doc, (doc) => !isBoardLocked(doc));
	});
	it('keeps client-id bindings across a restart', async () => {
		const piaClient = track(connect(server.wsUrl, room(), { token: pia.wsToken }));
		const facilitator = track(connect(server.wsUrl, room(), { cookie: alice.api.cookieHeader() }));
		await Promise.all([piaClient.synced, facilitator.synced]);
		addNote(piaClient.doc, { text: 'Före omstarten', author: author(pia, 'Pia') });
		await waitForNote(facilitator.doc, 'Före omstarten');
		const bound = piaClient.doc.clientID;
		const clock = Y.getState(facilitator.doc.store, bound);
		for (const client of clients.splice(0)) client.destroy();

		await server.stop();
		server = await startServer({ database: server.database, port: server.port });
		const rating = encodeUpdate([
			{
				client: bound,
				clock,
				structs: [
					{ parent: 'emotions', parentSub: `e2|${per.membershipId}`, content: { any: [1] } }
				]
			}
		]);
		expect(await sendRaw(per, rating)).toEqual({
			code: 4403,
			reason: 'forbidden: client id of someone else'
		});
	});
});
