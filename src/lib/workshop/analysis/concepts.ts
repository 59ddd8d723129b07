import type { Concept } from './lexicon-sv';
import { normalise } from './normalise';
import { stem } from './stem';
import { tokenise } from './tokenise';

/** A term as it is matched: its stems in order, and its surface form for compounds. */
interface CompiledTerm {
	concept: string;
	stems: string[];
	surface: string;
}

/** Shortest one-word term (in letters) that is also looked for inside compound words. */
const MIN_COMPOUND_PART = 6;

export interface ConceptMatcher {
	/** Concept ids found in a note, one entry per match, with the words that matched. */
	match(tokens: readonly string[], stems: readonly string[]): ConceptHit[];
}

export interface ConceptHit {
	concept: string;
	/** The matched words as written (normalised), e.g. "ringer tillbaka". */
	surface: string;
}

/**
 * Compiles concept classes into a matcher. Single words match by stem, or inside a compound
 * when the term is long enough to be a word of its own there ("läkemedel" in
 * "läkemedelsgenomgången"); phrases match the same stems in a row.
 */
export function compileConcepts(concepts: readonly Concept[]): ConceptMatcher {
	const single = new Map<string, Set<string>>();
	const compoundParts: CompiledTerm[] = [];
	const phrases = new Map<string, CompiledTerm[]>();
	for (const concept of concepts) {
		for (const term of concept.terms) {
			const tokens = tokenise(normalise(term));
			if (tokens.length === 0) continue;
			const stems = tokens.map(stem);
			const compiled = { concept: concept.id, stems, surface: tokens.join(' ') };
			if (stems.length === 1) {
				const key = stems[0]!;
				let set = single.get(key);
				if (!set) single.set(key, (set = new Set()));
				set.add(concept.id);
				if (compiled.surface.length >= MIN_COMPOUND_PART) compoundParts.push(compiled);
			} else {
				const list = phrases.get(stems[0]!) ?? [];
				list.push(compiled);
				phrases.set(stems[0]!, list);
			}
		}
	}

	const wordCache = new Map<string, string[]>();
	function conceptsOfWord(token: string, tokenStem: string): string[] {
		const cached = wordCache.get(token);
		if (cached) return cached;
		const found = new Set(single.get(tokenStem));
		for (const part of compoundParts) {
			if (token.length > part.surface.length && token.includes(part.surface)) {
				found.add(part.concept);
			}
		}
		const list = [...found].sort();
		if (wordCache.size > 50_000) wordCache.clear();
		wordCache.set(token, list);
		return list;
	}

	return {
		match(tokens, stems) {
			const hits: ConceptHit[] = [];
			for (let i = 0; i < tokens.length; i++) {
				// One hit per concept per starting word, with the longest words that matched.
				const here = new Map<string, string>();
				for (const concept of conceptsOfWord(tokens[i]!, stems[i]!)) here.set(concept, tokens[i]!);
				for (const phrase of phrases.get(stems[i]!) ?? []) {
					const n = phrase.stems.length;
					if (i + n > stems.length) continue;
					let same = true;
					for (let k = 1; k < n && same; k++) same = stems[i + k] === phrase.stems[k];
					const surface = tokens.slice(i, i + n).join(' ');
					if (same && surface.length > (here.get(phrase.concept)?.length ?? 0)) {
						here.set(phrase.concept, surface);
					}
				}
				for (const [concept, surface] of here) hits.push({ concept, surface });
			}
			return hits;
		}
	};
}

/** Turns the facilitator's "these words mean the same here" lists into concept classes. */
export function synonymConcepts(synonyms: readonly (readonly string[])[]): Concept[] {
	return synonyms
		.filter((terms) => terms.length > 1)
		.map((terms, i) => ({ id: `synonym:${i}`, label: terms[0]!, terms: [...terms] }));
}
