import { describe, expect, it } from 'vitest';
import { allInOneGroup, sharedWordGroups } from './baselines';

const items = [
	{ id: 'a', text: 'Rollatorn kom inte' },
	{ id: 'b', text: 'rollatorn saknades' },
	{ id: 'c', text: 'Rollatorer saknas' },
	{ id: 'd', text: 'Ingen ringer tillbaka' }
];

describe('baselines', () => {
	it('(a) puts everything in one group', () => {
		expect(allInOneGroup(items)).toEqual([{ ids: ['a', 'b', 'c', 'd'] }]);
		expect(allInOneGroup([])).toEqual([]);
	});

	it('(b) groups by exact shared words only: no stemming, no lexicon', () => {
		const groups = sharedWordGroups(items, 0.2).map((g) => g.ids);
		expect(groups).toContainEqual(['a', 'b']);
		expect(groups).toContainEqual(['c']);
		expect(groups).toContainEqual(['d']);
	});
});
