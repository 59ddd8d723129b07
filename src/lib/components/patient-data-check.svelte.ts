import type { PatientDataKind } from '$lib/workshop/patient-data';
import { mayHoldPatientData } from '$lib/workshop/patient-data-gate';

type Check = (text: string) => PatientDataKind[];

let check = $state.raw<Check | null>(null);
let loading: Promise<void> | null = null;

/**
 * Loads the validators (libphonenumber-js and personnummer, 140 KiB: more than the rest of
 * the board's own code) the first time a text could hold patient data, not with the page.
 */
export function loadPatientDataCheck(): Promise<void> {
	loading ??= import('$lib/workshop/patient-data-flag').then(
		(module) => {
			check = module.flaggedKinds;
		},
		(error: unknown) => {
			// A failed download (offline) is tried again on the next text.
			loading = null;
			throw error;
		}
	);
	return loading;
}

/**
 * flaggedKinds (patient-data-flag.ts) for components, reactive: a text with enough digits
 * reads [] until the validators have arrived (a moment, once per page load), then its kinds.
 */
export function patientDataKinds(text: string): PatientDataKind[] {
	if (!mayHoldPatientData(text)) return [];
	if (check) return check(text);
	loadPatientDataCheck().catch(() => {});
	return [];
}
