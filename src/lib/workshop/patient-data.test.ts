import { describe, expect, it } from 'vitest';
import { findPatientData, hasPatientData, redactPatientData } from './patient-data';

const kinds = (text: string) => findPatientData(text).map((m) => m.kind);

describe('the patient-data guard', () => {
	it('finds a checksum-valid personnummer in its usual forms', () => {
		expect(kinds('Patienten 19121212-1212 ringde')).toEqual(['personnummer']);
		expect(kinds('pnr 121212-1212')).toEqual(['personnummer']);
		expect(kinds('191212121212')).toEqual(['personnummer']);
		expect(kinds('121212+1212 är över hundra')).toEqual(['personnummer']);
	});

	it('finds a samordningsnummer (day plus 60)', () => {
		expect(kinds('samordningsnr 701063-2391')).toEqual(['samordningsnummer']);
	});

	it('does not flag numbers whose check digit is wrong or whose date cannot exist', () => {
		expect(kinds('19121212-1213')).toEqual([]);
		expect(kinds('121312-1212')).toEqual([]);
	});

	it('finds Swedish phone numbers, written nationally or with +46', () => {
		expect(kinds('Ring 070-123 45 67 imorgon')).toEqual(['phone']);
		expect(kinds('+46 70 123 45 67')).toEqual(['phone']);
		expect(kinds('växeln 08-123 456 78')).toEqual(['phone']);
		expect(kinds('0701234567')).toEqual(['phone']);
	});

	it('raises no false alarm on dates, years, clock times, amounts or short numbers', () => {
		for (const text of [
			'Utskriven 2025-01-15 kl 08.00-16.00',
			'20250115',
			'år 2019 och 2020, vecka 12-14',
			'kostar 10 000 kr',
			'ring 112 eller 1177',
			'83 år, 3 läkemedel, 1/3 2024',
			'telefontiden 08:00-09:30'
		]) {
			expect(findPatientData(text), text).toEqual([]);
		}
	});

	// Every form people write numbers in: spaces, dots, dashes, brackets, +46 with or without
	// the trunk zero, with and without century (issue 14, break 7).
	const found: Array<[string, string]> = [
		['Ring Oskar på 070-123 45 67', '070-123 45 67'],
		['dottern (070-1234567) svarar', '070-1234567'],
		['070.123.45.67', '070.123.45.67'],
		['070 123 45 67', '070 123 45 67'],
		['tel. +46 70 123 45 67.', '+46 70 123 45 67'],
		['+46(0)70-123 45 67', '+46(0)70-123 45 67'],
		['0701234567', '0701234567'],
		['växeln (08) 123 456 78', '(08) 123 456 78'],
		['pnr 19550412 3455', '19550412 3455'],
		['19550412-3455', '19550412-3455'],
		['195504123455', '195504123455'],
		['550412-3455', '550412-3455'],
		['550412 3455', '550412 3455'],
		['5504123455', '5504123455'],
		['samordningsnr 19550472 3452', '19550472 3452'],
		['5504723452', '5504723452']
	];
	it.each(found)('finds the number in %j', (text, number) => {
		const matches = findPatientData(text);
		expect(matches.map((m) => text.slice(m.start, m.end))).toEqual([number]);
	});

	it('tells a samordningsnummer in every form', () => {
		expect(kinds('19550472 3452')).toEqual(['samordningsnummer']);
		expect(kinds('550472-3452')).toEqual(['samordningsnummer']);
		expect(kinds('5504723452')).toEqual(['samordningsnummer']);
	});

	it('raises no false alarm on the numbers of honest workshop text', () => {
		for (const text of [
			'Mötet 2024-04-21 kl 14.30',
			'2024-04-21',
			'14.30',
			'kl. 08.00 - 16.00 och 08:30–09:15',
			'20 områden blev 8',
			'1177 Vårdguiden',
			'år 1955, 1999 och 2024',
			'Vecka 12-14, 3 av 12 patienter, 45 minuter',
			'v. 2024-17, 2024.04.21',
			'Budget 1 200 000 kr',
			'0,5 mg två gånger dagligen',
			'ärende 2024/1234',
			'1-2 dagar, 5-10 min'
		]) {
			expect(findPatientData(text), text).toEqual([]);
		}
	});

	it('gives offsets that cover exactly the number, in reading order', () => {
		const text = 'A 070-123 45 67 och 19121212-1212.';
		const found = findPatientData(text);
		expect(found.map((m) => text.slice(m.start, m.end))).toEqual([
			'070-123 45 67',
			'19121212-1212'
		]);
		expect(hasPatientData(text)).toBe(true);
	});

	it('redacts each match and keeps the rest of the text', () => {
		expect(redactPatientData('Ring 070-123 45 67, pnr 19121212-1212.', (k) => `[${k}]`)).toBe(
			'Ring [phone], pnr [personnummer].'
		);
		expect(redactPatientData('inget här', () => 'x')).toBe('inget här');
	});
});
