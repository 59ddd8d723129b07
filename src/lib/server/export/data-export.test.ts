import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addReportFixture, FIXTURE_AREAS } from '$lib/report/fixture';
import { buildInsightTable } from '$lib/report/insight-table';
import { buildReportModel, type ReportInput } from '$lib/report/model';
import { demoDocument } from '$lib/server/demo';
import { addInsight } from '$lib/workshop/records/insight';
import { cellText, neutralise } from './cells';
import { csvField, renderCsv } from './csv';
import { md, renderMarkdown } from './markdown';
import { renderXlsx } from './xlsx';

function report(options: { round?: 'revealed' | 'closed'; includeFlagged?: boolean } = {}) {
	const board = demoDocument();
	const ids = addReportFixture(board, { round: options.round ?? 'revealed' });
	addInsight(board, {
		text: '=HYPERLINK("http://evil.example","klicka") ring 070-123 45 67',
		source: 'written',
		createdBy: null,
		areaId: ids.areas.team
	});
	const input: ReportInput = {
		workshop: { title: 'Oskar 83 – å ä ö', purpose: 'Syfte', date: '2025-04-20', anonymous: false },
		facilitators: ['Fia Facilitator'],
		members: [
			{
				role: 'participant',
				displayName: 'Sara',
				profession: 'sjukskoterska',
				organisation: 'kommun'
			}
		],
		board,
		viewer: 'facilitator',
		options: { includeFlagged: options.includeFlagged ?? false }
	};
	const model = buildReportModel(input);
	return { input, model, table: buildInsightTable(input, model) };
}

describe('neutralising spreadsheet formulas', () => {
	it.each(['=1+1', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx'])(
		'prefixes %j with an apostrophe',
		(s) => {
			expect(neutralise(s)).toBe(`'${s}`);
		}
	);
	it('leaves other text and numbers alone', () => {
		expect(neutralise('Ingen ringer = problem')).toBe('Ingen ringer = problem');
		expect(cellText(-2)).toBe('-2');
		expect(cellText(3.5)).toBe('3,5');
		expect(cellText(null)).toBe('');
	});
});

describe('CSV', () => {
	it('quotes ; " and line breaks', () => {
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('säger "nej"')).toBe('"säger ""nej"""');
		expect(csvField('rad1\nrad2')).toBe('"rad1\nrad2"');
		expect(csvField('rad1\r\nrad2')).toBe('"rad1\r\nrad2"');
		expect(csvField('enkel')).toBe('enkel');
	});

	it('starts with a BOM, ends lines with CRLF, one row per insight, neutralised', () => {
		const { table } = report();
		const csv = renderCsv(table);
		expect(csv.startsWith('\uFEFFFörbättringsområde;Underområde;Insikt;')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines.at(-1)).toBe('');
		expect(lines.length - 2).toBe(table.rows.length);
		expect(csv).toContain(
			`;"'=HYPERLINK(""http://evil.example"",""klicka"") ring [borttaget: möjligt telefonnummer]";`
		);
		expect(csv).not.toMatch(/;=HYPERLINK/);
		expect(csv).toContain(FIXTURE_AREAS.samverkan);
		expect(csv).toContain('Information före första hembesöket');
	});

	it('includes flagged text only when asked', () => {
		expect(renderCsv(report({ includeFlagged: true }).table)).toContain('070-123 45 67');
	});

	it('has no scores before a reveal', () => {
		const { table } = report({ round: 'closed' });
		const worth = table.headers.indexOf('Nytta (median)');
		expect(worth).toBeGreaterThan(0);
		expect(table.rows.every((r) => r[worth] === null)).toBe(true);
		const revealed = report().table;
		expect(revealed.rows.some((r) => typeof r[worth] === 'number')).toBe(true);
	});
});

describe('XLSX', () => {
	it('holds both sheets, a header row with autofilter and neutralised cells', async () => {
		const { table, model } = report();
		const zip = await JSZip.loadAsync(await renderXlsx(table, model));
		const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
		const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		const book = await zip.file('xl/workbook.xml')!.async('string');
		expect(book).toContain('name="Insikter"');
		expect(book).toContain('name="Förbättringsområden"');
		expect(sheet1).toMatch(/<autoFilter ref="A1:M1"/);
		expect(strings).toContain(FIXTURE_AREAS.samverkan);
		expect(strings).toContain('Förbättringsområde');
		expect(strings).toMatch(/(&apos;|')=HYPERLINK\(/);
		expect(strings).not.toMatch(/<t[^>]*>=HYPERLINK/);
		expect(sheet1).not.toContain('<f>');
	});
});

describe('XLSX for a project lead', () => {
	it('has the action plan with its area and real dates, and the workshop with its date', async () => {
		const { table, model } = report();
		const zip = await JSZip.loadAsync(await renderXlsx(table, model));
		const book = await zip.file('xl/workbook.xml')!.async('string');
		expect(book).toContain('name="Handlingsplan"');
		expect(book).toContain('name="Workshop"');
		const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
		const plan = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
		expect(strings).toContain('Områdeschef hemsjukvård');
		expect(strings).toContain('Steg i processen');
		// 2025-10-01 as a date serial (days since 1899-12-30), not as text.
		expect(plan).toMatch(/<v>45931<\/v>/);
		const about = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
		expect(about).toMatch(/<v>45767<\/v>/); // 2025-04-20, the workshop's date
		expect(model.date).toBe('2025-04-20');
	});
});

describe('decimal comma in the Swedish reports', () => {
	it('writes medians as 4,5 in Markdown', () => {
		const text = renderMarkdown(report().model);
		expect(text).toMatch(/\| 4,5 \|/);
		expect(text).not.toMatch(/\| 4\.5 \|/);
	});
});

describe('Markdown', () => {
	it('escapes markup in what people wrote', () => {
		expect(md('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
		expect(md('# rubrik | cell')).toBe('\\# rubrik \\| cell');
		expect(md('- punkt')).toBe('\\- punkt');
	});

	it('renders the whole report', () => {
		const { model } = report();
		const text = renderMarkdown(model);
		expect(text.startsWith('# Oskar 83 – å ä ö')).toBe(true);
		for (const heading of [
			'## Persona',
			'## Patientresan',
			'## Förbättringsområden',
			'## Prioriteringsmatris',
			'## Prioriterade områden',
			'## Handlingsplan',
			'## Sammanfattning'
		]) {
			expect(text).toContain(heading);
		}
		expect(text).toContain(`| ${FIXTURE_AREAS.samverkan} |`);
		expect(text).not.toContain('070-123 45 67');
	});
});
