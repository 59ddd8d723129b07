/**
 * Swedish function words that carry no topic in a workshop note, matched on the normalised
 * surface form before stemming. Built from the usual Snowball list, but WITHOUT its negations
 * and judgements: in a bottennapp "inte", "ingen", "saknas" or "länge" is the point.
 */
// prettier-ignore
export const STOPWORDS_SV: readonly string[] = [
	'alla', 'allt', 'att', 'av', 'bara', 'behöver', 'bli', 'blir', 'blev', 'blivit', 'de', 'dem',
	'den', 'denna', 'deras', 'dess', 'dessa', 'det', 'detta', 'dig', 'din', 'dina', 'dit', 'ditt',
	'du', 'där', 'då', 'efter', 'eller', 'en', 'er', 'era', 'ert', 'ett', 'finns', 'fick', 'från',
	'får', 'få', 'gör', 'göra', 'görs', 'gjorde', 'ha', 'hade', 'han', 'hans', 'har', 'hen',
	'henne', 'hennes', 'honom', 'hos', 'hur', 'här', 'i', 'in', 'inom', 'jag', 'ju', 'kan',
	'kommer', 'kunde', 'kunna', 'man', 'med', 'mellan', 'men', 'mig', 'min', 'mina', 'mitt', 'mot',
	'måste', 'ni', 'nu', 'någon', 'något', 'några', 'när', 'och', 'också', 'om', 'oss', 'på',
	'samma', 'sedan', 'sig', 'sin', 'sina', 'sitt', 'sitta', 'ska', 'skall', 'skulle', 'som', 'så',
	'sådan', 'sådana', 'sådant', 'ta', 'tar', 'tog', 'tagit', 'till', 'upp', 'ut', 'vad', 'var', 'vara', 'varför', 'varit',
	'varje', 'vars', 'vart', 'vem', 'vi', 'vid', 'vilka', 'vilkas', 'vilken', 'vilket', 'vill',
	'vår', 'våra', 'vårt', 'än', 'är', 'åt', 'även', 'över'
];

/**
 * Words every common list drops and this one deliberately keeps, because they carry the
 * meaning of a low point. Exported so a test can hold the list to it.
 */
// prettier-ignore
export const KEPT_MEANING_WORDS_SV: readonly string[] = [
	'inte', 'ej', 'icke', 'ingen', 'inget', 'inga', 'aldrig', 'saknas', 'saknar', 'utan', 'bra',
	'dålig', 'dåligt', 'lätt', 'svårt', 'svår', 'länge', 'sent', 'alltid', 'för', 'mycket', 'lite',
	'ofta', 'sällan'
];

const stopSet = new Set(STOPWORDS_SV);

export function isStopword(normalisedWord: string): boolean {
	return stopSet.has(normalisedWord);
}
