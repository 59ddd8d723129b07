import { newStemmer } from 'snowball-stemmers';

const swedish = newStemmer('swedish');
const cache = new Map<string, string>();

/** Snowball Swedish stem of one lower-case word ("telefontiden" → "telefontid"), memoised. */
export function stem(word: string): string {
	let stemmed = cache.get(word);
	if (stemmed === undefined) {
		stemmed = swedish.stem(word);
		if (cache.size > 50_000) cache.clear();
		cache.set(word, stemmed);
	}
	return stemmed;
}
