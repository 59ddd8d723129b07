import { describe, expect, it } from 'vitest';
import { compileConcepts, synonymConcepts } from './concepts';
import { LEXICON_SV } from './lexicon-sv';
import { normalise } from './normalise';
import { stem } from './stem';
import { tokenise } from './tokenise';

const lexicon = compileConcepts(LEXICON_SV);
function conceptsIn(text: string, matcher = lexicon): string[] {
	const tokens = tokenise(normalise(text));
	return [...new Set(matcher.match(tokens, tokens.map(stem)).map((h) => h.concept))].sort();
}

describe('care-domain concept lexicon', () => {
	it('is a list of 40+ concept classes of several terms each, with unique ids', () => {
		expect(LEXICON_SV.length).toBeGreaterThanOrEqual(40);
		expect(new Set(LEXICON_SV.map((c) => c.id)).size).toBe(LEXICON_SV.length);
		for (const concept of LEXICON_SV) expect(concept.terms.length).toBeGreaterThanOrEqual(3);
	});

	it('has terms that are words, each listed once in its class', () => {
		for (const { id, terms } of LEXICON_SV) {
			const normalised = terms.map((t) => tokenise(normalise(t)).join(' '));
			expect(
				normalised.every((t) => t.length > 0),
				id
			).toBe(true);
			expect(new Set(normalised).size, id).toBe(terms.length);
		}
	});

	it('lets different words for the same concern meet', () => {
		for (const text of ['Ingen ringer tillbaka', 'Svårt att nå dem', 'Telefontiden är för kort']) {
			expect(conceptsIn(text)).toContain('telefon-tillganglighet');
		}
		expect(conceptsIn('Medicinerna i dosetten')).toEqual(['lakemedel']);
		expect(conceptsIn('Dottern oroar sig')).toEqual(['anhoriga', 'trygghet']);
	});

	it('finds long terms inside compounds and phrases across function words', () => {
		expect(conceptsIn('Läkemedelsgenomgången dröjde')).toContain('lakemedel');
		expect(conceptsIn('Hjälpmedelscentralen svarar inte')).toContain('hjalpmedel');
		expect(conceptsIn('Omsorg i hemmet')).toContain('hemtjanst');
		// Short terms only match whole words: "son" is not found in "person".
		expect(conceptsIn('En person')).not.toContain('anhoriga');
	});

	it('turns the facilitator’s synonym lists into concept classes of their own', () => {
		const matcher = compileConcepts(synonymConcepts([['HSL', 'sjuksköterskebesök'], ['ensam']]));
		expect(conceptsIn('HSL kom inte', matcher)).toEqual(['synonym:0']);
		expect(conceptsIn('Sjuksköterskebesöken uteblir', matcher)).toEqual(['synonym:0']);
		expect(conceptsIn('ensam', matcher)).toEqual([]);
	});
});
