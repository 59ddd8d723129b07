import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionsMap,
	addAction,
	editActionText,
	listActions
} from '../../src/lib/workshop/records/action.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { encodeUpdate } from '../../src/lib/server/realtime/judge-bytes.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import { connect, waitFor, type YClient } from '../helpers/yclient.ts';
import { query } from '../helpers/store';

/**
 * Two people typing in one field of the action plan at once, over the wire: both keep their
 * text (each field is a Y.Text), and a participant's crafted edit inside it is refused.
 */
let server: TestServer;
const others: TestServer[] = [];
const clients: YClient[] = [];
const track = (client: YClient) => (clients.push(client), client);

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	for (const other of others) await other.stop();
	await removeTempDirs();
});

const planOf = (doc: Y.Doc) => listActions(doc)[0]?.current;

describe('one action field, two writers at once', () => {
	it('merges both facilitators’ typing on the server and on both screens', async () => {
		const fac = await facilitatorWithWorkshop(server.url, 'Två skriver');
		const room = boardRoom(fac.workshop.id);
		const one = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		const two = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await Promise.all([one.synced, two.synced]);
		const area = createArea(one.doc, { name: 'Vem ringer jag' })!;
		setPlacement(one.doc, area, { prioritised: true });
		const id = addAction(one.doc, { areaId: area, current: 'mitten' });
		await waitFor(two.doc, (d) => planOf(d) === 'mitten', { message: 'the new action' });

		// Keystroke by keystroke, interleaved, neither waiting for the other's to arrive.
		let a = 'mitten';
		let b = 'mitten';
		for (let i = 0; i < 3; i++) {
			a = `${'A'.repeat(i + 1)}mitten`;
			editActionText(one.doc, id, 'current', a, i + 1);
			b = `mitten${'B'.repeat(i + 1)}`;
			editActionText(two.doc, id, 'current', b, b.length);
		}
		const both = (d: Y.Doc) => planOf(d) === 'AAAmittenBBB';
		await waitFor(one.doc, both, { message: 'both texts on the first screen' });
		await waitFor(two.doc, both, { message: 'both texts on the second screen' });
		const reader = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await reader.synced;
		expect(planOf(reader.doc)).toBe('AAAmittenBBB');
		expect([...one.closes, ...two.closes].filter((code) => code === 4403)).toEqual([]);
	});

	it('refuses a participant’s edit built byte by byte inside the field (4403)', async () => {
		const fac = await facilitatorWithWorkshop(server.url, 'Ingen kapning');
		const room = boardRoom(fac.workshop.id);
		const f = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await f.synced;
		const area = createArea(f.doc, { name: 'Vem ringer jag' })!;
		const id = addAction(f.doc, { areaId: area, current: 'Ingen vet' });
		const pia = await participant(server.url, fac.links.participant.code, 'Pia');
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await waitFor(p.doc, (d) => planOf(d) === 'Ingen vet');

		const text = actionsMap(f.doc).get(id)!.get('current') as Y.Text;
		const { client, clock } = text._item!.id;
		const crafted = encodeUpdate([
			{
				client: 1 + Math.floor(Math.random() * 2 ** 30),
				clock: 0,
				structs: [{ parent: [client, clock], content: { string: 'Kapad: ' } }]
			}
		]);
		const ws = await openAccepted(server.wsUrl, pia.room, { token: pia.wsToken });
		await firstMessage(ws);
		const closing = closed(ws);
		ws.send(updateMessage(crafted));
		expect(await closing).toEqual({
			code: 4403,
			reason: 'forbidden: action: current is not yours to change'
		});

		// The same edit through the Yjs API of her own client: refused as well.
		const closedAgain = new Promise<number>((resolve) =>
			p.provider.once('connection-close', (event) =>
				resolve((event as { code?: number } | null)?.code ?? 0)
			)
		);
		(actionsMap(p.doc).get(id)!.get('current') as Y.Text).insert(0, 'Kapad: ');
		expect(await closedAgain).toBe(4403);
		const fresh = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await fresh.synced;
		expect(planOf(fresh.doc)).toBe('Ingen vet');
	});
});

describe('a board stored when action fields were plain strings', () => {
	it('is read as it was and its fields become text anyone can type in together', async () => {
		const first = await startServer();
		const { workshop, api } = await facilitatorWithWorkshop(first.url, 'Gammal plan');
		const room = boardRoom(workshop.id);
		await first.stop();
		// The action as an older server stored it: every text field one plain string.
		const old = new Y.Doc();
		const area = createArea(old, { name: 'Vem ringer jag' })!;
		const id = addAction(old, { areaId: area });
		const map = actionsMap(old).get(id)!;
		for (const [field, value] of Object.entries({ current: 'Ingen vet', owner: 'MAS' })) {
			map.set(field, value);
		}
		for (const field of ['step', 'desired', 'proposal', 'plan']) map.set(field, '');
		await query(first.database, 'INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)', [
			room,
			Buffer.from(Y.encodeStateAsUpdate(old))
		]);

		const second = await startServer({ database: first.database });
		others.push(second);
		const one = track(connect(second.wsUrl, room, { cookie: api.cookieHeader() }));
		const two = track(connect(second.wsUrl, room, { cookie: api.cookieHeader() }));
		await Promise.all([one.synced, two.synced]);
		expect(listActions(one.doc)[0]).toMatchObject({ current: 'Ingen vet', owner: 'MAS' });
		expect(actionsMap(one.doc).get(id)!.get('current')).toBeInstanceOf(Y.Text);
		editActionText(one.doc, id, 'current', 'Ingen vet vem', 13);
		editActionText(two.doc, id, 'current', 'Ofta: Ingen vet', 6);
		const both = (d: Y.Doc) => planOf(d) === 'Ofta: Ingen vet vem';
		await waitFor(one.doc, both, { message: 'both edits on the first client' });
		await waitFor(two.doc, both, { message: 'both edits on the second client' });
	});
});
