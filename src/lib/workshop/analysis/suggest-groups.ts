import { averageLinkage } from './agglomerative';
import { similarityMatrix } from './cosine';
import { nameGroup } from './name-group';
import { analyse, type Analysed, type InsightText } from './pipeline';
import { DEFAULT_THRESHOLD } from './threshold';

export { DEFAULT_THRESHOLD };

export interface SuggestOptions {
	/** 0..1: how alike (average cosine) a group's notes must be; higher gives smaller groups. */
	threshold?: number;
	/** Facilitator's "these words mean the same here", one list per meaning. */
	synonyms?: string[][];
}

export interface SuggestedGroup {
	name: string;
	ids: string[];
}

/**
 * Suggests förbättringsområden for a set of insights: Swedish-aware TF-IDF over stems,
 * in-word 4-grams and care-domain concepts, grouped by average-linkage clustering. Every id
 * lands in exactly one group (a group of one is allowed; a repeated id counts once). The
 * result depends only on the input: groups largest first, then by their first id; ids in a
 * group by id.
 */
export function suggestGroups(
	items: { id: string; text: string }[],
	options?: { threshold?: number; synonyms?: string[][] }
): SuggestedGroup[] {
	return groupAnalysed(analyse(items, options), options?.threshold ?? DEFAULT_THRESHOLD);
}

/**
 * For the slider: analyses the insights once and returns a function that groups them at any
 * threshold, paying only for the clustering on each step. Same result as suggestGroups.
 */
export function prepareSuggestions(
	items: { id: string; text: string }[],
	options?: { synonyms?: string[][] }
): (threshold?: number) => SuggestedGroup[] {
	const analysed = analyse(items, options);
	const matrix = similarityMatrix(analysed.vectors);
	return (threshold = DEFAULT_THRESHOLD) => groupAnalysed(analysed, threshold, matrix.slice());
}

/** The grouping step on its own, so a threshold sweep can reuse one analysis. */
export function groupAnalysed(
	analysed: Analysed,
	threshold: number,
	matrix = similarityMatrix(analysed.vectors)
): SuggestedGroup[] {
	const clamped = Number.isFinite(threshold)
		? Math.min(1, Math.max(0, threshold))
		: DEFAULT_THRESHOLD;
	const n = analysed.items.length;
	const clusters = averageLinkage(matrix, n, clamped);
	return clusters
		.map((members) => members.sort((a, b) => a - b))
		.sort((a, b) => b.length - a.length || a[0]! - b[0]!)
		.map((members) => ({
			name: nameGroup(
				members.map((i) => analysed.notes[i]!),
				members.map((i) => analysed.vectors[i]!),
				analysed.features,
				analysed.conceptLabels
			),
			ids: members.map((i) => analysed.items[i]!.id)
		}));
}

export type { InsightText };
