import { formatNumber } from '$lib/format/number';
import type { EmotionSummary } from '$lib/workshop/emotions';
import type { ReportAction, ReportArea, ReportModel } from './model';

/**
 * Sentences and columns every renderer of the report writes the same way (Word, PowerPoint,
 * Markdown, print), so the formats read alike.
 */

/** The action plan's columns, in the order regions hand them over (Region Halland's table). */
export const actionColumns: ReadonlyArray<{ label: string; value: (a: ReportAction) => string }> = [
	{ label: 'Steg i processen', value: (a) => a.step },
	{ label: 'Nuläge', value: (a) => a.current },
	{ label: 'Önskat läge', value: (a) => a.desired },
	{ label: 'Förslag åtgärder', value: (a) => a.proposal },
	{ label: 'Aktivitetsplan', value: (a) => a.plan },
	{ label: 'Ansvarig', value: (a) => a.owner },
	{ label: 'Datum', value: (a) => a.due ?? '' },
	{ label: 'Status', value: (a) => a.status }
];

/** "5 insikter · 3 yrkesroller (Läkare, …) · Region, Kommun · Händelse 1, Händelse 3". */
export function areaPerspective(area: ReportArea): string {
	const parts = [];
	if (area.professions.length) {
		parts.push(
			`${area.professions.length} ${area.professions.length === 1 ? 'yrkesroll' : 'yrkesroller'} (${area.professions.join(', ')})`
		);
	}
	if (area.organisations.length) parts.push(area.organisations.join(', '));
	if (area.events.length) parts.push(area.events.join(', '));
	return parts.join(' · ');
}

export function dateLine(model: ReportModel): string {
	return model.date ? `Workshop ${model.date}` : 'Workshop';
}

/** A number as Swedish writes it: decimal comma, minus sign (4,5; −0,5); reports are Swedish. */
export function decimal(n: number): string {
	return formatNumber(n, 'sv');
}

const FEELINGS = ['mycket dåligt', 'dåligt', 'neutralt', 'bra', 'mycket bra'];

/** "bra (median 1, spann −1 till 2, 6 svar)"; empty when nobody rated the event. */
export function emotionWord(e: EmotionSummary): string {
	if (e.count === 0 || e.median === null) return '';
	const word = FEELINGS[Math.round(e.median) + 2] ?? '';
	const sign = (v: number) => (v > 0 ? `+${decimal(v)}` : v < 0 ? decimal(v) : '0');
	return `${word} (median ${sign(e.median)}, spann ${sign(e.min!)} till ${sign(e.max!)}, ${e.count} svar)`;
}

/** Said at the top of a report from which flagged text was left out. */
export function flagNotice(model: ReportModel): string | null {
	if (!model.redacted) return null;
	return `${model.flags.length} möjliga patientuppgifter (personnummer, samordningsnummer eller telefonnummer) har tagits bort ur rapporten.`;
}

const OPENING = /^["”“«»„'‘’]+/;
const CLOSING = /["”“«»'‘’]+$/;

/**
 * A quote in Swedish quotation marks (”…”), once: a quote someone already typed in quotation
 * marks of any kind keeps its words and gets the report's marks instead of a second pair.
 */
export function quoted(text: string): string {
	const trimmed = text.trim();
	const bare =
		OPENING.test(trimmed) && CLOSING.test(trimmed)
			? trimmed.replace(OPENING, '').replace(CLOSING, '').trim()
			: trimmed;
	return `”${bare || trimmed}”`;
}
