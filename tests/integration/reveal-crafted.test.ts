import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, listNotes, notesMap } from '../../src/lib/workshop/doc.ts';
import { addEvent, addQuestion } from '../../src/lib/workshop/journey.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { ideasMap, listIdeas } from '../../src/lib/workshop/records/idea.ts';
import { listIdeaRounds } from '../../src/lib/workshop/records/idea-round.ts';
import { listNoteRounds } from '../../src/lib/workshop/records/note-round.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { joinWithOwnRoom, serverPerFile } from '../helpers/harness.ts';
import { connect, waitFor } from '../helpers/yclient.ts';

/**
 * A private note or idea whose text is only white space passes the judge (a text of at least
 * one character) but is nothing the board can hold: its copy trims it to nothing. Before, one
 * such note made every reveal of the round fail for everyone (addNote threw `empty note`: 500,
 * nobody's notes revealed, round left open), and such an idea was revealed as an empty idea,
 * which the judge refuses of any participant. Now it stays with its author; the rest go.
 */
const run = serverPerFile();
const { track } = run;

async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	const f = track(connect(run.server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
	await f.synced;
	const join = (name: string) => joinWithOwnRoom(run, links.participant.code, name);
	const post = (path: string, body: unknown) =>
		api.request<{ roundId: string; revealed?: number; notRevealed?: number; error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/${path}`,
			body
		);
	return { f, join, post };
}

/** An idea written as a browser writes it, with this text and order key. */
function writeIdea(
	doc: Y.Doc,
	id: string,
	areaId: string,
	text: string,
	author: { id: string; name: string },
	order = 'a0'
) {
	const now = Date.now();
	doc.transact(() => {
		const idea = new Y.Map<unknown>();
		ideasMap(doc).set(id, idea);
		for (const [field, value] of Object.entries({
			text,
			areaId,
			group: null,
			order,
			authorId: author.id,
			authorName: author.name,
			profession: 'sjukskoterska',
			organisation: 'kommun',
			createdAt: now,
			updatedAt: now
		})) {
			idea.set(field, value);
		}
	});
}

describe('a reveal and records crafted to break it', () => {
	it('reveals everyone else’s notes and keeps the blank one with its author', async () => {
		const s = await setup();
		const eventId = addEvent(s.f.doc, { title: 'Ringer 1177' });
		const questionId = addQuestion(s.f.doc, { text: 'Vad skaver?' });
		const mallory = await s.join('Mallory');
		const per = await s.join('Per');
		const opened = await s.post('note-rounds', { action: 'open' });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;

		const perNote = addNote(per.own.doc, {
			text: 'Väntan i telefon',
			eventId,
			questionId,
			author: per.author
		});
		const blank = addNote(mallory.own.doc, {
			text: 'snart tom',
			eventId,
			questionId,
			author: mallory.author
		});
		// Her own note, her own field: the judge lets her change its text to any non-empty string.
		notesMap(mallory.own.doc).get(blank)!.set('text', ' \n ');
		await waitFor(s.f.doc, (d) => listNoteRounds(d).find((r) => r.id === roundId)?.notes === 2, {
			message: 'both private notes counted'
		});

		const reveal = await s.post('note-rounds', { action: 'reveal', roundId });
		expect(reveal.status).toBe(200);
		expect(reveal.body.revealed).toBe(1);
		await waitFor(s.f.doc, (d) => notesMap(d).has(perNote), { message: 'Per’s note revealed' });
		expect(listNoteRounds(s.f.doc).find((r) => r.id === roundId)?.status).toBe('revealed');
		expect(listNotes(s.f.doc).some((n) => n.id === blank)).toBe(false);
		await waitFor(per.own.doc, (d) => notesMap(d).size === 0, { message: 'Per’s copy moved' });
		expect(notesMap(mallory.own.doc).get(blank)?.get('text')).toBe(' \n ');
	});

	it('never reveals a blank idea as an empty one on the board', async () => {
		const s = await setup();
		const areaId = createArea(s.f.doc, { name: 'Tyst runda' })!;
		setPlacement(s.f.doc, areaId, { prioritised: true });
		const mallory = await s.join('Mallory');
		const per = await s.join('Per');
		const opened = await s.post('idea-rounds', { action: 'silent', areaIds: [areaId] });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(s.f.doc, (d) => listIdeaRounds(d).some((r) => r.id === roundId));

		writeIdea(per.own.doc, 'per-idea', areaId, 'Ring tillbaka', per.author);
		writeIdea(mallory.own.doc, 'blank-idea', areaId, '   ', mallory.author);
		// Stored: a fresh socket of each reads them back from the server.
		for (const m of [per, mallory]) {
			const check = track(
				connect(run.server.wsUrl, `${m.room}/p/${m.membershipId}`, { token: m.wsToken })
			);
			await waitFor(check.doc, (d) => ideasMap(d).size === 1, { message: 'private idea stored' });
		}

		const reveal = await s.post('idea-rounds', { action: 'reveal', roundId });
		expect(reveal.status).toBe(200);
		await waitFor(s.f.doc, (d) => listIdeas(d, areaId).length === 1, {
			message: 'Per’s idea revealed'
		});
		expect(listIdeas(s.f.doc, areaId).map((i) => i.id)).toEqual(['per-idea']);
		expect(ideasMap(s.f.doc).has('blank-idea')).toBe(false);
	});

	it('reveals into an area whose last idea has an order key a participant crafted', async () => {
		const s = await setup();
		const areaId = createArea(s.f.doc, { name: 'Hur kan vi …?' })!;
		setPlacement(s.f.doc, areaId, { prioritised: true });
		const mallory = await s.join('Mallory');
		const per = await s.join('Per');
		// On the board, before the round: the judge checks an order key's characters only, and
		// 'zz' sorts after every key fractional-indexing can make, which it refuses to follow.
		const board = track(connect(run.server.wsUrl, mallory.room, { token: mallory.wsToken }));
		await board.synced;
		writeIdea(board.doc, 'crafted', areaId, 'Min idé', mallory.author, 'zz');
		await waitFor(s.f.doc, (d) => ideasMap(d).has('crafted'), { message: 'crafted idea stored' });
		expect(board.closes).toEqual([]);

		const opened = await s.post('idea-rounds', { action: 'silent', areaIds: [areaId] });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(s.f.doc, (d) => listIdeaRounds(d).some((r) => r.id === roundId));
		writeIdea(per.own.doc, 'per-idea', areaId, 'Ring tillbaka', per.author);
		const check = track(
			connect(run.server.wsUrl, `${per.room}/p/${per.membershipId}`, { token: per.wsToken })
		);
		await waitFor(check.doc, (d) => ideasMap(d).size === 1, { message: 'private idea stored' });

		// Before: 500 ("invalid order key: zz"), the round open and nobody's ideas revealed.
		const reveal = await s.post('idea-rounds', { action: 'reveal', roundId });
		expect(reveal.status).toBe(200);
		await waitFor(s.f.doc, (d) => ideasMap(d).has('per-idea'), { message: 'Per’s idea revealed' });
		expect(listIdeaRounds(s.f.doc).find((r) => r.id === roundId)?.status).toBe('revealed');
	});
});
