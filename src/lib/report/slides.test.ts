import { describe, expect, it } from 'vitest';
import { estimateLines, paginate, paginateBullets, paginateTable, rowHeight } from './slides';

describe('estimateLines', () => {
	it('wraps at word boundaries and counts each paragraph', () => {
		// 1 in at 12 pt: 72 / 6.6 = 10 characters a line.
		expect(estimateLines('kort', 1, 12)).toBe(1);
		expect(estimateLines('fyra ord här nu', 1, 12)).toBe(2);
		expect(estimateLines('ett\ntvå\ntre', 1, 12)).toBe(3);
		expect(estimateLines('', 1, 12)).toBe(1);
	});

	it('counts a word longer than a line over as many lines as it needs', () => {
		expect(estimateLines('hälsoochsjukvårdsförvaltningen', 1, 12)).toBe(3);
	});
});

describe('paginate', () => {
	it('keeps everything on one page when it fits', () => {
		expect(paginate([1, 1, 1], 5)).toEqual([[0, 1, 2]]);
	});

	it('continues on further pages in order, none over the room, balanced', () => {
		const heights = [1, 1, 1, 1, 1, 1, 1];
		const pages = paginate(heights, 6);
		expect(pages.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
		// Two pages of four and three, not six and a remnant of one.
		expect(pages.map((p) => p.length)).toEqual([4, 3]);
	});

	it('gives an item taller than a page a page of its own', () => {
		expect(paginate([1, 9, 1], 5)).toEqual([[0], [1], [2]]);
	});

	it('leaves less room on the first page when asked', () => {
		const pages = paginate([1, 1, 1, 1], 4, 2);
		expect(pages[0]!.length).toBeLessThanOrEqual(2);
		expect(pages.flat()).toEqual([0, 1, 2, 3]);
	});
});

describe('paginateTable', () => {
	it('fits header and rows on each page within the room, row heights given per page', () => {
		const rows = Array.from({ length: 20 }, (_, i) => [`Område ${i + 1}`, 'text', '3']);
		const colW = [4, 4, 1];
		const pages = paginateTable(['Område', 'Underområden', 'Antal'], rows, colW, 16, 5.85);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.flatMap((p) => p.rows)).toEqual(rows.map((_, i) => i));
		for (const page of pages) {
			expect(page.rowH).toHaveLength(page.rows.length + 1);
			expect(page.rowH.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5.85);
		}
		expect(rowHeight(['en mycket lång text som bryts över flera rader'], [1], 12)).toBeGreaterThan(
			rowHeight(['kort'], [1], 12)
		);
	});
});

describe('paginateBullets', () => {
	it('puts every item on some page, none dropped or cut to "… och N till"', () => {
		const items = Array.from({ length: 47 }, (_, i) => `Citat nummer ${i + 1} om vården i hemmet`);
		const pages = paginateBullets(items, 12, 5.85, 20);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.flat()).toEqual(items);
	});
});
