import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, notesMap, setNoteKind } from './doc';
import { cellKey, countKindsByEvent, groupByCell, NoteIndex, quotesByQuestion } from './note-index';

const author = { id: 'm1', name: null, profession: 'lakare', organisation: 'region' };

describe('NoteIndex', () => {
	it('follows adds, edits and deletes, re-reading only what changed', () => {
		const doc = new Y.Doc();
		const keep = addNote(doc, { text: 'kvar', author });
		const index = new NoteIndex(doc);
		const before = index.notes.get(keep);
		const batches: Set<string>[] = [];
		notesMap(doc).observeDeep((events) => batches.push(index.apply(events)));

		const added = addNote(doc, { text: 'ny', author });
		editNote(doc, added, 'ändrad');
		setNoteKind(doc, added, 'citat');
		deleteNote(doc, keep);

		expect(batches.map((b) => [...b])).toEqual([[added], [added], [added], [keep]]);
		expect([...index.notes.values()].map((n) => [n.text, n.kind])).toEqual([['ändrad', 'citat']]);
		expect(before?.text).toBe('kvar');
	});

	it('keeps the identity of notes another change did not touch', () => {
		const doc = new Y.Doc();
		const a = addNote(doc, { text: 'a', author });
		const index = new NoteIndex(doc);
		notesMap(doc).observeDeep((events) => index.apply(events));
		const objectA = index.notes.get(a);
		addNote(doc, { text: 'b', author });
		expect(index.notes.get(a)).toBe(objectA);
	});
});

describe('grid aggregation', () => {
	const doc = new Y.Doc();
	addNote(doc, { text: '1', eventId: 'e1', questionId: 'q1', author, now: 2, kind: 'bottennapp' });
	addNote(doc, { text: '2', eventId: 'e1', questionId: 'q1', author, now: 1, kind: 'citat' });
	addNote(doc, { text: '3', eventId: 'e2', questionId: 'q2', author, now: 3, kind: 'hojdpunkt' });
	addNote(doc, { text: '4', eventId: 'e2', questionId: 'q2', author, now: 4, kind: 'bottennapp' });
	addNote(doc, {
		text: '5',
		eventId: 'gone',
		questionId: 'q1',
		author,
		now: 5,
		kind: 'bottennapp'
	});
	const notes = [...new NoteIndex(doc).notes.values()];

	it('groups notes by cell, oldest first', () => {
		const cells = groupByCell(notes);
		expect(cells.get(cellKey('e1', 'q1'))!.map((n) => n.text)).toEqual(['2', '1']);
		expect(cells.get(cellKey('e2', 'q2'))!.map((n) => n.text)).toEqual(['3', '4']);
	});

	it('counts bottennappar and höjdpunkter per known event', () => {
		const counts = countKindsByEvent(notes, ['e1', 'e2']);
		expect(counts.get('e1')).toEqual({ bottennapp: 1, hojdpunkt: 0 });
		expect(counts.get('e2')).toEqual({ bottennapp: 1, hojdpunkt: 1 });
	});

	it('collects quotes per question in question order', () => {
		expect(quotesByQuestion(notes, ['q2', 'q1'])).toEqual([
			{ questionId: 'q1', notes: [expect.objectContaining({ text: '2' })] }
		]);
	});
});
