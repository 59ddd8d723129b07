import { describe, expect, it } from 'vitest';
import { excerpt, lengthNotice } from './text';

describe('excerpt', () => {
	it('keeps a short text whole, on one line', () => {
		expect(excerpt('Vem ringer\n jag?')).toBe('Vem ringer jag?');
	});
	it('cuts a long text at a word and marks the cut', () => {
		expect(excerpt('Ingen vet vem som har ansvaret för Oskars mediciner på kvällen', 30)).toBe(
			'Ingen vet vem som har…'
		);
	});
	it('cuts a single long word hard', () => {
		expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(10)}…`);
	});
});

describe('lengthNotice', () => {
	it('says nothing far from the limit', () => {
		expect(lengthNotice(100, 2000)).toBeNull();
		expect(lengthNotice(1799, 2000)).toBeNull();
	});
	it('counts down near the limit and says when it is full', () => {
		expect(lengthNotice(1800, 2000)).toEqual({ left: 200 });
		expect(lengthNotice(1999, 2000)).toEqual({ left: 1 });
		expect(lengthNotice(2000, 2000)).toBe('full');
	});
});
