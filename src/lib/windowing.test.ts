import { describe, expect, it } from 'vitest';
import { firstRevealed, pageSlice } from './windowing';

describe('pageSlice', () => {
	it('keeps the first items of a newest-first list, the rest below', () => {
		expect(pageSlice(50, 20, 20, 'start')).toEqual({ start: 0, end: 20, hidden: 30, next: 20 });
		expect(pageSlice(50, 40, 20, 'start')).toEqual({ start: 0, end: 40, hidden: 10, next: 10 });
	});

	it('keeps the last items of an oldest-first list, older ones above', () => {
		expect(pageSlice(50, 20, 20, 'end')).toEqual({ start: 30, end: 50, hidden: 30, next: 20 });
		expect(pageSlice(25, 20, 20, 'end')).toEqual({ start: 5, end: 25, hidden: 5, next: 5 });
	});

	it('renders a short list whole, and nothing for nothing asked', () => {
		expect(pageSlice(3, 20, 20, 'end')).toEqual({ start: 0, end: 3, hidden: 0, next: 0 });
		expect(pageSlice(3, 20, 20, 'start')).toEqual({ start: 0, end: 3, hidden: 0, next: 0 });
		expect(pageSlice(7, 0, 20, 'end')).toEqual({ start: 7, end: 7, hidden: 7, next: 7 });
		expect(pageSlice(0, 20, 20, 'start')).toEqual({ start: 0, end: 0, hidden: 0, next: 0 });
	});

	it('covers every item once when asked page by page', () => {
		for (const kept of ['start', 'end'] as const) {
			const seen = new Set<number>();
			for (let shown = 0; shown <= 60; shown += 20) {
				const { start, end } = pageSlice(47, shown, 20, kept);
				for (let i = start; i < end; i++) seen.add(i);
			}
			expect(seen.size).toBe(47);
		}
	});
});

describe('firstRevealed (where focus goes after "Visa fler")', () => {
	it('is the first new item below the old ones in a newest-first list', () => {
		expect(firstRevealed(50, 20, 40, 'start')).toBe(20);
		expect(firstRevealed(25, 20, 40, 'start')).toBe(20);
	});

	it('is the topmost new item above the old ones in an oldest-first list', () => {
		expect(firstRevealed(50, 20, 40, 'end')).toBe(10);
		expect(firstRevealed(25, 20, 40, 'end')).toBe(0);
		expect(firstRevealed(12, 0, 20, 'end')).toBe(0);
	});

	it('is null when nothing came in', () => {
		expect(firstRevealed(10, 20, 40, 'start')).toBeNull();
		expect(firstRevealed(10, 20, 40, 'end')).toBeNull();
	});
});
