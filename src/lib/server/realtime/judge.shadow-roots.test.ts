import { describe, expect, it } from 'vitest';
import { addNote, listNotes } from '$lib/workshop/doc';
import { judgeShadow } from './judge';
import { encodeUpdate } from './judge-bytes';
import { author, board, change, member, replica, send } from './judge-fixture';

/**
 * A refused update under a root name of its own: Yjs makes the root type as it reads the
 * update, before the judge refuses it. Taking the update out must take that root out of the
 * judge's replica too, or each refused write leaves its name (up to a whole message, 16 MiB)
 * in the server's memory for as long as the room is loaded.
 */
describe('a refused update under a root of its own', () => {
	it('leaves no root behind in the judge’s replica, and the rules judge on as before', () => {
		const b = board();
		const anna = member(b, 'anna');
		// Loads the replica.
		const honest = replica(b.doc);
		expect(
			change(b.doc, anna, honest, () => addNote(honest, { text: 'hej', author: author('anna') }))
		).toBeNull();
		const roots = new Set(judgeShadow(b.doc)!.doc.share.keys());

		for (let i = 0; i < 5; i++) {
			const name = `${i}`.padEnd(100_000, 'x');
			const update = encodeUpdate([
				{
					client: 700 + i,
					clock: 0,
					structs: [{ parent: name, parentSub: 'k', content: { any: [1] } }]
				}
			]);
			expect(send(b.doc, anna, update)).not.toBeNull();
		}
		// Cut short inside its second struct: malformed, after Yjs made the root of the first.
		const cut = encodeUpdate([
			{
				client: 720,
				clock: 0,
				structs: [
					{ parent: 'y'.repeat(100_000), parentSub: 'k', content: { any: [1] } },
					{ parent: 'z', parentSub: 'k', content: { any: ['w'.repeat(1_000)] } }
				]
			}
		]);
		expect(send(b.doc, anna, cut.slice(0, cut.length - 500))).toBe('malformed');
		expect(new Set(judgeShadow(b.doc)!.doc.share.keys())).toEqual(roots);

		// Divergence check: an allowed write is accepted, a forbidden one (Bo's note as Anna) not.
		expect(
			change(b.doc, anna, honest, () => addNote(honest, { text: 'igen', author: author('anna') }))
		).toBeNull();
		expect(
			change(b.doc, anna, honest, () => addNote(honest, { text: 'som Bo', author: author('bo') }))
		).not.toBeNull();
		expect(
			listNotes(b.doc)
				.map((n) => n.text)
				.sort()
		).toEqual(['Bos lapp', 'hej', 'igen']);
	});
});
