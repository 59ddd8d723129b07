// Attacker finding 2 (wip-bench): the server derives an insight from every bottennapp after the
// judge accepted the note; the caps must count it with the update, or a participant's notes
// take the board past its record cap through the server's own writes.
import { describe, expect, it } from 'vitest';
import { addNote, editNote, setNoteKind } from '$lib/workshop/doc';
import { emotionsMap } from '$lib/workshop/emotions';
import { PARTICIPANT_SHARE, RECORDS_PER_DOCUMENT } from '$lib/workshop/layout';
import { author, board, change, member, replica } from './judge-fixture';

/** A board with `free` records left of the participants' share. */
function nearlyFull(free: number) {
	const b = board();
	const share = Math.floor(RECORDS_PER_DOCUMENT * PARTICIPANT_SHARE);
	// The fixture holds two events, a question and a note; ratings of earlier members fill the rest.
	b.doc.transact(() => {
		for (let i = 4; i < share - free; i++) emotionsMap(b.doc).set(`${b.eventId}|m${i}`, 0);
	});
	return b;
}

describe('records a created record derives', () => {
	it('count against the cap: a bottennapp needs room for its insight', () => {
		const b = nearlyFull(1);
		const anna = member(b, 'anna');
		const doc = replica(b.doc);
		const lowPoint = () =>
			addNote(doc, { text: 'Svårt', kind: 'bottennapp', author: author('anna') });
		expect(change(b.doc, anna, doc, lowPoint)).toBe('too many records in this board');
		// A plain note fits in the one place left.
		const fresh = replica(b.doc);
		const plain = () => addNote(fresh, { text: 'Bra', author: author('anna') });
		expect(change(b.doc, anna, fresh, plain)).toBeNull();
	});

	it('count when a change makes a record derive one: a note turned bottennapp', () => {
		const b = nearlyFull(1);
		const anna = member(b, 'anna');
		const doc = replica(b.doc);
		let id = '';
		expect(
			change(b.doc, anna, doc, () => (id = addNote(doc, { text: 'Bra', author: author('anna') })))
		).toBeNull();
		expect(change(b.doc, anna, doc, () => setNoteKind(doc, id, 'bottennapp'))).toBe(
			'too many records in this board'
		);
		// Editing the text derives nothing new and is never refused for the cap.
		const fresh = replica(b.doc);
		expect(change(b.doc, anna, fresh, () => editNote(fresh, id, 'Bättre'))).toBeNull();
	});

	it('leave the facilitators their room', () => {
		const b = nearlyFull(0);
		const fac = member(b, 'fac', 'facilitator');
		const doc = replica(b.doc);
		const lowPoint = () =>
			addNote(doc, { text: 'Svårt', kind: 'bottennapp', author: author('fac') });
		expect(change(b.doc, fac, doc, lowPoint)).toBeNull();
	});
});
