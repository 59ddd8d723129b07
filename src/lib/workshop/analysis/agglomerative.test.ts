import { describe, expect, it } from 'vitest';
import { averageLinkage } from './agglomerative';

function matrixOf(rows: number[][]): Float32Array {
	return Float32Array.from(rows.flat());
}

describe('averageLinkage', () => {
	const sims = [
		[1, 0.9, 0.5, 0.0],
		[0.9, 1, 0.1, 0.0],
		[0.5, 0.1, 1, 0.2],
		[0.0, 0.0, 0.2, 1]
	];

	it('joins while the average similarity between clusters reaches the threshold', () => {
		// {0,1} first (0.9); then {0,1}–2 averages (0.5 + 0.1) / 2 = 0.3.
		expect(averageLinkage(matrixOf(sims), 4, 0.35)).toEqual([[0, 1], [2], [3]]);
		expect(averageLinkage(matrixOf(sims), 4, 0.29)).toEqual([[0, 1, 2], [3]]);
		expect(averageLinkage(matrixOf(sims), 4, 0.95)).toEqual([[0], [1], [2], [3]]);
		expect(averageLinkage(matrixOf(sims), 4, 0)).toEqual([[0, 1, 2, 3]]);
	});

	it('breaks ties by the lowest index', () => {
		const tied = [
			[1, 0.5, 0.5],
			[0.5, 1, 0.5],
			[0.5, 0.5, 1]
		];
		expect(averageLinkage(matrixOf(tied), 3, 0.5)).toEqual([[0, 1, 2]]);
		const pairs = [
			[1, 0.6, 0, 0],
			[0.6, 1, 0, 0],
			[0, 0, 1, 0.6],
			[0, 0, 0.6, 1]
		];
		expect(averageLinkage(matrixOf(pairs), 4, 0.5)).toEqual([
			[0, 1],
			[2, 3]
		]);
	});

	it('handles no items and one item', () => {
		expect(averageLinkage(new Float32Array(0), 0, 0.3)).toEqual([]);
		expect(averageLinkage(matrixOf([[1]]), 1, 0.3)).toEqual([[0]]);
	});
});
