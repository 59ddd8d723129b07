import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import Personnummer from 'personnummer';

/**
 * The patient-data guard: workshop notes are about care, and a real patient's personnummer or
 * samordningsnummer, or a phone number, must not end up in a report. Validation is left to
 * well-kept packages (`personnummer` checks the date and the Luhn digit, `libphonenumber-js`
 * the Swedish numbering plan); this module only finds candidates in free text and keeps dates,
 * years and clock times from raising false alarms.
 */
export type PatientDataKind = 'personnummer' | 'samordningsnummer' | 'phone';

export interface PatientDataMatch {
	kind: PatientDataKind;
	/** Offsets into the text, end exclusive. */
	start: number;
	end: number;
}

// Ten or twelve digits, optionally split before the last four by -, + or a space: the forms
// people write a personnummer in. Digits right before or after mean it is part of a longer number.
const ID_CANDIDATE = /(?<![\d-])(\d{6}|\d{8})([-+ ]?)(\d{4})(?![\d])/g;

function identityNumbers(text: string): PatientDataMatch[] {
	const found: PatientDataMatch[] = [];
	for (const m of text.matchAll(ID_CANDIDATE)) {
		const candidate = m[0];
		const options = { allowCoordinationNumber: true, allowInterimNumber: false };
		if (!Personnummer.valid(candidate, options)) continue;
		const kind = Personnummer.parse(candidate, options).isCoordinationNumber()
			? 'samordningsnummer'
			: 'personnummer';
		found.push({ kind, start: m.index, end: m.index + candidate.length });
	}
	return found;
}

function phoneNumbers(text: string): PatientDataMatch[] {
	return findPhoneNumbersInText(text, 'SE')
		.filter((m) => {
			const raw = text.slice(m.startsAt, m.endsAt);
			// Swedish numbers are written from their leading 0 or +46; a match that starts with
			// another digit is a date (2025-01-15) and one with a dot or colon a clock time.
			return /^[0+]/.test(raw) && !/[.:]/.test(raw);
		})
		.map((m) => ({ kind: 'phone' as const, start: m.startsAt, end: m.endsAt }));
}

/** Every personnummer, samordningsnummer and phone number in `text`, in reading order. */
export function findPatientData(text: string): PatientDataMatch[] {
	const ids = identityNumbers(text);
	const overlaps = (m: PatientDataMatch) => ids.some((id) => m.start < id.end && id.start < m.end);
	return [...ids, ...phoneNumbers(text).filter((m) => !overlaps(m))].sort(
		(a, b) => a.start - b.start
	);
}

export const hasPatientData = (text: string): boolean => findPatientData(text).length > 0;

/** The text with every match replaced by `mask(kind)`, for exports that leave flagged text out. */
export function redactPatientData(text: string, mask: (kind: PatientDataKind) => string): string {
	let out = '';
	let at = 0;
	for (const m of findPatientData(text)) {
		out += text.slice(at, m.start) + mask(m.kind);
		at = m.end;
	}
	return out + text.slice(at);
}
