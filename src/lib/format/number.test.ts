import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber } from './number';

describe('numbers in the reader’s language', () => {
	it('writes a decimal comma in Swedish and a point in English', () => {
		expect(formatNumber(0.5, 'sv')).toBe('0,5');
		expect(formatNumber(4.25, 'sv')).toBe('4,25');
		expect(formatNumber(0.5, 'en')).toBe('0.5');
	});
	it('drops decimals a whole number does not have and rounds to the digits asked for', () => {
		expect(formatNumber(3, 'sv')).toBe('3');
		expect(formatNumber(2.345, 'sv', 1)).toBe('2,3');
	});
	it('keeps a slider’s fixed decimals', () => {
		expect(formatFixed(0.2, 'sv', 2)).toBe('0,20');
		expect(formatFixed(0.2, 'en', 2)).toBe('0.20');
	});
});
