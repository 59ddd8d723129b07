import { describe, expect, it } from 'vitest';
import { appendLine, moveLine, removeLine, setLine } from './lines';

describe('lines', () => {
	const list = ['a', 'b', 'c'] as const;

	it('sets, appends and removes one line, leaving the given list alone', () => {
		expect(setLine(list, 1, 'B')).toEqual(['a', 'B', 'c']);
		expect(setLine(list, 3, 'x')).toEqual(['a', 'b', 'c']);
		expect(appendLine(list, 'd')).toEqual(['a', 'b', 'c', 'd']);
		expect(removeLine(list, 0)).toEqual(['b', 'c']);
		expect(removeLine(list, -1)).toEqual(['a', 'b', 'c']);
		expect(list).toEqual(['a', 'b', 'c']);
	});

	it('moves a line up or down, not past either end', () => {
		expect(moveLine(list, 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveLine(list, 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveLine(list, 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveLine(list, 2, 1)).toEqual(['a', 'b', 'c']);
		expect(moveLine(list, 0, 2)).toEqual(['b', 'c', 'a']);
	});
});
