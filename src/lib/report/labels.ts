import type { PatientDataKind } from '$lib/workshop/patient-data';
import type { ActionStatus } from '$lib/workshop/records/action';

/**
 * The Swedish words of the report. Reports are handed over as Swedish documents (the seeds
 * are), so the model carries Swedish labels rather than i18n keys: every renderer (Word,
 * PowerPoint, spreadsheet, Markdown, print) then shows the same words without a locale.
 */
export const PROFESSION_LABELS: Readonly<Record<string, string>> = {
	sjukskoterska: 'Sjuksköterska',
	lakare: 'Läkare',
	arbetsterapeut: 'Arbetsterapeut',
	fysioterapeut: 'Fysioterapeut',
	bistandshandlaggare: 'Biståndshandläggare',
	mas_mar: 'MAS/MAR',
	chef: 'Chef',
	vardsamordnare: 'Vårdsamordnare',
	ambulanssjukskoterska: 'Ambulanssjuksköterska',
	patient_narstaende: 'Patient/närstående',
	annan: 'Annan'
};

export const ORGANISATION_LABELS: Readonly<Record<string, string>> = {
	region: 'Region',
	kommun: 'Kommun',
	annan: 'Annan'
};

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
	planerad: 'Planerad',
	pagar: 'Pågår',
	genomford: 'Genomförd'
};

/** What replaces flagged patient data in an export that leaves it out (the default). */
export const REDACTION_MASKS: Readonly<Record<PatientDataKind, string>> = {
	personnummer: '[borttaget: möjligt personnummer]',
	samordningsnummer: '[borttaget: möjligt samordningsnummer]',
	phone: '[borttaget: möjligt telefonnummer]'
};

export const PATIENT_DATA_LABELS: Readonly<Record<PatientDataKind, string>> = {
	personnummer: 'Personnummer',
	samordningsnummer: 'Samordningsnummer',
	phone: 'Telefonnummer'
};

export const professionLabel = (key: string) => PROFESSION_LABELS[key] ?? key;
export const organisationLabel = (key: string) => ORGANISATION_LABELS[key] ?? key;
