import { describe, expect, it } from 'vitest';
import { charNgrams } from './ngrams';
import { normalise } from './normalise';
import { stem } from './stem';
import { isStopword, KEPT_MEANING_WORDS_SV, STOPWORDS_SV } from './stopwords-sv';
import { tokenise } from './tokenise';

describe('Swedish text processing', () => {
	it('lower-cases and composes å ä ö typed as letter + mark', () => {
		const decomposed = 'A\u030AKE VA\u0308NTAR, O\u0308RA';
		expect(decomposed).not.toBe('ÅKE VÄNTAR, ÖRA');
		expect(normalise(decomposed)).toBe('åke väntar, öra');
		expect(normalise('Äldreboende')).toBe('äldreboende');
	});

	it('splits on punctuation and keeps numbers and Swedish letters', () => {
		expect(tokenise(normalise('Ringer 1177 – får vänta! (igen)'))).toEqual([
			'ringer',
			'1177',
			'får',
			'vänta',
			'igen'
		]);
		expect(tokenise('')).toEqual([]);
	});

	it('stems inflections of one word to one stem', () => {
		expect(stem('telefontiden')).toBe('telefontid');
		expect(stem('ringer')).toBe(stem('ringa'));
		expect(stem('anhöriga')).toBe(stem('anhörig'));
	});

	it('drops function words but keeps negations and judgements', () => {
		for (const word of ['och', 'att', 'på', 'som', 'vi']) expect(isStopword(word)).toBe(true);
		for (const word of KEPT_MEANING_WORDS_SV) expect(isStopword(word)).toBe(false);
		for (const word of ['inte', 'ej', 'ingen', 'inga', 'aldrig', 'saknas', 'bra', 'länge']) {
			expect(KEPT_MEANING_WORDS_SV).toContain(word);
		}
		expect(new Set(STOPWORDS_SV).size).toBe(STOPWORDS_SV.length);
	});

	it('gives a compound most of the 4-grams of its part', () => {
		const part = new Set(charNgrams('hemsjukvård'));
		const compound = new Set(charNgrams('hemsjukvårdsteamet'));
		expect([...part].every((g) => compound.has(g))).toBe(true);
		expect(charNgrams('vård')).toEqual(['vård']);
		expect(charNgrams('kö')).toEqual([]);
	});
});
