import { describe, expect, it } from 'vitest';
import { loadPatientDataCheck, patientDataKinds } from './patient-data-check.svelte';

// The page's reading again once they arrive is covered by tests/e2e/data.spec.ts (a browser).
describe('patientDataKinds (the warning, with its validators loaded on demand)', () => {
	it('reads [] until the validators are here, then flags', async () => {
		expect(patientDataKinds('Rum 12, hembesök')).toEqual([]);
		expect(patientDataKinds('Patienten 19121212-1212 ringde')).toEqual([]);
		await loadPatientDataCheck();
		expect(patientDataKinds('Patienten 19121212-1212 ringde')).toEqual(['personnummer']);
		expect(patientDataKinds('Ring 070-123 45 67 i morgon')).toEqual(['phone']);
		expect(patientDataKinds('121212-1212 och 070-123 45 67')).toEqual(['personnummer', 'phone']);
		expect(patientDataKinds('Utskriven 2025-01-15 kl 14.30')).toEqual([]);
	});
});
