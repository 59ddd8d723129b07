import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../records/round';
import { hasScored, roundResults, type Ballot } from './round-results';

const ballot = (
	scores: Record<string, [number?, number?]>,
	dots: Record<string, number> = {}
): Ballot => ({
	scores: new Map(Object.entries(scores).map(([id, [worth, cost]]) => [id, { worth, cost }])),
	dots
});

describe('round results', () => {
	const round = { type: 'scoring' as const, areaIds: ['a', 'b'], dotLimits: null };

	it('counts a member as done only with both axes of every area', () => {
		expect(hasScored(round, ballot({ a: [4, 2], b: [3, 3] }))).toBe(true);
		expect(hasScored(round, ballot({ a: [4, 2], b: [3] }))).toBe(false);
		expect(hasScored(round, ballot({}))).toBe(false);
		expect(hasScored({ type: 'dots', areaIds: ['a'] }, ballot({}, { a: 1 }))).toBe(true);
	});

	it('computes per-area results that hold no ballot, and flags disagreement', () => {
		const results = roundResults(round, [
			ballot({ a: [5, 1], b: [1, 5] }),
			ballot({ a: [4, 2], b: [5, 1] }),
			ballot({ a: [5, 1], b: [3] })
		]);
		expect(resultsSchema.safeParse(results).success).toBe(true);
		expect(results.scores!.a).toMatchObject({
			worth: { n: 3, median: 5, distribution: [0, 0, 0, 1, 2] },
			cost: { n: 3, median: 1 },
			flagged: false
		});
		expect(results.scores!.b).toMatchObject({
			worth: { n: 3, median: 3, iqr: 2 },
			cost: { n: 2 },
			flagged: true
		});
	});

	it('tallies dots within the limits', () => {
		const results = roundResults(
			{ type: 'dots', areaIds: ['a', 'b'], dotLimits: { perPerson: 2, perArea: 1 } },
			[ballot({}, { a: 1, b: 1 }), ballot({}, { a: 2 })]
		);
		expect(results.dots).toEqual([
			{ areaId: 'a', dots: 1, voters: 1, rank: 1 },
			{ areaId: 'b', dots: 1, voters: 1, rank: 1 }
		]);
	});
});
