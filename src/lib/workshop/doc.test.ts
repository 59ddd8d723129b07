import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, listNotes, NOTE_TEXT_MAX, setNoteKind } from './doc';

const author = { id: 'm1', name: 'Anna', profession: 'sjuksköterska', organisation: 'kommun' };

function sync(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('workshop document accessors', () => {
	it('adds a note with its provenance', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: '  Tidspress  ', author, now: 5 });
		expect(listNotes(doc)).toEqual([
			{
				id,
				text: 'Tidspress',
				kind: 'note',
				eventId: null,
				questionId: null,
				authorId: 'm1',
				authorName: 'Anna',
				profession: 'sjuksköterska',
				organisation: 'kommun',
				createdAt: 5,
				updatedAt: 5
			}
		]);
	});

	it('refuses an empty note and caps long text', () => {
		const doc = new Y.Doc();
		expect(() => addNote(doc, { text: '   ', author })).toThrow();
		const id = addNote(doc, { text: 'x'.repeat(NOTE_TEXT_MAX + 50), author });
		expect(listNotes(doc).find((n) => n.id === id)?.text).toHaveLength(NOTE_TEXT_MAX);
	});

	it('edits, marks and deletes notes, and reports unknown ids', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'a', author, now: 1 });
		expect(editNote(doc, id, 'b', 2)).toBe(true);
		expect(setNoteKind(doc, id, 'bottennapp', 3)).toBe(true);
		expect(listNotes(doc)[0]).toMatchObject({ text: 'b', kind: 'bottennapp', updatedAt: 3 });
		expect(editNote(doc, 'nope', 'c')).toBe(false);
		expect(editNote(doc, id, '   ')).toBe(false);
		expect(deleteNote(doc, id)).toBe(true);
		expect(deleteNote(doc, id)).toBe(false);
		expect(listNotes(doc)).toEqual([]);
	});

	it('reads foreign or damaged notes defensively', () => {
		const doc = new Y.Doc();
		const raw = new Y.Map<unknown>();
		raw.set('text', 42);
		raw.set('kind', '<script>');
		doc.getMap('notes').set('x', raw);
		expect(listNotes(doc)[0]).toMatchObject({ id: 'x', text: '', kind: 'note', authorName: null });
	});

	it('converges when two replicas add notes concurrently', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addNote(a, { text: 'från a', author, now: 1 });
		addNote(b, { text: 'från b', author, now: 2 });
		sync(a, b);
		expect(listNotes(a).map((n) => n.text)).toEqual(['från a', 'från b']);
		expect(listNotes(b)).toEqual(listNotes(a));
	});
});
