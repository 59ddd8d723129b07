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

	it('gives the same clusters as naively merging the most similar pair each time', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let round = 0; round < 20; round++) {
			const n = 5 + (round % 25);
			const rows = Array.from({ length: n }, () => new Array<number>(n).fill(1));
			for (let i = 0; i < n; i++) {
				for (let j = i + 1; j < n; j++) rows[i]![j] = rows[j]![i] = Math.fround(random());
			}
			const threshold = 0.3 + (round % 5) / 10;
			const sorted = (groups: number[][]) =>
				groups.map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
			expect(sorted(averageLinkage(matrixOf(rows), n, threshold))).toEqual(
				sorted(naiveAverageLinkage(rows, threshold))
			);
		}
	});

	it('handles no items and one item', () => {
		expect(averageLinkage(new Float32Array(0), 0, 0.3)).toEqual([]);
		expect(averageLinkage(matrixOf([[1]]), 1, 0.3)).toEqual([[0]]);
	});
});

/** Textbook O(n³) average linkage: mean of all member pairs, best pair first. */
function naiveAverageLinkage(rows: number[][], threshold: number): number[][] {
	const clusters = rows.map((_, i) => [i]);
	const average = (a: number[], b: number[]) =>
		a.reduce((s, i) => s + b.reduce((t, j) => t + rows[i]![j]!, 0), 0) / (a.length * b.length);
	for (;;) {
		let best: [number, number] | null = null;
		let max = -Infinity;
		for (let a = 0; a < clusters.length; a++) {
			for (let b = a + 1; b < clusters.length; b++) {
				const s = average(clusters[a]!, clusters[b]!);
				if (s > max) [max, best] = [s, [a, b]];
			}
		}
		if (!best || max < threshold) return clusters;
		clusters[best[0]]!.push(...clusters[best[1]]!);
		clusters.splice(best[1], 1);
	}
}
