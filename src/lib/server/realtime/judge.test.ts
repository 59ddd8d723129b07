import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, listNotes, notesMap, setNoteKind } from '$lib/workshop/doc';
import { emotionsMap, setEmotion } from '$lib/workshop/emotions';
import {
	addEvent,
	listEvents,
	nudgeEvent,
	removeEvent,
	updateEvent,
	updateQuestion
} from '$lib/workshop/journey';
import { NOTES_PER_MEMBER, RECORDS_PER_DOCUMENT } from '$lib/workshop/layout';
import { updatePersona } from '$lib/workshop/persona';
import { isBoardLocked, setBoardLocked } from '$lib/workshop/records/board-state';
import { author, board, change, member, replica, send } from './judge-fixture';

describe('what a participant may write to the board', () => {
	it('allows adding, editing, marking, moving and deleting their own notes', () => {
		const b = board();
		const anna = member(b, 'anna');
		const client = replica(b.doc);
		let id = '';
		const add = () =>
			(id = addNote(client, {
				text: 'Min lapp',
				author: author('anna'),
				eventId: b.eventId,
				questionId: b.questionId
			}));
		expect(change(b.doc, anna, client, add)).toBeNull();
		expect(change(b.doc, anna, client, () => editNote(client, id, 'Ändrad'))).toBeNull();
		expect(change(b.doc, anna, client, () => setNoteKind(client, id, 'bottennapp'))).toBeNull();
		expect(
			change(b.doc, anna, client, () => notesMap(client).get(id)!.set('questionId', null))
		).toBeNull();
		expect(change(b.doc, anna, client, () => deleteNote(client, id))).toBeNull();
		expect(notesMap(b.doc).has(id)).toBe(false);
	});

	it('allows a note without a name, and refuses someone else’s name', () => {
		const b = board();
		const anna = member(b, 'anna');
		const client = replica(b.doc);
		const add = (name: string | null) => () =>
			addNote(client, { text: 'x', author: author('anna', name) });
		expect(change(b.doc, anna, client, add(null))).toBeNull();
		expect(change(b.doc, anna, client, add('BO (facilitator)'))).toMatch(/own name/);
	});

	it('allows setting and clearing their own emotion rating, not someone else’s', () => {
		const b = board();
		const anna = member(b, 'anna');
		const client = replica(b.doc);
		expect(change(b.doc, anna, client, () => setEmotion(client, b.eventId, 'anna', -2))).toBeNull();
		expect(change(b.doc, anna, client, () => setEmotion(client, b.eventId, 'anna', 1))).toBeNull();
		expect(
			change(b.doc, anna, client, () => setEmotion(client, b.eventId, 'anna', null))
		).toBeNull();
		const other = replica(b.doc);
		expect(change(b.doc, anna, other, () => setEmotion(other, b.eventId, 'bo', 2))).toMatch(
			/not yours/
		);
		const bad = replica(b.doc);
		expect(change(b.doc, anna, bad, () => emotionsMap(bad).set(`${b.eventId}|anna`, 7))).toMatch(
			/bad value/
		);
	});

	it('refuses changing, deleting or replacing someone else’s note', () => {
		const b = board();
		const anna = member(b, 'anna');
		const c1 = replica(b.doc);
		expect(change(b.doc, anna, c1, () => editNote(c1, b.boNote, 'Kapad'))).toMatch(/not yours/);
		const c2 = replica(b.doc);
		expect(change(b.doc, anna, c2, () => deleteNote(c2, b.boNote))).toMatch(/not yours/);
		const c3 = replica(b.doc);
		expect(
			change(b.doc, anna, c3, () =>
				addNote(c3, { id: b.boNote, text: 'Min', author: author('anna') })
			)
		).toMatch(/not yours/);
	});

	it('refuses notes in another member’s id, unknown professions and rewritten provenance', () => {
		const b = board();
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		expect(change(b.doc, anna, c, () => addNote(c, { text: 'x', author: author('bo') }))).toMatch(
			/not yours/
		);
		const c2 = replica(b.doc);
		expect(
			change(b.doc, anna, c2, () =>
				addNote(c2, { text: 'x', author: { ...author('anna'), profession: 'astronaut' as never } })
			)
		).toMatch(/profession/);
		const c3 = replica(b.doc);
		let id = '';
		expect(
			change(b.doc, anna, c3, () => (id = addNote(c3, { text: 'x', author: author('anna') })))
		).toBeNull();
		expect(change(b.doc, anna, c3, () => notesMap(c3).get(id)!.set('createdAt', 1))).toMatch(
			/cannot be changed/
		);
	});

	it('refuses facilitator records: persona, events, questions, the lock, unknown maps', () => {
		const b = board();
		const anna = member(b, 'anna');
		const edits: Array<(c: Y.Doc) => unknown> = [
			(c) => updatePersona(c, { name: 'Greta' }),
			(c) => addEvent(c, { title: 'Händelse 3' }),
			(c) => nudgeEvent(c, b.eventId, 1),
			(c) => updateQuestion(c, b.questionId, 'Annat'),
			(c) => setBoardLocked(c, true),
			(c) => c.getMap('settings').set('x', 1)
		];
		for (const edit of edits) {
			const c = replica(b.doc);
			expect(change(b.doc, anna, c, () => edit(c))).toMatch(/not yours|unknown root/);
		}
	});

	it('refuses everything while the board is locked; facilitators still write', () => {
		const b = board();
		setBoardLocked(b.doc, true);
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		expect(change(b.doc, anna, c, () => addNote(c, { text: 'x', author: author('anna') }))).toBe(
			'the board is locked'
		);
		const f = replica(b.doc);
		const facilitator = member(b, 'fia', 'facilitator');
		expect(change(b.doc, facilitator, f, () => removeEvent(f, b.eventId))).toBeNull();
		expect(change(b.doc, facilitator, f, () => setBoardLocked(f, false))).toBeNull();
		expect(isBoardLocked(b.doc)).toBe(false);
	});

	it('caps notes per member (counting again after deletions) and records per board', () => {
		const b = board();
		const anna = member(b, 'anna');
		let c = replica(b.doc);
		const ids: string[] = [];
		const many = () =>
			c.transact(() => {
				for (let i = 0; i < NOTES_PER_MEMBER; i++) {
					ids.push(addNote(c, { text: `${i}`, author: author('anna') }));
				}
			});
		expect(change(b.doc, anna, c, many)).toBeNull();
		const one = () => addNote(c, { text: 'en till', author: author('anna') });
		expect(change(b.doc, anna, c, one)).toMatch(/too many per member/);
		c.destroy();
		c = replica(b.doc);
		expect(change(b.doc, anna, c, () => deleteNote(c, ids[0]!))).toBeNull();
		expect(
			change(b.doc, anna, c, () => addNote(c, { text: 'ny', author: author('anna') }))
		).toBeNull();

		const fresh = board();
		const fia = member(fresh, 'fia', 'facilitator');
		const f = replica(fresh.doc);
		const existing = 4; // two events, a question and Bo's note
		const rate = (from: number, to: number) => () =>
			f.transact(() => {
				for (let i = from; i < to; i++) setEmotion(f, 'e', `m${i}`, 1);
			});
		expect(change(fresh.doc, fia, f, rate(0, RECORDS_PER_DOCUMENT - existing))).toBeNull();
		expect(change(fresh.doc, fia, f, rate(-1, 0))).toMatch(/too many records/);
	}, 60_000);

	it('follows what the server writes itself, also inside an accepted write', () => {
		const b = board();
		const fia = member(b, 'fia', 'facilitator');
		const f = replica(b.doc);
		let update: Uint8Array | null = null;
		f.once('update', (u: Uint8Array) => (update = u));
		setEmotion(f, b.eventId, 'fia', 1);
		expect(fia(b.doc, update!)).toBeNull();
		let added = '';
		// As the room applies it: the update and an afterWrite change in one transaction.
		b.doc.transact(() => {
			Y.applyUpdate(b.doc, update!);
			added = addEvent(b.doc, { title: 'Från servern' });
		});
		Y.applyUpdate(f, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(f)));
		expect(change(b.doc, fia, f, () => updateEvent(f, added, { title: 'Ändrad' }))).toBeNull();
		// And a server edit outside any judged write.
		const note = addNote(b.doc, { text: 'Återställd', author: author('anna') });
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		expect(change(b.doc, anna, c, () => editNote(c, note, 'Min igen'))).toBeNull();
	});

	it('allows an offline edit of their note that a facilitator deleted meanwhile', () => {
		const b = board();
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		let id = '';
		expect(
			change(b.doc, anna, c, () => (id = addNote(c, { text: 'x', author: author('anna') })))
		).toBeNull();
		deleteNote(b.doc, id);
		expect(change(b.doc, anna, c, () => editNote(c, id, 'offline'))).toBeNull();
	});

	it('allows the full catch-up a reconnecting client sends, others’ deletions included', () => {
		const b = board();
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		deleteNote(b.doc, b.boNote);
		Y.applyUpdate(c, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(c)));
		addNote(c, { text: 'offline 1', author: author('anna') });
		addNote(c, { text: 'offline 2', author: author('anna') });
		expect(send(b.doc, anna, Y.encodeStateAsUpdate(c, Y.encodeStateVector(b.doc)))).toBeNull();
		// The whole document again (y-indexeddb loading after connect): nothing new, accepted.
		expect(send(b.doc, anna, Y.encodeStateAsUpdate(c))).toBeNull();
		updatePersona(c, { name: 'Greta' });
		expect(send(b.doc, anna, Y.encodeStateAsUpdate(c))).toMatch(/not yours/);
		expect(listEvents(b.doc)).toHaveLength(2);
	});

	it('lets a facilitator relay another member’s changes, and no participant', () => {
		const b = board();
		const bo = member(b, 'bo');
		const boDoc = replica(b.doc);
		expect(
			change(b.doc, bo, boDoc, () => addNote(boDoc, { text: '1', author: author('bo') }))
		).toBeNull();
		// Bo's next note never reached the server (say, lost to a backup restore) …
		const lost = Y.encodeStateVector(b.doc);
		addNote(boDoc, { text: '2', author: author('bo') });
		const missing = Y.encodeStateAsUpdate(boDoc, lost);
		// … but a browser that saw it offers it again.
		expect(send(b.doc, member(b, 'anna'), missing)).toBe('client id of someone else');
		expect(send(b.doc, member(b, 'fia', 'facilitator'), missing)).toBeNull();
		expect(listNotes(b.doc).map((n) => n.text)).toContain('2');
	});

	it('refuses garbage as malformed', () => {
		const b = board();
		expect(send(b.doc, member(b, 'anna'), new Uint8Array([1, 2, 3, 250, 250]))).toBe('malformed');
	});
});
