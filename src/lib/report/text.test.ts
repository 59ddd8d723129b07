import { describe, expect, it } from 'vitest';
import { quoted } from './text';

describe('quoted', () => {
	it('puts a quote in Swedish quotation marks', () => {
		expect(quoted('Tidspress, vi har ingen luft i systemet')).toBe(
			'”Tidspress, vi har ingen luft i systemet”'
		);
	});

	it('does not quote twice a quote already in quotation marks of any kind', () => {
		for (const typed of ['”Mår bra”', '"Mår bra"', '“Mår bra”', '«Mår bra»', ' ”Mår bra” ']) {
			expect(quoted(typed)).toBe('”Mår bra”');
		}
	});

	it('keeps quotation marks inside a text', () => {
		expect(quoted('Hon sa "nej" till hemtjänst')).toBe('”Hon sa "nej" till hemtjänst”');
		expect(quoted('"Mår bra" säger han')).toBe('”"Mår bra" säger han”');
	});
});
