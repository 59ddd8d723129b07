import { cosine } from './cosine';
import { analyse, type InsightText, type SimilarityOptions } from './pipeline';

export interface Neighbour {
	id: string;
	similarity: number;
}

/**
 * "Show me insights like this one": the k insights most similar to `id` by the same
 * similarity as suggestGroups, most similar first (ties by id). Insights that share nothing
 * with it are left out, so fewer than k may come back; an unknown id gives none.
 */
export function nearestInsights(
	items: InsightText[],
	id: string,
	k: number,
	options?: Pick<SimilarityOptions, 'synonyms'>
): Neighbour[] {
	const analysed = analyse(items, options);
	const target = analysed.items.findIndex((item) => item.id === id);
	if (target < 0 || k <= 0) return [];
	const from = analysed.vectors[target]!;
	return analysed.items
		.map((item, i) => ({ id: item.id, similarity: cosine(from, analysed.vectors[i]!) }))
		.filter((n, i) => i !== target && n.similarity > 0)
		.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
		.slice(0, k);
}
