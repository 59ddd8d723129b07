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
		// The package knows - and +, not the space people also type ("19550412 3455"); a space
		// means the same as a dash.
		const candidate = `${m[1]}${m[2] === ' ' ? '-' : m[2]}${m[3]}`;
		const options = { allowCoordinationNumber: true, allowInterimNumber: false };
		if (!Personnummer.valid(candidate, options)) continue;
		const kind = Personnummer.parse(candidate, options).isCoordinationNumber()
			? 'samordningsnummer'
			: 'personnummer';
		found.push({ kind, start: m.index, end: m.index + m[0].length });
	}
	return found;
}

// A range of clock times ("08.00-16.00"), which the phone parser would read as the Stockholm
// number 08-001 600. A dotted number's groups may look like a time ("070.123.12.30"), so only a
// range counts; a colon is never part of a phone number.
const HOUR = '(?:[01]?\\d|2[0-3])[.:][0-5]\\d';
const TIME_RANGE = new RegExp(`(?<!\\d)${HOUR}\\s*[-–]\\s*${HOUR}(?!\\d)|:`);

function phoneNumbers(text: string): PatientDataMatch[] {
	return findPhoneNumbersInText(text, 'SE').flatMap((m) => {
		const raw = text.slice(m.startsAt, m.endsAt);
		// Swedish numbers are written from their leading 0 or +46, also in brackets
		// ("(070-1234567)", "(08) 123 456 78"); a match that starts with another digit is a
		// date (2025-01-15), and one holding a range of clock times is not a number.
		if (!/^\(?[0+]/.test(raw) || TIME_RANGE.test(raw)) return [];
		// The mask keeps an opening bracket whose closing one is outside the match.
		const start = raw.startsWith('(') && !raw.includes(')') ? m.startsAt + 1 : m.startsAt;
		return [{ kind: 'phone' as const, start, end: m.endsAt }];
	});
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
