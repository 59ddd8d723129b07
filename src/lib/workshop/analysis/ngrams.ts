/**
 * Character n-grams within one word, with no padding, so a compound shares most of its grams
 * with its parts: "hemsjukvårdsteamet" and "hemsjukvård" meet on "hems", "sjuk", "vård" ….
 * Words shorter than n give none (the word feature covers them).
 */
export function charNgrams(word: string, n = 4): string[] {
	const grams: string[] = [];
	for (let i = 0; i + n <= word.length; i++) grams.push(word.slice(i, i + n));
	return grams;
}
