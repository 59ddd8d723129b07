import { describe, expect, it } from 'vitest';
import { INNOVATIONSGUIDEN, NYTTA_INSATS, quadrantOf, type Axes } from './axes';

describe('quadrants, Nytta × Insats (low insats is better)', () => {
	const q = (nytta: number, insats: number) => quadrantOf(NYTTA_INSATS, nytta, insats);

	it('names the four corners', () => {
		expect(q(5, 1)).toBe('snabba-vinster');
		expect(q(5, 5)).toBe('stora-satsningar');
		expect(q(1, 1)).toBe('kanske');
		expect(q(1, 5)).toBe('tidstjuvar');
	});

	it('puts a median on the midpoint on the cautious side', () => {
		expect(q(3, 2)).toBe('kanske'); // nytta 3 is not yet high
		expect(q(4, 3)).toBe('stora-satsningar'); // insats 3 is not yet low
		expect(q(3, 3)).toBe('tidstjuvar');
	});

	it('counts half a step past the midpoint', () => {
		expect(q(3.5, 2.5)).toBe('snabba-vinster');
		expect(q(3.5, 3.5)).toBe('stora-satsningar');
		expect(q(2.5, 2.5)).toBe('kanske');
	});
});

describe('quadrants, Innovationsguiden (high genomförbarhet is better)', () => {
	const q = (relevans: number, genomforbarhet: number) =>
		quadrantOf(INNOVATIONSGUIDEN, relevans, genomforbarhet);

	it('turns the feasibility axis the other way than insats', () => {
		expect(q(5, 5)).toBe('snabba-vinster');
		expect(q(5, 1)).toBe('stora-satsningar');
		expect(q(1, 5)).toBe('kanske');
		expect(q(1, 1)).toBe('tidstjuvar');
	});

	it('puts the midpoint on the cautious side', () => {
		expect(q(3, 4)).toBe('kanske');
		expect(q(4, 3)).toBe('stora-satsningar');
		expect(q(3.5, 3.5)).toBe('snabba-vinster');
	});
});

describe('custom axes', () => {
	it('follows the direction each axis declares', () => {
		const axes: Axes = {
			worth: { label: 'Risk för patienten', better: 'low' },
			cost: { label: 'Kostnad', better: 'low' }
		};
		expect(quadrantOf(axes, 1, 1)).toBe('snabba-vinster');
		expect(quadrantOf(axes, 2, 4)).toBe('stora-satsningar');
		expect(quadrantOf(axes, 3, 2)).toBe('kanske');
		expect(quadrantOf(axes, 5, 5)).toBe('tidstjuvar');
	});
});
