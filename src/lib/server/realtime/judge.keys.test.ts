import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, notesMap } from '$lib/workshop/doc';
import { KEYS_PER_DOCUMENT, PARTICIPANT_SHARE } from '$lib/workshop/layout';
import { author, board, change, member, replica } from './judge-fixture';

/**
 * The keys cap counts every key of the record maps, removed ones included (Yjs keeps them).
 */
describe('keys of the record maps', () => {
	it('refuses a participant’s new key past their share, removed keys counted', () => {
		const b = board();
		const cap = KEYS_PER_DOCUMENT * PARTICIPANT_SHARE;
		const keys = () => notesMap(b.doc)._map.size;
		// Written and removed by the server (nobody's tombstones): only the keys stay.
		b.doc.transact(() => {
			const notes = notesMap(b.doc);
			for (let i = keys(); i < cap; i++) notes.set(`gone-${i}`, new Y.Map());
			for (let i = 0; i < cap; i++) notes.delete(`gone-${i}`);
		});
		expect(keys()).toBe(cap);
		const anna = member(b, 'anna');
		const annaDoc = replica(b.doc);
		const refused = change(b.doc, anna, annaDoc, () =>
			addNote(annaDoc, { text: 'En till', author: author('anna') })
		);
		expect(refused).toBe('too many keys in this board');
		expect(keys()).toBe(cap);
		// A facilitator still writes (their ceiling is the whole cap).
		const f = member(b, 'f', 'facilitator');
		const fDoc = replica(b.doc);
		expect(change(b.doc, f, fDoc, () => addNote(fDoc, { text: 'F', author: author('f') }))).toBe(
			null
		);
	});
});
