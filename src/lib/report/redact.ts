import {
	findPatientData,
	redactPatientData,
	type PatientDataKind
} from '$lib/workshop/patient-data';
import { REDACTION_MASKS } from './labels';

/** One patient-data match in the report's text: where, which kind, and a masked excerpt. */
export interface ReportFlag {
	/** Where in the workshop, in Swedish ("Citat · Händelse 2 · Vad skaver?"). */
	where: string;
	kind: PatientDataKind;
	/** The text around the match with the match's digits hidden: enough to find it, not to read it. */
	excerpt: string;
}

const CONTEXT = 30;
const mask = (kind: PatientDataKind) => REDACTION_MASKS[kind];

/**
 * Every kind the guard finds has at least eight digits (a personnummer ten, a Swedish phone
 * number eight or more), so text with fewer than seven (one to spare) is skipped: the
 * validators cost about 0.3 ms a text, which a 500-note report would otherwise pay on every note.
 */
const MIN_DIGITS = 7;
const mayHoldPatientData = (text: string) => (text.match(/\d/g)?.length ?? 0) >= MIN_DIGITS;

/** The match's digits as dots, so the excerpt shows the shape of a number but not the number. */
const hide = (s: string) => s.replace(/\d/g, '•');

function excerptOf(text: string, start: number, end: number): string {
	const from = Math.max(0, start - CONTEXT);
	const to = Math.min(text.length, end + CONTEXT);
	// Any other number in the context is hidden too: an excerpt must never carry patient data.
	const before = redactPatientData(text.slice(from, start), mask);
	const after = redactPatientData(text.slice(end, to), mask);
	return `${from > 0 ? '…' : ''}${before}${hide(text.slice(start, end))}${after}${to < text.length ? '…' : ''}`;
}

/**
 * Runs every text of the report through the patient-data guard: records each match as a flag
 * and returns the text redacted, or as written when the viewer asked to include flagged text.
 */
export function createRedactor(includeFlagged: boolean) {
	const flags: ReportFlag[] = [];
	return {
		flags,
		text(value: string, where: string): string {
			const found = mayHoldPatientData(value) ? findPatientData(value) : [];
			if (found.length === 0) return value;
			const safeWhere = redactPatientData(where, mask);
			for (const m of found) {
				flags.push({ where: safeWhere, kind: m.kind, excerpt: excerptOf(value, m.start, m.end) });
			}
			return includeFlagged ? value : redactPatientData(value, mask);
		}
	};
}
