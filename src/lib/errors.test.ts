import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorKey, errorText, isErrorKey } from './errors';

const keys = (file: string) =>
	Object.keys(JSON.parse(readFileSync(new URL(`../../messages/${file}`, import.meta.url), 'utf8')));

describe('error keys', () => {
	it('knows every error code of the messages, in both languages', () => {
		for (const file of ['sv.json', 'en.json']) {
			const codes = keys(file).filter(
				(k) => k.startsWith('error_') && !k.startsWith('error_page_')
			);
			expect(codes.length).toBeGreaterThan(10);
			expect(codes.filter((k) => !isErrorKey(k))).toEqual([]);
		}
	});

	it('turns anything else into the generic error', () => {
		expect(isErrorKey('error_page_status')).toBe(false);
		expect(isErrorKey('grid_title')).toBe(false);
		expect(isErrorKey('toString')).toBe(false);
		expect(errorKey('Too small: expected string to have >=1 characters')).toBe('error_generic');
		expect(errorText('grid_title')).toBe(errorText('error_generic'));
		expect(errorText(null)).toBe('');
	});
});
