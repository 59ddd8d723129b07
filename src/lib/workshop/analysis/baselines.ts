import { averageLinkage } from './agglomerative';
import { normalise } from './normalise';
import { isStopword } from './stopwords-sv';
import { tokenise } from './tokenise';
import type { InsightText } from './pipeline';

/** Baseline (a): everything in one group. */
export function allInOneGroup(items: readonly InsightText[]): { ids: string[] }[] {
	return items.length ? [{ ids: items.map((item) => item.id) }] : [];
}

/**
 * Baseline (b): grouping by exact shared words, what a tool without any language knowledge
 * does: each note's set of words (lower-cased, function words dropped, no stemming, n-grams
 * or lexicon), Jaccard overlap, the same average-linkage clustering at `threshold`.
 */
export function sharedWordGroups(
	items: readonly InsightText[],
	threshold: number
): { ids: string[] }[] {
	const sets = items.map(
		(item) => new Set(tokenise(normalise(item.text)).filter((w) => !isStopword(w)))
	);
	const n = items.length;
	const matrix = new Float32Array(n * n);
	for (let i = 0; i < n; i++) {
		matrix[i * n + i] = 1;
		for (let j = i + 1; j < n; j++) {
			let shared = 0;
			for (const w of sets[i]!) if (sets[j]!.has(w)) shared++;
			const union = sets[i]!.size + sets[j]!.size - shared;
			const s = union > 0 ? shared / union : 0;
			matrix[i * n + j] = s;
			matrix[j * n + i] = s;
		}
	}
	return averageLinkage(matrix, n, threshold).map((m) => ({ ids: m.map((i) => items[i]!.id) }));
}
