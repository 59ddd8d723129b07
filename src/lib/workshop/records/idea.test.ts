import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIdea, appendIdeas, ideasMap, listIdeas } from './idea';

const author = { id: 'm1', name: 'Pia', profession: 'lakare', organisation: 'region' } as const;
const input = (id: string, areaId: string, now = 1) => ({ id, text: id, areaId, author, now });

describe('appendIdeas', () => {
	it('puts a batch after each area’s ideas, in the order given, with the times given', () => {
		const doc = new Y.Doc();
		addIdea(doc, { text: 'first', areaId: 'a', author, id: 'x' });
		appendIdeas(doc, [
			input('a1', 'a', 5),
			input('b1', 'b'),
			input('a2', 'a', 7),
			input('b2', 'b')
		]);
		expect(listIdeas(doc, 'a').map((i) => i.id)).toEqual(['x', 'a1', 'a2']);
		expect(listIdeas(doc, 'b').map((i) => i.id)).toEqual(['b1', 'b2']);
		expect(
			listIdeas(doc, 'a')
				.map((i) => i.createdAt)
				.slice(1)
		).toEqual([5, 7]);
		// One idea added the usual way afterwards still goes last.
		addIdea(doc, { text: 'later', areaId: 'a', author, id: 'y' });
		expect(listIdeas(doc, 'a').at(-1)!.id).toBe('y');
	});

	it('adds after an order key fractional-indexing refuses, which the judge lets a participant write', () => {
		for (const crafted of ['zz', 'a', 'a00']) {
			const doc = new Y.Doc();
			addIdea(doc, { text: 'first', areaId: 'a', author, id: 'x' });
			// Only its characters are checked (orderSchema): 'zz' sorts after every usable key.
			ideasMap(doc).get('x')!.set('order', crafted);
			// Before: "invalid order key", thrown for every reveal into the area and every new idea.
			appendIdeas(doc, [input('a1', 'a'), input('a2', 'a')]);
			addIdea(doc, { text: 'later', areaId: 'a', author, id: 'y' });
			const ids = listIdeas(doc, 'a').map((i) => i.id);
			expect(
				ids.filter((id) => id !== 'x'),
				crafted
			).toEqual(['a1', 'a2', 'y']);
		}
	});
});
