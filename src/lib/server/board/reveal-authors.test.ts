import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, copyNote, listNotes } from '$lib/workshop/doc';
import { BYTES_PER_MEMBER } from '$lib/workshop/layout';
import { board, author, member, replica, send } from '../realtime/judge-fixture';
import { MemberBytes } from '../realtime/member-bytes';
import { recordCharges, RevealAuthors } from './reveal-authors';

const notesOf = (who: string, n: number, text = 'å'.repeat(1_500)) => {
	const scratch = new Y.Doc();
	for (let i = 0; i < n; i++) addNote(scratch, { id: `${who}-${i}`, text, author: author(who) });
	return listNotes(scratch);
};

describe('RevealAuthors', () => {
	it('writes each author’s records under a client id bound to them, charged as counted', () => {
		const b = board();
		const notes = notesOf('mal', 20);
		const charges = recordCharges('notes', (doc) => notes.forEach((n) => copyNote(doc, n)));
		b.doc.transact(() => {
			new RevealAuthors(b.doc, b.clientIds, new Set()).writing((as) => {
				as('mal');
				for (const note of notes) copyNote(b.doc, note);
			});
		});
		const mine = [...b.doc.store.clients.keys()].filter((c) => b.clientIds.owner(c) === 'mal');
		expect(mine).toHaveLength(1);
		expect(b.doc.clientID).not.toBe(mine[0]);
		// Recounted from the board as after a restart: exactly what the reveal measured.
		const recount = new MemberBytes(b.doc, (c) => b.clientIds.owner(c) ?? null);
		const measured = [...charges.values()].reduce((n, c) => n + c, 0);
		expect(recount.of('mal')).toBe(measured);
		expect(recount.of('bo')).toBe(0);
	});

	it('keeps a participant within the judge’s budget, counting what they wrote themselves', () => {
		const b = board();
		// Mallory writes about 3 MiB on the board herself, through the judge.
		const judge = member(b, 'mal');
		for (let batch = 0; batch < 10; batch++) {
			const copy = replica(b.doc);
			const before = Y.encodeStateVector(copy);
			copy.transact(() => {
				for (let i = 0; i < 100; i++) {
					addNote(copy, { text: `${batch}.${i} `.padEnd(1_000, 'ö'), author: author('mal') });
				}
			});
			expect(send(b.doc, judge, Y.encodeStateAsUpdate(copy, before))).toBeNull();
		}
		const authors = new RevealAuthors(b.doc, b.clientIds, new Set(['fia']));
		const own = new MemberBytes(b.doc, (c) => b.clientIds.owner(c) ?? null).of('mal');
		expect(own).toBeGreaterThan(2_000_000);
		const left = BYTES_PER_MEMBER - own;
		expect(authors.fits('mal', left - 10)).toBe(true);
		expect(authors.fits('mal', 11)).toBe(false);
		expect(authors.fits('mal', 10)).toBe(true);
		// A facilitator has no byte budget, in the judge or here.
		expect(authors.fits('fia', 2 * BYTES_PER_MEMBER)).toBe(true);
	});
});
