import { describe, expect, it } from 'vitest';
import { disagrees, median, summarise } from './scores';

describe('median and IQR (linear interpolation between closest ranks)', () => {
	it('has nothing to say about no scores', () => {
		expect(summarise([])).toEqual({
			n: 0,
			median: null,
			q1: null,
			q3: null,
			iqr: null,
			distribution: [0, 0, 0, 0, 0]
		});
		expect(median([])).toBeNull();
	});

	it('takes one score as median and both quartiles', () => {
		expect(summarise([4])).toMatchObject({ n: 1, median: 4, q1: 4, q3: 4, iqr: 0 });
	});

	it('computes an odd count by hand: 1 2 3 4 5', () => {
		// Ranks 0..4: median at 2 → 3; q1 at 1 → 2; q3 at 3 → 4.
		expect(summarise([5, 3, 1, 4, 2])).toMatchObject({ n: 5, median: 3, q1: 2, q3: 4, iqr: 2 });
	});

	it('computes an even count by hand: 1 2 3 4', () => {
		// Ranks 0..3: median at 1.5 → 2.5; q1 at 0.75 → 1.75; q3 at 2.25 → 3.25.
		expect(summarise([4, 1, 3, 2])).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25, iqr: 1.5 });
	});

	it('handles ties: 3 3 3 5', () => {
		// q3 at 2.25 → 3 + 0.25 × (5 − 3) = 3.5.
		expect(summarise([3, 5, 3, 3])).toEqual({
			n: 4,
			median: 3,
			q1: 3,
			q3: 3.5,
			iqr: 0.5,
			distribution: [0, 0, 3, 0, 1]
		});
	});

	it('splits a polarised room: 1 1 5 5', () => {
		expect(summarise([5, 1, 5, 1])).toMatchObject({ median: 3, q1: 1, q3: 5, iqr: 4 });
	});

	it('ignores anything that is not a whole step 1–5', () => {
		expect(summarise([0, 6, 2.5, Number.NaN, 2])).toMatchObject({ n: 1, median: 2 });
	});
});

describe('disagreement flag', () => {
	it('flags an IQR of exactly two steps', () => {
		expect(disagrees(summarise([1, 2, 3, 4, 5]))).toBe(true);
		expect(disagrees(summarise([1, 1, 5]))).toBe(true); // q1 1, q3 3
	});

	it('does not flag an IQR just below two', () => {
		expect(disagrees(summarise([2, 2, 3, 4]))).toBe(false); // IQR 1.25
		expect(disagrees(summarise([2, 3, 3, 4, 5]))).toBe(false); // IQR 1
	});

	it('does not flag fewer than three scores however far apart', () => {
		expect(disagrees(summarise([1, 5]))).toBe(false);
		expect(disagrees(summarise([]))).toBe(false);
	});

	it('does not flag one outlier among agreeing scores', () => {
		expect(disagrees(summarise([4, 4, 4, 4, 1]))).toBe(false);
	});
});
