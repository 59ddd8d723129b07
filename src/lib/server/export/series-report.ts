import {
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { REDACTION_MASKS } from '$lib/report/labels';
import { redactPatientData } from '$lib/workshop/patient-data';
import type { ActionStatus } from '$lib/workshop/records/action';
import type { SeriesOverview } from '../services/series';
import { md } from './markdown';

/**
 * The series report (issue 17), in Swedish like every report: the series' workshops, the
 * areas through the series and what was prioritised when, and the action plan's follow-up as
 * the latest workshop holds it. Text flagged as possible patient data is masked, as in the
 * workshop reports' default.
 */

const STATUS: Record<ActionStatus, string> = {
	genomford: 'Genomfört och fortgår',
	pagar: 'Pågår',
	planerad: 'Planerad'
};
const FOLLOW_UP: readonly ActionStatus[] = ['genomford', 'pagar', 'planerad'];
const CELL = { absent: '–', present: 'Med', prioritised: 'Prioriterad' } as const;

const MONTHS = [
	'januari',
	'februari',
	'mars',
	'april',
	'maj',
	'juni',
	'juli',
	'augusti',
	'september',
	'oktober',
	'november',
	'december'
];

/** "21 april 2026", as a Swedish report writes a date. */
export function swedishDate(date: string | null): string {
	if (!date) return 'utan datum';
	const [y, mo, d] = date.split('-').map(Number);
	return `${d} ${MONTHS[(mo ?? 1) - 1]} ${y}`;
}

const clean = (text: string) => redactPatientData(text, (kind) => REDACTION_MASKS[kind]);

/** "från workshop 2, 21 april 2026" */
export function provenance(from: { position: number; date: string | null }): string {
	return `från workshop ${from.position}, ${swedishDate(from.date)}`;
}

interface Section {
	heading: string;
	paragraphs?: string[];
	table?: { headers: string[]; rows: string[][] };
}

function sections(o: SeriesOverview): { title: string; sections: Section[] } {
	const out: Section[] = [];
	out.push({
		heading: 'Workshoppar i serien',
		table: {
			headers: ['Nr', 'Workshop', 'Datum', 'Områden', 'Prioriterade områden'],
			rows: o.workshops.map((w) => [
				String(w.position),
				clean(w.title),
				swedishDate(w.date),
				String(w.areas),
				w.prioritised.map(clean).join(', ') || '–'
			])
		}
	});
	out.push({
		heading: 'Förbättringsområden genom serien',
		paragraphs:
			o.areas.length === 0
				? ['Inga förbättringsområden ännu.']
				: ['Ett område räknas som samma område i två workshoppar när namnet är detsamma.'],
		table:
			o.areas.length === 0
				? undefined
				: {
						headers: ['Område', ...o.workshops.map((w) => `Workshop ${w.position}`)],
						rows: o.areas.map((a) => [clean(a.name), ...a.cells.map((c) => CELL[c])])
					}
	});
	const title = o.latest ? clean(o.latest.title) : '';
	for (const status of FOLLOW_UP) {
		const actions = o.actions.filter((a) => a.status === status);
		out.push({
			heading: `Handlingsplanens uppföljning: ${STATUS[status]}`,
			paragraphs: actions.length === 0 ? ['Inga åtgärder.'] : [`Som workshoppen ${title} har den.`],
			table:
				actions.length === 0
					? undefined
					: {
							headers: ['Område', 'Förslag åtgärder', 'Ansvarig', 'Datum', 'Ursprung'],
							rows: actions.map((a) => [
								clean(a.area),
								clean(a.proposal || a.step),
								clean(a.owner),
								a.due ?? '',
								a.from ? provenance(a.from) : `ny i workshop ${o.latest?.position ?? ''}`
							])
						}
		});
	}
	return { title: `Serie: ${clean(o.series.title)}`, sections: out };
}

export function renderSeriesMarkdown(o: SeriesOverview): string {
	const { title, sections: parts } = sections(o);
	const lines = [`# ${md(title)}`, ''];
	for (const s of parts) {
		lines.push(`## ${md(s.heading)}`, '');
		for (const p of s.paragraphs ?? []) lines.push(md(p), '');
		if (s.table) {
			const cell = (t: string) => md(t) || ' ';
			lines.push(`| ${s.table.headers.map(cell).join(' | ')} |`);
			lines.push(`| ${s.table.headers.map(() => '---').join(' | ')} |`);
			for (const r of s.table.rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
			lines.push('');
		}
	}
	return lines.join('\n');
}

export async function renderSeriesDocx(o: SeriesOverview): Promise<Uint8Array> {
	const { title, sections: parts } = sections(o);
	const children: Array<Paragraph | Table> = [
		new Paragraph({ text: title, heading: HeadingLevel.TITLE })
	];
	const cell = (text: string, bold = false) =>
		new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
	for (const s of parts) {
		children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
		for (const p of s.paragraphs ?? []) children.push(new Paragraph({ text: p }));
		if (s.table) {
			children.push(
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({
							tableHeader: true,
							children: s.table.headers.map((h) => cell(h, true))
						}),
						...s.table.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))
					]
				})
			);
		}
	}
	const doc = new Document({
		creator: 'Samskapa',
		title,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children }]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
