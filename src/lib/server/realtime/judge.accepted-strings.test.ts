import { describe, expect, it } from 'vitest';
import { addNote, notesMap } from '$lib/workshop/doc';
import { author, board, change, member, replica } from './judge-fixture';

/** The judge remembers short strings a schema accepted (judge-records.ts): per schema only. */
describe('strings a field schema accepted', () => {
	it('are accepted again by that schema, and by no other', () => {
		const b = board();
		const anna = member(b, 'anna');
		const annaDoc = replica(b.doc);
		let note = '';
		const write = () =>
			(note = addNote(annaDoc, { text: 'A', author: author('anna'), eventId: b.eventId }));
		expect(change(b.doc, anna, annaDoc, write)).toBeNull();
		// The same event id again, in a second note: accepted.
		expect(change(b.doc, anna, annaDoc, write)).toBeNull();
		// The event id (accepted as an id) as the kind (an enum) or as a time: refused.
		const kind = change(b.doc, anna, annaDoc, () =>
			notesMap(annaDoc).get(note)!.set('kind', b.eventId)
		);
		expect(kind).toMatch(/bad value for kind/);
		const other = replica(b.doc);
		const time = change(b.doc, anna, other, () =>
			notesMap(other).get(note)!.set('updatedAt', b.eventId)
		);
		expect(time).toMatch(/bad value for updatedAt/);
	});

	it('never let a string in that its schema refuses, however often a valid one came', () => {
		const b = board();
		const anna = member(b, 'anna');
		for (let i = 0; i < 300; i++) {
			const doc = replica(b.doc);
			expect(
				change(b.doc, anna, doc, () => addNote(doc, { text: `n${i}`, author: author('anna') }))
			).toBeNull();
		}
		const doc = replica(b.doc);
		const refused = change(b.doc, anna, doc, () =>
			addNote(doc, { text: 'x', author: { ...author('anna'), profession: 'x'.repeat(500) } })
		);
		expect(refused).toMatch(/bad value for profession/);
	});
});
