import { describe, expect, it } from 'vitest';
import { defaultDotLimits, defaultDots, dotProblem, dotsLeft, tallyDots } from './dots';

describe('dot-vote limits', () => {
	it('defaults to about a third of the areas, at least one', () => {
		expect(defaultDots(20)).toBe(7);
		expect(defaultDots(18)).toBe(6);
		expect(defaultDots(5)).toBe(2);
		expect(defaultDots(1)).toBe(1);
		expect(defaultDots(0)).toBe(1);
		expect(defaultDotLimits(20)).toEqual({ perPerson: 7, perArea: 3 });
		expect(defaultDotLimits(3)).toEqual({ perPerson: 1, perArea: 1 });
	});

	const areas = ['a', 'b', 'c'];
	const limits = { perPerson: 4, perArea: 2 };

	it('accepts an allocation within both limits', () => {
		expect(dotProblem({ a: 2, b: 2 }, areas, limits)).toBeNull();
		expect(dotProblem({}, areas, limits)).toBeNull();
	});

	it('refuses too many dots in all, on one area, or outside the round', () => {
		expect(dotProblem({ a: 2, b: 2, c: 1 }, areas, limits)).toMatch(/at most 4/);
		expect(dotProblem({ a: 3 }, areas, limits)).toMatch(/at most 2 dots on one/);
		expect(dotProblem({ x: 1 }, areas, limits)).toMatch(/not in this round/);
		expect(dotProblem({ a: -1 }, areas, limits)).toMatch(/whole number/);
		expect(dotProblem({ a: 0.5 }, areas, limits)).toMatch(/whole number/);
	});

	it('says how many dots are left for an area', () => {
		expect(dotsLeft({}, 'a', limits)).toBe(2);
		expect(dotsLeft({ a: 1 }, 'a', limits)).toBe(1);
		expect(dotsLeft({ a: 2, b: 1 }, 'c', limits)).toBe(1);
		expect(dotsLeft({ a: 2, b: 2 }, 'c', limits)).toBe(0);
	});

	it('ranks by dots, ties share a rank, invalid allocations do not count', () => {
		const tally = tallyDots([{ a: 2, b: 1 }, { b: 2, c: 1 }, { c: 2 }, { a: 3 }], areas, limits);
		expect(tally).toEqual([
			{ areaId: 'b', dots: 3, voters: 2, rank: 1 },
			{ areaId: 'c', dots: 3, voters: 2, rank: 1 },
			{ areaId: 'a', dots: 2, voters: 1, rank: 3 }
		]);
	});
});
