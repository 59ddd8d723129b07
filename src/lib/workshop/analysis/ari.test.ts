import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, labelsOf } from './ari';

const partition = (labels: (string | number)[]) =>
	new Map(labels.map((label, i) => [`n${i}`, String(label)]));

describe('adjustedRandIndex', () => {
	it('is 1 for the same grouping under other labels', () => {
		expect(
			adjustedRandIndex(partition([0, 0, 1, 1, 2]), partition(['x', 'x', 'y', 'y', 'z']))
		).toBe(1);
	});

	it('matches hand-computed cases', () => {
		// Pairs together in both: 1; expected 2·1/6; max (2+1)/2 → (1 − 1/3) / (3/2 − 1/3) = 4/7.
		expect(adjustedRandIndex(partition([0, 0, 1, 1]), partition([0, 0, 1, 2]))).toBeCloseTo(
			4 / 7,
			10
		);
		// Index 0; expected 2·2/6; max 2 → (0 − 2/3) / (2 − 2/3) = −1/2.
		expect(adjustedRandIndex(partition([0, 0, 1, 1]), partition([0, 1, 0, 1]))).toBeCloseTo(
			-0.5,
			10
		);
		// Index 2; expected 6·3/15; max 4.5 → 0.8 / 3.3.
		expect(
			adjustedRandIndex(partition([0, 0, 0, 1, 1, 1]), partition([0, 0, 1, 1, 2, 2]))
		).toBeCloseTo(0.8 / 3.3, 10);
	});

	it('is 0 for everything in one group and handles the degenerate cases', () => {
		expect(adjustedRandIndex(partition([0, 0, 1, 1, 2]), partition([0, 0, 0, 0, 0]))).toBe(0);
		expect(adjustedRandIndex(partition([0, 1, 2]), partition([5, 6, 7]))).toBe(1);
		expect(adjustedRandIndex(partition([0, 0]), partition([0, 0]))).toBe(1);
		expect(adjustedRandIndex(partition([]), partition([]))).toBe(1);
	});

	it('reads groups as labels', () => {
		expect(labelsOf([{ ids: ['a', 'b'] }, { ids: ['c'] }])).toEqual(
			new Map([
				['a', '0'],
				['b', '0'],
				['c', '1']
			])
		);
	});
});
