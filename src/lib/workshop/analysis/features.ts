import type { ConceptMatcher } from './concepts';
import { charNgrams } from './ngrams';
import { normalise } from './normalise';
import { stem } from './stem';
import { isStopword } from './stopwords-sv';
import { tokenise } from './tokenise';

/** The three kinds of evidence two notes can share; each is weighted as a whole. */
export type Family = 'word' | 'gram' | 'concept';
export const FAMILIES: readonly Family[] = ['word', 'gram', 'concept'];

/** What one note says, as feature counts per family, plus how each feature was written. */
export interface NoteFeatures {
	counts: Record<Family, Map<string, number>>;
	/** Feature key ("word:telefontid", "concept:vantetid") → surface form → count. */
	surfaces: Map<string, Map<string, number>>;
}

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

function addSurface(features: NoteFeatures, key: string, surface: string) {
	let forms = features.surfaces.get(key);
	if (!forms) features.surfaces.set(key, (forms = new Map()));
	bump(forms, surface);
}

/**
 * Turns a note into features: stems of its content words, 4-grams within those stems (so
 * compounds meet their parts) and the concept classes it mentions (matched on all words,
 * function words included, so "omsorg i hemmet" is found).
 */
export function noteFeatures(text: string, concepts: readonly ConceptMatcher[]): NoteFeatures {
	const tokens = tokenise(normalise(text));
	const stems = tokens.map(stem);
	const features: NoteFeatures = {
		counts: { word: new Map(), gram: new Map(), concept: new Map() },
		surfaces: new Map()
	};
	tokens.forEach((token, i) => {
		if (isStopword(token)) return;
		const s = stems[i]!;
		bump(features.counts.word, s);
		addSurface(features, `word:${s}`, token);
		for (const gram of charNgrams(s)) bump(features.counts.gram, gram);
	});
	for (const matcher of concepts) {
		for (const hit of matcher.match(tokens, stems)) {
			bump(features.counts.concept, hit.concept);
			addSurface(features, `concept:${hit.concept}`, hit.surface);
		}
	}
	return features;
}
