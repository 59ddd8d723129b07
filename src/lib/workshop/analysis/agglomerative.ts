/**
 * Average-linkage agglomerative clustering on a dense similarity matrix: joins clusters whose
 * members are on average most alike, as long as that average is at least `threshold`. The
 * matrix (n×n, row-major) is used as scratch space and changed.
 *
 * Nearest-neighbour chain (Murtagh 1983): follow nearest neighbours until two clusters are
 * each other's nearest, merge them (Lance–Williams update), go on from the rest of the chain.
 * For average linkage this yields the same clusters as always merging the globally most
 * similar pair (when no two similarities tie), in O(n²) instead of O(n³). Similarities only fall as clusters grow, so once
 * the chain meets a cluster whose best partner is below the threshold, every cluster on the
 * chain is final. Ties go to the previous link of the chain, then to the lowest index, so
 * callers that order items by id get ties broken by id.
 */
export function averageLinkage(matrix: Float32Array, n: number, threshold: number): number[][] {
	const open = new Uint8Array(n);
	const size = new Int32Array(n).fill(1);
	const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
	// A cluster with no partner at the threshold now never gets one: leave it out from the start.
	for (let i = 0; i < n; i++) {
		const row = i * n;
		for (let j = 0; j < n && !open[i]; j++) {
			if (j !== i && matrix[row + j]! >= threshold) open[i] = 1;
		}
	}
	// The open clusters in ascending order, compacted after clusters close.
	const live = new Int32Array(n);
	let count = 0;
	for (let i = 0; i < n; i++) if (open[i]) live[count++] = i;
	let stale = false;
	const chain: number[] = [];

	for (;;) {
		if (stale) {
			let kept = 0;
			for (let k = 0; k < count; k++) if (open[live[k]!]) live[kept++] = live[k]!;
			count = kept;
			stale = false;
		}
		if (chain.length === 0) {
			if (count === 0) break;
			chain.push(live[0]!);
		}
		const i = chain[chain.length - 1]!;
		const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
		let nearest = -1;
		let max = -Infinity;
		const row = i * n;
		for (let k = 0; k < count; k++) {
			const j = live[k]!;
			if (j === i) continue;
			const s = matrix[row + j]!;
			if (s > max || (s === max && j === previous)) {
				max = s;
				nearest = j;
			}
		}
		if (nearest < 0 || max < threshold) {
			for (const c of chain) open[c] = 0;
			chain.length = 0;
			stale = true;
			continue;
		}
		if (nearest !== previous) {
			chain.push(nearest);
			continue;
		}
		chain.length -= 2;
		const a = Math.min(i, previous);
		const b = Math.max(i, previous);
		const sa = size[a]!;
		const sb = size[b]!;
		for (let m = 0; m < count; m++) {
			const k = live[m]!;
			if (k === a || k === b) continue;
			const s = (sa * matrix[a * n + k]! + sb * matrix[b * n + k]!) / (sa + sb);
			matrix[a * n + k] = s;
			matrix[k * n + a] = s;
		}
		open[b] = 0;
		stale = true;
		size[a] = sa + sb;
		members[a]!.push(...members[b]!);
		members[b] = [];
	}
	return members.filter((m) => m.length > 0);
}
