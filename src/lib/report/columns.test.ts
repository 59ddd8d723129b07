import { describe, expect, it } from 'vitest';
import { columnWidths, longestWord } from './columns';

describe('columnWidths', () => {
	it('keeps the asked shares when every word fits', () => {
		expect(columnWidths([['a'], ['b']], [1, 3], 4000, 10)).toEqual([1000, 3000]);
	});

	it('widens a column to its longest word, taken from the others, total unchanged', () => {
		const columns = [['Kort'], ['Aktivitetsplan'], ['Lite text här och där i en lång cell']];
		const widths = columnWidths(columns, [1, 1, 4], 6000, 10);
		// "Aktivitetsplan": 14 characters at 10 pt need 14 × 7 pt × 20 + 200 = 2160 twips.
		expect(widths[1]).toBeGreaterThanOrEqual(2160);
		expect(widths[0]).toBeGreaterThanOrEqual(4 * 7 * 20 + 200);
		expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6000);
		expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(5990);
	});

	it('widens as far as the other columns allow when no layout fits every word', () => {
		const widths = columnWidths([['Hälsoochsjukvårdsförvaltningen'], ['x']], [1, 1], 1000, 10);
		// "x" needs 7 × 20 + 200 = 340 twips; the long word gets the rest.
		expect(widths).toEqual([660, 340]);
	});

	it('measures words in characters, not bytes', () => {
		expect(longestWord(['åäö ab', 'Höjdpunkter'])).toBe(11);
	});
});
