import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote } from '$lib/workshop/doc';
import { encodeUpdate } from './judge-bytes';
import { author, board, change, member, replica, send } from './judge-fixture';

describe('tombstones count against their writer', () => {
	it('refuses a participant who overwrites their note 60,000 times in one update', () => {
		// Alternating two fields keeps Yjs from merging the removed values: each stays a
		// tombstone of about 9 bytes for good, though no live record changed shape.
		const b = board();
		const anna = member(b, 'anna');
		const c = replica(b.doc);
		let id = '';
		expect(
			change(b.doc, anna, c, () => (id = addNote(c, { text: 'A', author: author('anna') })))
		).toBeNull();
		const note = c.getMap<Y.Map<unknown>>('notes').get(id)!;
		const flood = () =>
			c.transact(() => {
				for (let i = 0; i < 30_000; i++) {
					note.set('text', `A${i}`);
					note.set('updatedAt', i);
				}
			});
		expect(change(b.doc, anna, c, flood)).toBe('too many tombstones of this member');
		// Editing as people do stays far below.
		const d = replica(b.doc);
		const edits = () => {
			const mine = d.getMap<Y.Map<unknown>>('notes').get(id)!;
			for (let i = 0; i < 500; i++) d.transact(() => mine.set('text', `Anna ${i}`));
		};
		expect(change(b.doc, anna, d, edits)).toBeNull();
	});

	it('refuses a field created and removed in one update that no declaration knows', () => {
		const b = board();
		const bo = member(b, 'bo');
		const item = b.doc.getMap<Y.Map<unknown>>('notes').get(b.boNote)!._item!.id;
		const update = encodeUpdate([
			{
				client: 424_242,
				clock: 0,
				structs: [
					{ parent: [item.client, item.clock], parentSub: 'x'.repeat(64), content: { deleted: 1 } }
				]
			}
		]);
		expect(send(b.doc, bo, update)).toBe('note: unknown field');
	});

	it('charges a removed note to its author, not to the facilitator who removed it', () => {
		const b = board();
		const anna = member(b, 'anna');
		const fia = member(b, 'fia', 'facilitator');
		const a = replica(b.doc);
		const ids: string[] = [];
		const write = () =>
			a.transact(() => {
				for (let i = 0; i < 5_000; i++) {
					ids.push(addNote(a, { text: `${i}`, author: author('anna') }));
				}
			});
		expect(change(b.doc, anna, a, write)).toBeNull();
		const f = replica(b.doc);
		expect(
			change(b.doc, fia, f, () => f.transact(() => ids.forEach((x) => deleteNote(f, x))))
		).toBeNull();
		// 5,000 removed records are Anna's now; she may still remove and rewrite thousands more.
		const again = replica(b.doc);
		const more: string[] = [];
		const rewrite = () =>
			again.transact(() => {
				for (let i = 0; i < 4_000; i++) {
					more.push(addNote(again, { text: `ny ${i}`, author: author('anna') }));
				}
			});
		expect(change(b.doc, anna, again, rewrite)).toBeNull();
		expect(
			change(b.doc, anna, again, () =>
				again.transact(() => more.forEach((x) => deleteNote(again, x)))
			)
		).toBeNull();
		// Past 10,000 removed records she may remove no more.
		const last = replica(b.doc);
		const extra: string[] = [];
		const twice = () =>
			last.transact(() => {
				for (let i = 0; i < 1_001; i++) {
					extra.push(addNote(last, { text: `${i}`, author: author('anna') }));
				}
			});
		expect(change(b.doc, anna, last, twice)).toBeNull();
		expect(
			change(b.doc, anna, last, () =>
				last.transact(() => extra.forEach((x) => deleteNote(last, x)))
			)
		).toBe('too many removed records of this member');
	}, 60_000);
});
