/**
 * Average-linkage agglomerative clustering on a dense similarity matrix: repeatedly joins the
 * two clusters whose members are on average most alike, while that average is at least
 * `threshold`. Ties go to the lowest indexes, so callers that order items by id get ties
 * broken by id. The matrix (n×n, row-major) is used as scratch space and changed.
 *
 * Each step costs O(n): the best partner of every row is kept, and only rows whose partner
 * was just merged are scanned again (Lance–Williams update for average linkage).
 */
export function averageLinkage(matrix: Float32Array, n: number, threshold: number): number[][] {
	const active = new Uint8Array(n).fill(1);
	const size = new Int32Array(n).fill(1);
	const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
	const best = new Int32Array(n).fill(-1);
	const bestSim = new Float64Array(n).fill(-Infinity);

	const rescan = (i: number) => {
		let arg = -1;
		let max = -Infinity;
		const row = i * n;
		for (let j = 0; j < n; j++) {
			if (j === i || !active[j]) continue;
			const s = matrix[row + j]!;
			if (s > max) {
				max = s;
				arg = j;
			}
		}
		best[i] = arg;
		bestSim[i] = max;
	};
	for (let i = 0; i < n; i++) rescan(i);

	for (;;) {
		let a = -1;
		let max = -Infinity;
		for (let i = 0; i < n; i++) {
			if (active[i] && bestSim[i]! > max) {
				max = bestSim[i]!;
				a = i;
			}
		}
		if (a < 0 || max < threshold) break;
		let b = best[a]!;
		if (b < a) [a, b] = [b, a];

		const sa = size[a]!;
		const sb = size[b]!;
		for (let k = 0; k < n; k++) {
			if (!active[k] || k === a || k === b) continue;
			const s = (sa * matrix[a * n + k]! + sb * matrix[b * n + k]!) / (sa + sb);
			matrix[a * n + k] = s;
			matrix[k * n + a] = s;
		}
		active[b] = 0;
		size[a] = sa + sb;
		members[a]!.push(...members[b]!);
		members[b] = [];

		for (let k = 0; k < n; k++) {
			if (!active[k] || k === a) continue;
			if (best[k] === a || best[k] === b) rescan(k);
			else {
				const s = matrix[k * n + a]!;
				if (s > bestSim[k]! || (s === bestSim[k] && a < best[k]!)) {
					best[k] = a;
					bestSim[k] = s;
				}
			}
		}
		rescan(a);
	}
	return members.filter((m, i) => active[i] && m.length > 0);
}
