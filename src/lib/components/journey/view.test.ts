import { describe, expect, it } from 'vitest';
import { summarise } from '$lib/workshop/emotions';
import {
	displayTitle,
	factsToText,
	formatRating,
	layoutCurve,
	parseFacts,
	plural,
	wrapLabel
} from './view';

describe('plural', () => {
	it('uses the singular for exactly one only', () => {
		expect(plural(1, 'lapp', 'lappar')).toBe('lapp');
		expect(plural(0, 'lapp', 'lappar')).toBe('lappar');
		expect(plural(2, 'lapp', 'lappar')).toBe('lappar');
	});
});

describe('facts', () => {
	it('reads one fact per line and drops blank lines', () => {
		expect(parseFacts('blöder\r\n\n  ringer 1177  \n\t\ndotter ringer ambulans')).toEqual([
			'blöder',
			'ringer 1177',
			'dotter ringer ambulans'
		]);
		expect(parseFacts('')).toEqual([]);
	});

	it('round-trips through the textarea text', () => {
		const facts = ['blöder', 'ringer 1177'];
		expect(parseFacts(factsToText(facts))).toEqual(facts);
	});
});

describe('displayTitle', () => {
	it('falls back for an empty title', () => {
		expect(displayTitle('  ', 'Händelse 2')).toBe('Händelse 2');
		expect(displayTitle(' Akut ', 'Händelse 2')).toBe('Akut');
	});
});

describe('formatRating', () => {
	it('signs non-zero values and uses the locale decimal mark', () => {
		expect(formatRating(1, 'en')).toBe('+1');
		expect(formatRating(0, 'sv')).toBe('0');
		expect(formatRating(-1.5, 'en')).toBe('-1.5');
		expect(formatRating(1.5, 'sv')).toBe('+1,5');
		expect(formatRating(-1, 'sv')).toMatch(/^[-−]1$/);
	});
});

describe('wrapLabel', () => {
	it('keeps short labels on one line', () => {
		expect(wrapLabel('Händelse 1')).toEqual(['Händelse 1']);
	});

	it('wraps at word boundaries and cuts what does not fit', () => {
		expect(wrapLabel('Dottern ringer ambulansen mitt i natten', 16, 2)).toEqual([
			'Dottern ringer',
			'ambulansen mitt…'
		]);
	});

	it('cuts a long word hard', () => {
		const [line] = wrapLabel('Hemsjukvårdsteamsansvarig', 10, 2);
		expect(line).toBe('Hemsjukvå…');
		expect(line!.length).toBe(10);
	});

	it('returns no lines for an empty label', () => {
		expect(wrapLabel('   ')).toEqual([]);
	});
});

describe('layoutCurve', () => {
	const events = [
		{ id: 'a', title: 'Händelse 1' },
		{ id: 'b', title: 'Händelse 2' },
		{ id: 'c', title: 'Händelse 3' },
		{ id: 'd', title: 'Händelse 4' }
	];
	const opts = { column: 100, left: 100, right: 0, top: 0, bottom: 50, plotHeight: 200 };

	it('maps +2 to the top and −2 to the bottom of the plot', () => {
		const layout = layoutCurve(events, new Map(), opts);
		expect(layout.width).toBe(500);
		expect(layout.height).toBe(250);
		expect(layout.yTicks.map((t) => [t.value, t.y])).toEqual([
			[2, 0],
			[1, 50],
			[0, 100],
			[-1, 150],
			[-2, 200]
		]);
		expect(layout.columns.map((c) => c.x)).toEqual([150, 250, 350, 450]);
		expect(layout.hasData).toBe(false);
		expect(layout.lines).toEqual([]);
	});

	it('breaks the line at an event without ratings', () => {
		const curve = new Map([
			['a', summarise([-2, 0])],
			['b', summarise([1, 2, 2])],
			['c', summarise([])],
			['d', summarise([0])]
		]);
		const layout = layoutCurve(events, curve, opts);
		expect(layout.hasData).toBe(true);
		const [a, b, c, d] = layout.columns;
		expect(a).toMatchObject({ median: -1, min: -2, max: 0, yMedian: 150, yMin: 200, yMax: 100 });
		expect(b).toMatchObject({ count: 3, median: 2, yMedian: 0 });
		expect(c).toMatchObject({ count: 0, median: null, yMedian: null });
		expect(d).toMatchObject({ count: 1, median: 0, yMedian: 100 });
		// One line over a–b; d stands alone and is drawn as a marker only.
		expect(layout.lines).toEqual(['M150 150 L250 0']);
		expect(layout.bands).toEqual(['150,100 250,0 250,50 150,200']);
	});

	it('keeps a sensible width with no events', () => {
		const layout = layoutCurve([], new Map(), opts);
		expect(layout.width).toBe(200);
		expect(layout.columns).toEqual([]);
	});
});
