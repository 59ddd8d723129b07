import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, listNotes, notesMap } from '../../src/lib/workshop/doc.ts';
import { addEvent, addQuestion } from '../../src/lib/workshop/journey.ts';
import { isBoardClosed } from '../../src/lib/workshop/records/board-state.ts';
import { listNoteRounds, type NoteRound } from '../../src/lib/workshop/records/note-round.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages, refusedStatus, syncStep1Message } from '../helpers/ws.ts';
import { connect, nextClose, waitFor } from '../helpers/yclient.ts';

const run = serverPerFile();
const { track, sockets } = run;

/** A workshop with one journey cell, the facilitator on the board and two participants. */
async function setup(anonymous = false) {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	if (anonymous) {
		const settings = `/api/workshops/${workshop.id}/settings`;
		expect((await api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
	}
	const room = `w/${workshop.id}`;
	const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
	await f.synced;
	const eventId = addEvent(f.doc, { title: 'Ringer 1177' });
	const questionId = addQuestion(f.doc, { text: 'Vad skaver?' });
	const people = await Promise.all(
		(['Pia', 'Per'] as const).map(async (name) => {
			const p = await participant(run.server.url, links.participant.code, name, {
				profession: 'sjukskoterska',
				organisation: 'kommun'
			});
			const board = track(connect(run.server.wsUrl, p.room, { token: p.wsToken }));
			const ownRoom = `${p.room}/p/${p.membershipId}`;
			const own = track(connect(run.server.wsUrl, ownRoom, { token: p.wsToken }));
			await Promise.all([board.synced, own.synced]);
			return { ...p, name, board, own, ownRoom };
		})
	);
	const action = (body: unknown, as = api) =>
		as.request<{ roundId: string; revealed?: number; error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/note-rounds`,
			body
		);
	return { workshop, api, room, f, eventId, questionId, pia: people[0]!, per: people[1]!, action };
}

const roundIn = (doc: Y.Doc, id: string): NoteRound | undefined =>
	listNoteRounds(doc).find((r) => r.id === id);

describe('silent writing on the journey', () => {
	it('keeps notes in their authors’ private documents until reveal, then puts them on the board with provenance, once', async () => {
		const { workshop, api, room, f, eventId, questionId, pia, per, action } = await setup();
		// Pia's own wire to the board, recorded from the first byte, as her browser receives it.
		const wire = await openAccepted(run.server.wsUrl, room, { token: pia.wsToken });
		sockets.push(wire);
		wire.send(syncStep1Message());

		const opened = await action({ action: 'open' });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(per.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		expect((await action({ action: 'open' })).status).toBe(409);

		const place = { eventId, questionId };
		const perNote = addNote(per.own.doc, {
			text: 'Hemlig lapp: väntar en timme i telefon',
			kind: 'bottennapp',
			...place,
			now: Date.now() - 60_000,
			author: {
				id: per.membershipId,
				name: 'Per',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		const piaNote = addNote(pia.own.doc, {
			text: 'Pias tysta lapp',
			...place,
			author: {
				id: pia.membershipId,
				name: 'Pia',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		const piaSecond = addNote(pia.own.doc, {
			text: 'Pias andra lapp',
			author: {
				id: pia.membershipId,
				name: 'Pia',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		// Editing her own private note works while the round is open.
		expect(editNote(pia.own.doc, piaSecond, 'Pias andra lapp, ändrad')).toBe(true);

		// The facilitator sees the count, never the texts.
		await waitFor(
			f.doc,
			(d) => roundIn(d, roundId)?.notes === 3 && roundIn(d, roundId)?.writers === 2,
			{
				message: '3 notes from 2 people'
			}
		);
		const check = track(connect(run.server.wsUrl, pia.ownRoom, { token: pia.wsToken }));
		await waitFor(
			check.doc,
			(d) => notesMap(d).get(piaSecond)?.get('text') === 'Pias andra lapp, ändrad'
		);

		// Nothing of them reached any board, nor Pia's wire; Per cannot open Pia's private document.
		for (const doc of [f.doc, pia.board.doc, per.board.doc]) expect(listNotes(doc)).toEqual([]);
		expect(Buffer.concat(receivedMessages(wire)).includes(Buffer.from('Hemlig'))).toBe(false);
		expect(await refusedStatus(run.server.wsUrl, pia.ownRoom, { token: per.wsToken })).toBe(403);
		// The board refuses a participant's new note while the round is open.
		const refused = nextClose(per.board.provider);
		addNote(per.board.doc, {
			text: 'Förbi rundan',
			author: {
				id: per.membershipId,
				name: 'Per',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		expect(await refused).toBe(4403);
		// Only a facilitator reveals.
		expect((await action({ action: 'reveal', roundId }, pia.api)).status).toBe(403);
		expect((await action({ action: 'reveal' })).status).toBe(400);

		const revealed = await action({ action: 'reveal', roundId });
		expect(revealed.status).toBe(200);
		expect(revealed.body.revealed).toBe(3);
		const all = (d: Y.Doc) => listNotes(d).length === 3;
		await Promise.all([f.doc, pia.board.doc].map((d) => waitFor(d, all)));
		const perOnBoard = listNotes(f.doc).find((n) => n.id === perNote);
		expect(perOnBoard).toMatchObject({
			text: 'Hemlig lapp: väntar en timme i telefon',
			kind: 'bottennapp',
			eventId,
			questionId,
			authorId: per.membershipId,
			authorName: 'Per',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		expect(perOnBoard!.createdAt).toBeLessThan(Date.now() - 50_000);
		expect(listNotes(f.doc).find((n) => n.id === piaSecond)?.text).toBe('Pias andra lapp, ändrad');
		expect(roundIn(f.doc, roundId)).toMatchObject({ status: 'revealed' });
		// They left the private documents, and nothing more is taken there.
		await waitFor(pia.own.doc, (d) => notesMap(d).size === 0);
		await waitFor(per.own.doc, (d) => notesMap(d).size === 0);
		const late = nextClose(pia.own.provider);
		addNote(pia.own.doc, {
			text: 'För sent',
			author: {
				id: pia.membershipId,
				name: 'Pia',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		expect(await late).toBe(4403);

		// A second reveal copies nothing twice.
		expect((await action({ action: 'reveal', roundId })).status).toBe(409);
		expect(
			listNotes(f.doc)
				.map((n) => n.id)
				.sort()
		).toEqual([perNote, piaNote, piaSecond].sort());

		// The workshop file holds them with their provenance.
		const exported = await api.exportJson(workshop.id);
		expect(exported.notes.map((n) => n.text).sort()).toEqual(
			[
				'Hemlig lapp: väntar en timme i telefon',
				'Pias andra lapp, ändrad',
				'Pias tysta lapp'
			].sort()
		);
		expect(exported.notes.find((n) => n.id === perNote)).toMatchObject({
			authorName: 'Per',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		// After the round participants write on the board again.
		addNote(pia.board.doc, {
			text: 'Efteråt',
			author: {
				id: pia.membershipId,
				name: 'Pia',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		await waitFor(f.doc, (d) => listNotes(d).some((n) => n.text === 'Efteråt'));
	});

	it('refuses a participant’s private notes once the workshop is closed with the round still open', async () => {
		const { workshop, api, f, per, action } = await setup();
		const { roundId } = (await action({ action: 'open' })).body;
		await waitFor(per.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		const author = {
			id: per.membershipId,
			name: 'Per',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		} as const;
		const before = addNote(per.own.doc, { text: 'Skriven före stängningen', author });
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.notes === 1);
		const closing = { change: 'close' };
		const closed = await api.request('POST', `/api/workshops/${workshop.id}/lifecycle`, closing);
		expect(closed.status).toBe(200);
		await waitFor(per.board.doc, (d) => isBoardClosed(d));
		// The attack: his private document is still open on the wire, the round too.
		const refused = nextClose(per.own.provider);
		addNote(per.own.doc, { text: 'Skriven efter stängningen', author });
		expect(await refused).toBe(4403);
		// The facilitator's reveal carries only what was written while the workshop was open.
		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(f.doc, (d) => notesMap(d).has(before));
		expect(listNotes(f.doc).map((n) => n.text)).toEqual(['Skriven före stängningen']);
	});

	it('reveals an anonymous workshop’s notes under the author’s pseudonym and no name', async () => {
		const { f, per, action } = await setup(true);
		const { roundId } = (await action({ action: 'open' })).body;
		await waitFor(per.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		// Written with his membership id, as a browser that has not yet seen the switch would.
		const id = addNote(per.own.doc, {
			text: 'Anonym och tyst',
			author: {
				id: per.membershipId,
				name: null,
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		});
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.notes === 1);
		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(f.doc, (d) => notesMap(d).has(id));
		const note = listNotes(f.doc).find((n) => n.id === id)!;
		expect(note.authorName).toBeNull();
		expect(note.authorId).toMatch(/^a-[A-Za-z0-9_-]{22}$/);
		expect(note.authorId).not.toBe(per.membershipId);
	});
});
