import { findPatientData, type PatientDataKind } from './patient-data';

/** Fewer digits than this cannot be a Swedish phone number or a personnummer. */
const DIGITS_MIN = 7;

/**
 * The kinds of possible patient data in a text, each once, in reading order: what the
 * warning on a note or idea says while it is written. Texts with too few digits are passed
 * over before the validators run, so a board of 2,000 notes pays next to nothing.
 */
export function flaggedKinds(text: string): PatientDataKind[] {
	if (!mayHoldPatientData(text)) return [];
	return [...new Set(findPatientData(text).map((m) => m.kind))];
}

/** False when a text has too few digits to hold any patient data (the validators' cheap gate). */
export function mayHoldPatientData(text: string): boolean {
	let digits = 0;
	for (let i = 0; i < text.length && digits < DIGITS_MIN; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
	}
	return digits >= DIGITS_MIN;
}
