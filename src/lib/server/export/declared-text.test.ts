import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { buildInsightTable } from '$lib/report/insight-table';
import { buildReportModel, type ReportInput } from '$lib/report/model';
import { renderMatrixSvg } from '$lib/workshop/analysis/matrix-svg';
import { layouts } from '$lib/workshop/layout';
import { sampleRecords } from '$lib/workshop/layout-sample';
import { boardDocFrom } from '$lib/workshop/workshop-import';
import { buildWorkshopFile, redactRecords } from '$lib/workshop/workshop-json';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderMarkdown } from './markdown';
import { renderPptx } from './pptx';
import { fileSlug } from './report';
import { renderXlsx } from './xlsx';

/**
 * Every declared text field of every record, filled with patient data, through every export
 * format: the board is built from the declarations alone (layout-sample.ts), so a new record
 * type or text field is covered without a change here. A format that leaves a record out is
 * fine; a format that shows its text unmasked fails.
 */

/** The Luhn digit of a personnummer's first nine digits. */
function luhn(nine: string): number {
	let sum = 0;
	for (let i = 0; i < nine.length; i++) {
		let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
		if (d > 9) d -= 9;
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

interface Planted {
	where: string;
	text: string;
	/** The digits that must never show, in any spacing. */
	core: string;
}

/** A distinct phone number or personnummer per text, in every form people write them. */
function planter() {
	const planted: Planted[] = [];
	let n = 0;
	const forms: Array<(n: number) => { text: string; core: string }> = [
		...[
			(d: string) => `Ring Oskar på 070-${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
			(d: string) => `dottern (070-${d})`,
			(d: string) => `070.${d.slice(0, 3)}.${d.slice(3, 5)}.${d.slice(5)}`,
			(d: string) => `tel 070 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
			(d: string) => `+46 70 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
			(d: string) => `+46(0)70-${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
			(d: string) => `070${d}`
		].map((form) => (i: number) => {
			const d = String(1234567 + i * 7).padStart(7, '0');
			return { text: form(d), core: `70${d}` };
		}),
		...[
			(c: string, nnnc: string) => `pnr 19${c} ${nnnc}`,
			(c: string, nnnc: string) => `19${c}-${nnnc}`,
			(c: string, nnnc: string) => `${c}-${nnnc}`,
			(c: string, nnnc: string) => `${c}${nnnc}`
		].map((form) => (i: number) => {
			// Every other one a samordningsnummer (day + 60).
			const date = i % 2 ? '550472' : '550412';
			const serial = String(100 + (i % 900));
			const nnnc = `${serial}${luhn(date + serial)}`;
			return { text: form(date, nnnc), core: date + nnnc };
		})
	];
	return {
		planted,
		text(where: string): string {
			const { text, core } = forms[n % forms.length]!(n);
			n++;
			planted.push({ where, text, core });
			return text;
		}
	};
}

/** The core's digits with any few non-digits between them: the number however it is spaced. */
const leakOf = (core: string) => new RegExp(core.split('').join('\\D{0,3}'));

/** Every XML part of an Office file with its tags removed: the text a reader would see. */
async function textOf(file: Uint8Array): Promise<string> {
	const zip = await JSZip.loadAsync(file);
	const parts = await Promise.all(
		Object.keys(zip.files)
			.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
			.map((n) => zip.file(n)!.async('string'))
	);
	return parts.join('\n');
}
// Apart, so that numbers of neighbouring elements (cell indices) never read as one.
const withoutTags = (xml: string) => xml.replace(/<[^>]*>/g, '    ');

const facts = (title: string, purpose: string) => ({
	id: 'w1',
	title,
	purpose,
	date: '2026-03-01',
	anonymous: false,
	participantsMayExport: false
});

/** Every export format of one board, as text. */
async function allFormats(
	board: Y.Doc,
	workshop: { title: string; purpose: string },
	includeFlagged: boolean
) {
	const input: ReportInput = {
		workshop: { ...workshop, date: '2026-03-01', anonymous: false },
		facilitators: ['Fia'],
		members: [
			{ role: 'participant', displayName: 'Sara', profession: 'lakare', organisation: 'region' }
		],
		board,
		viewer: 'facilitator',
		options: { includeFlagged }
	};
	const model = buildReportModel(input);
	const table = buildInsightTable(input, model);
	const json = buildWorkshopFile(board, facts(workshop.title, workshop.purpose), {
		exportedAt: new Date(0),
		includeFlagged
	});
	const [docxXml, pptxXml, xlsxXml] = await Promise.all([
		renderDocx(model).then(textOf),
		renderPptx(model).then(textOf),
		renderXlsx(table, model).then(textOf)
	]);
	return {
		docx: withoutTags(docxXml),
		docxXml,
		pptx: withoutTags(pptxXml),
		pptxXml,
		xlsx: withoutTags(xlsxXml),
		xlsxXml,
		csv: renderCsv(table),
		markdown: renderMarkdown(model),
		// The print view (rapport) renders the model with Svelte, which escapes text; its one
		// raw HTML is this matrix.
		printMatrix: model.matrix
			? renderMatrixSvg(model.matrix.points, { axes: model.matrix.axes, title: 'Matris' })
			: '',
		json: JSON.stringify(json)
	};
}

const boardLayouts = layouts.filter((l) => l.exported);

// Four renderings of every format of a 200-record board: seconds on a shared machine.
describe('every declared text field, in every export format', { timeout: 60_000 }, () => {
	it('is masked wherever a format shows it, and shown when flagged text is included', async () => {
		for (const layout of boardLayouts) {
			const plant = planter();
			const board = boardDocFrom(sampleRecords(layout.records, { text: plant.text }));
			const title = plant.text('workshop.title');
			const purpose = plant.text('workshop.purpose');
			const declared = plant.planted.length;
			expect(declared).toBeGreaterThan(layout.records.length);

			const masked = await allFormats(board, { title, purpose }, false);
			const leaks = Object.entries(masked).flatMap(([format, text]) =>
				plant.planted.filter((p) => leakOf(p.core).test(text)).map((p) => `${format}: ${p.where}`)
			);
			expect(leaks, 'patient data left unmasked').toEqual([]);

			// The same board with flagged text included: every planted text is in the workshop
			// file (the board was built whole), and each format shows some of them, so the check
			// above looked at formats that do carry the records' text.
			const open = await allFormats(board, { title, purpose }, true);
			const missing = plant.planted.filter((p) => !leakOf(p.core).test(open.json));
			expect(missing.map((p) => p.where)).toEqual([]);
			const formats = ['docx', 'pptx', 'xlsx', 'csv', 'markdown', 'printMatrix'] as const;
			const vacuous = formats.filter(
				(format) => !plant.planted.some((p) => leakOf(p.core).test(open[format]))
			);
			expect(vacuous, 'formats that show no record text at all').toEqual([]);
			for (const p of [title, purpose]) {
				for (const format of ['docx', 'pptx', 'markdown', 'json'] as const) {
					expect(open[format].includes(p), `${format} shows the title and purpose`).toBe(true);
				}
			}
		}
	});

	it('is escaped: formulas neutralised in spreadsheets, markup harmless in Markdown and XML', async () => {
		const hostile = '=1+2 <script>alert(1)</script>';
		for (const layout of boardLayouts) {
			const board = boardDocFrom(sampleRecords(layout.records, { text: () => hostile }));
			const out = await allFormats(board, { title: hostile, purpose: hostile }, false);
			// CSV: no cell starts with a formula; the text is there, behind an apostrophe.
			expect(/(^|;|\r\n|\uFEFF)"?=/.test(out.csv)).toBe(false);
			expect(out.csv.includes(`'=1+2`)).toBe(true);
			// XLSX: no string cell starts with a formula, and no cell is a formula.
			expect(/<t[^>]*>=/.test(out.xlsxXml)).toBe(false);
			expect(/<t[^>]*>(&apos;|')=1\+2/.test(out.xlsxXml)).toBe(true);
			expect(out.xlsxXml.includes('<f>')).toBe(false);
			// Markdown: the tag is text (escaped), never markup.
			expect(/(^|[^\\])<\/?script/m.test(out.markdown)).toBe(false);
			expect(out.markdown.includes('\\<script\\>')).toBe(true);
			// Word, PowerPoint and the print view's matrix are XML: the tag is an escaped string.
			for (const format of ['docxXml', 'pptxXml', 'printMatrix'] as const) {
				expect(out[format].includes('<script'), format).toBe(false);
				expect(out[format].includes('&lt;script&gt;'), format).toBe(true);
			}
			// The workshop file is data: the text comes back as written.
			expect(out.json.includes(JSON.stringify(hostile).slice(1, -1))).toBe(true);
		}
	});
});

describe('masking by declaration', () => {
	it('masks every declared text field of every layout, private documents too', () => {
		for (const layout of layouts) {
			const plant = planter();
			const data = sampleRecords(layout.records, { text: plant.text });
			redactRecords(layout.records, data);
			const json = JSON.stringify(data);
			const leaks = plant.planted.filter((p) => leakOf(p.core).test(json));
			expect(
				leaks.map((p) => `${layout.name}: ${p.where}`),
				'unmasked'
			).toEqual([]);
		}
	});
});

describe('the download file name', () => {
	it('leaves out patient data in the title', () => {
		expect(fileSlug('Oskar 83 – ring 070-123 45 67')).toBe('oskar-83-ring');
		expect(fileSlug('Patient 19550412-3455')).toBe('patient');
		expect(fileSlug('Oskar 83 – Hälso- och sjukvård')).toBe('oskar-83-halso-och-sjukvard');
	});
});
