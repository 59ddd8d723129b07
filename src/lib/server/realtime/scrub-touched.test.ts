import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, notesMap } from '$lib/workshop/doc';
import { author } from './judge-fixture';
import { scrubTouched } from './scrub-touched';

/** Runs `change` and then the scrub in one transaction, as the room's afterWrite does. */
function write(doc: Y.Doc, change: () => void): number {
	let scrubbed = 0;
	doc.transact((tr) => {
		change();
		scrubbed = scrubTouched(doc, tr);
	});
	return scrubbed;
}

describe('scrubTouched', () => {
	it('removes the name from a note created or re-signed in the same transaction', () => {
		const doc = new Y.Doc();
		let id = '';
		expect(write(doc, () => (id = addNote(doc, { text: 'a', author: author('anna') })))).toBe(1);
		expect(notesMap(doc).get(id)!.get('authorName')).toBeNull();
		expect(write(doc, () => notesMap(doc).get(id)!.set('authorName', 'ANNA'))).toBe(1);
		expect(notesMap(doc).get(id)!.get('authorName')).toBeNull();
	});

	it('leaves untouched records alone: a keystroke costs one note, not the whole board', () => {
		const doc = new Y.Doc();
		// Written before anonymity was on, as services/anonymity.ts would then scrub them.
		const old = Array.from({ length: 50 }, (_, i) =>
			addNote(doc, { text: `n${i}`, author: author('bo') })
		);
		let mine = '';
		write(doc, () => (mine = addNote(doc, { text: 'x', author: author('anna', null) })));
		expect(write(doc, () => editNote(doc, mine, 'y'))).toBe(0);
		expect(notesMap(doc).get(old[0]!)!.get('authorName')).toBe('BO');
	});
});
