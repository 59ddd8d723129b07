import { findPatientData, type PatientDataKind } from './patient-data';
import { mayHoldPatientData } from './patient-data-gate';

/**
 * The kinds of possible patient data in a text, each once, in reading order: what the
 * warning on a note or idea says while it is written. Texts with too few digits are passed
 * over before the validators run, so a board of 2,000 notes pays next to nothing.
 */
export function flaggedKinds(text: string): PatientDataKind[] {
	if (!mayHoldPatientData(text)) return [];
	return [...new Set(findPatientData(text).map((m) => m.kind))];
}
