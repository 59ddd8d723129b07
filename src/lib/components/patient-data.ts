import { m } from '$lib/paraglide/messages';
import type { PatientDataKind } from '$lib/workshop/patient-data';

/** The warning for each kind of possible patient data, in the reader's language. */
export const patientDataMessages: Record<PatientDataKind, () => string> = {
	personnummer: m.patient_data_personnummer,
	samordningsnummer: m.patient_data_samordningsnummer,
	phone: m.patient_data_phone
};
