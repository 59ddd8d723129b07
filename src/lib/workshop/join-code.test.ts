import { describe, expect, it } from 'vitest';
import {
	formatJoinCode,
	generateJoinCode,
	isValidJoinCode,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	normaliseJoinCode
} from './join-code';

describe('join codes', () => {
	it('generates valid codes from the unambiguous alphabet', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateJoinCode();
			expect(code).toHaveLength(JOIN_CODE_LENGTH);
			expect(isValidJoinCode(code)).toBe(true);
		}
		for (const c of '0O1IL5SUV') expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});

	it('skips biased bytes instead of folding them onto the alphabet', () => {
		const bytes = [255, 254, 0, 1, 2, 3, 4, 5];
		const code = generateJoinCode(() => Uint8Array.from(bytes));
		expect(code).toBe(JOIN_CODE_ALPHABET.slice(0, 6));
	});

	it('spreads codes roughly evenly over the alphabet', () => {
		const counts = new Map<string, number>();
		for (let i = 0; i < 2000; i++) {
			for (const c of generateJoinCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
		}
		const expected = (2000 * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
		for (const c of JOIN_CODE_ALPHABET) {
			expect(counts.get(c)).toBeGreaterThan(expected * 0.7);
			expect(counts.get(c)).toBeLessThan(expected * 1.3);
		}
	});

	it('normalises what people type and rejects what cannot be a code', () => {
		expect(normaliseJoinCode(' abc-dEf ')).toBe('ABCDEF');
		expect(isValidJoinCode('ABCDEF')).toBe(true);
		expect(isValidJoinCode('ABCDE')).toBe(false);
		expect(isValidJoinCode('ABCDE0')).toBe(false);
		expect(isValidJoinCode('ABCDEFG')).toBe(false);
		expect(formatJoinCode('ABCDEF')).toBe('ABC-DEF');
	});
});
