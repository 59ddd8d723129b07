import { describe, expect, it } from 'vitest';
import { flaggedKinds } from './patient-data-flag';

describe('flaggedKinds (the warning while a note is written)', () => {
	it('flags a valid personnummer, a samordningsnummer and a phone number', () => {
		expect(flaggedKinds('Patienten 19121212-1212 ringde')).toEqual(['personnummer']);
		expect(flaggedKinds('Samordningsnr 701063-2391')).toEqual(['samordningsnummer']);
		expect(flaggedKinds('Ring 070-123 45 67 i morgon')).toEqual(['phone']);
		expect(flaggedKinds('121212-1212 och 070-123 45 67')).toEqual(['personnummer', 'phone']);
	});

	it('says nothing for dates, years, an invalid number or short texts', () => {
		expect(flaggedKinds('Utskriven 2025-01-15 kl 14.30')).toEqual([]);
		expect(flaggedKinds('Sedan 1998 och 2024')).toEqual([]);
		expect(flaggedKinds('19121212-1213')).toEqual([]);
		expect(flaggedKinds('Rum 12')).toEqual([]);
	});
});
