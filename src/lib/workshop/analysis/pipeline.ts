import { compileConcepts, synonymConcepts, type ConceptMatcher } from './concepts';
import { noteFeatures, type NoteFeatures } from './features';
import { LEXICON_SV } from './lexicon-sv';
import { tfidfVectors, type FamilyWeights, type Vectorised } from './tfidf';

export interface InsightText {
	id: string;
	text: string;
}

export interface SimilarityOptions {
	/** The facilitator's "these words mean the same here", e.g. [["hsl", "hemsjukvård"]]. */
	synonyms?: string[][];
	/** How much each kind of evidence counts; the defaults are DEFAULT_WEIGHTS. */
	weights?: FamilyWeights;
}

/**
 * Words and concepts decide; n-grams add a smaller pull so compounds meet their parts
 * without every "-vård" word meeting every other.
 */
export const DEFAULT_WEIGHTS: FamilyWeights = { word: 1, gram: 0.6, concept: 1 };

const lexicon = compileConcepts(LEXICON_SV);

export interface Analysed extends Vectorised {
	/** The items, one per id (first occurrence wins), ordered by id. */
	items: InsightText[];
	notes: NoteFeatures[];
	/** Concept id → label, for group names. */
	conceptLabels: Map<string, string>;
}

const byId = (a: InsightText, b: InsightText) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Features and unit TF-IDF vectors of the items, in id order so results never depend on input order. */
export function analyse(items: readonly InsightText[], options: SimilarityOptions = {}): Analysed {
	const seen = new Set<string>();
	const unique = items.filter((item) => !seen.has(item.id) && seen.add(item.id)).sort(byId);
	const matchers: ConceptMatcher[] = [lexicon];
	const synonyms = synonymConcepts(options.synonyms ?? []);
	if (synonyms.length) matchers.push(compileConcepts(synonyms));
	const notes = unique.map((item) => noteFeatures(item.text, matchers));
	const conceptLabels = new Map([...LEXICON_SV, ...synonyms].map((c) => [c.id, c.label]));
	const vectorised = tfidfVectors(notes, options.weights ?? DEFAULT_WEIGHTS);
	return { items: unique, notes, conceptLabels, ...vectorised };
}
