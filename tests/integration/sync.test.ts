import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { authorOf, connect, noteTexts, waitFor, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

function track(client: YClient) {
	clients.push(client);
	return client;
}

describe('two clients on one workshop board', () => {
	it('converge on the same notes when both write concurrently, and a late client gets everything', async () => {
		const { workshop, links } = await facilitatorWithWorkshop(server.url);
		const anna = await participant(server.url, links.participant.code, 'Anna', {
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		const bo = await participant(server.url, links.participant.code, 'Bo', {
			profession: 'lakare',
			organisation: 'region'
		});
		expect(anna.role).toBe('participant');
		expect(anna.room).toBe(boardRoom(workshop.id));
		expect(anna.membershipId).not.toBe(bo.membershipId);

		const a = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		const b = track(connect(server.wsUrl, bo.room, { token: bo.wsToken }));
		await Promise.all([a.synced, b.synced]);

		// Both write in the same tick, before either has seen the other's notes.
		const perClient = 10;
		for (let i = 0; i < perClient; i++) {
			addNote(a.doc, { text: `A${i}: ringer 1177`, author: authorOf(anna, 'Anna') });
			addNote(b.doc, {
				text: `B${i}: palliativt beslut saknas`,
				kind: 'bottennapp',
				author: authorOf(bo, 'Bo', 'lakare', 'region')
			});
		}
		const total = perClient * 2;
		await Promise.all([
			waitFor(a.doc, (d) => listNotes(d).length === total, { message: `A to hold ${total} notes` }),
			waitFor(b.doc, (d) => listNotes(d).length === total, { message: `B to hold ${total} notes` })
		]);

		expect(listNotes(a.doc)).toEqual(listNotes(b.doc));
		const texts = noteTexts(a.doc).sort();
		const expected = Array.from({ length: perClient }, (_, i) => [
			`A${i}: ringer 1177`,
			`B${i}: palliativt beslut saknas`
		])
			.flat()
			.sort();
		expect(texts).toEqual(expected);
		// Origin travels with the note.
		const fromBo = listNotes(a.doc).filter((n) => n.text.startsWith('B'));
		expect(fromBo).toHaveLength(perClient);
		for (const note of fromBo) {
			expect(note).toMatchObject({
				kind: 'bottennapp',
				authorId: bo.membershipId,
				authorName: 'Bo',
				profession: 'lakare',
				organisation: 'region'
			});
		}

		// A third client that connects afterwards receives the whole board from the server.
		const cecilia = await participant(server.url, links.participant.code, 'Cecilia');
		const c = track(connect(server.wsUrl, cecilia.room, { token: cecilia.wsToken }));
		await c.synced;
		await waitFor(c.doc, (d) => listNotes(d).length === total, {
			message: `late client to hold ${total} notes`
		});
		expect(listNotes(c.doc)).toEqual(listNotes(a.doc));

		// And what the late client writes reaches the first two.
		addNote(c.doc, { text: 'C: dotter ringer ambulans', author: authorOf(cecilia, 'Cecilia') });
		await Promise.all(
			[a, b].map((x) =>
				waitFor(x.doc, (d) => listNotes(d).length === total + 1, {
					message: 'the late client note'
				})
			)
		);
		expect(noteTexts(a.doc)).toContain('C: dotter ringer ambulans');
		expect(noteTexts(b.doc)).toContain('C: dotter ringer ambulans');
		// Nobody was disconnected along the way.
		expect([...a.closes, ...b.closes, ...c.closes]).toEqual([]);
	});

	it('lets the facilitator connect with the session cookie and see the participants’ notes', async () => {
		const fac = await facilitatorWithWorkshop(server.url, 'Cookie-workshop');
		const dag = await participant(server.url, fac.links.participant.code, 'Dag');
		const p = track(connect(server.wsUrl, dag.room, { token: dag.wsToken }));
		await p.synced;
		addNote(p.doc, { text: 'Hemtjänsten vet inte', author: authorOf(dag, 'Dag') });

		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await f.synced;
		await waitFor(f.doc, (d) => noteTexts(d).includes('Hemtjänsten vet inte'), {
			message: 'the participant note on the facilitator client'
		});
		expect(noteTexts(f.doc)).toEqual(['Hemtjänsten vet inte']);
	});
});
