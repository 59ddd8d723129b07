import { describe, expect, it } from 'vitest';
import { nearestInsights } from './nearest';

const items = [
	{ id: 'a', text: 'Ingen ringer tillbaka från vårdcentralen' },
	{ id: 'b', text: 'Telefontiden är för kort' },
	{ id: 'c', text: 'Rollatorn kom inte hem' },
	{ id: 'd', text: 'Svårt att nå mottagningen per telefon' },
	{ id: 'e', text: 'Brytpunktssamtal hålls inte i tid' }
];

describe('nearestInsights', () => {
	it('returns the most similar insights first, without the insight itself', () => {
		const near = nearestInsights(items, 'b', 2);
		expect(near.map((n) => n.id).sort()).toEqual(['a', 'd']);
		expect(near[0]!.similarity).toBeGreaterThanOrEqual(near[1]!.similarity);
		expect(near.every((n) => n.similarity > 0 && n.similarity <= 1)).toBe(true);
	});

	it('leaves out insights that share nothing and handles unknown ids', () => {
		expect(nearestInsights(items, 'c', 10).map((n) => n.id)).not.toContain('b');
		expect(nearestInsights(items, 'zz', 3)).toEqual([]);
		expect(nearestInsights(items, 'a', 0)).toEqual([]);
	});

	it('uses the facilitator’s synonyms', () => {
		const two = [
			{ id: 'x', text: 'HSL kommer sent' },
			{ id: 'y', text: 'Distriktsbesöken uteblir' }
		];
		expect(nearestInsights(two, 'x', 1)).toEqual([]);
		expect(nearestInsights(two, 'x', 1, { synonyms: [['hsl', 'distriktsbesök']] })).toHaveLength(1);
	});
});
