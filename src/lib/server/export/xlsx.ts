import ExcelJS from 'exceljs';
import type { InsightTable } from '$lib/report/insight-table';
import type { ReportArea, ReportModel } from '$lib/report/model';
import { neutralise } from './cells';
import { actionColumns } from '$lib/report/text';

/**
 * The insight table as an Excel workbook with `exceljs` (maintained; not the registry's frozen
 * `xlsx` 0.18.5 with its known CVEs): sheet "Insikter" (header row, autofilter, frozen header)
 * sheet "Förbättringsområden" (the seeds' table: Förbättringsområde | Underområde | Antal
 * insikter | Perspektiv), sheet "Handlingsplan" (the area and Region Halland's columns, the
 * date a real date) and sheet "Workshop" (title, date, purpose, who took part). Text cells are
 * neutralised like the CSV's; numbers and dates stay numbers and dates, so Swedish Excel shows
 * them with its decimal comma and sorts them.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Value = string | number | Date | null;

function addSheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: Value[][]) {
	const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRow(headers.map(neutralise)).font = { bold: true };
	for (const row of rows) {
		sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
	}
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
	sheet.columns.forEach((column, i) => {
		const longest = Math.max(
			headers[i]!.length,
			...rows.map((r) => (r[i] === null ? 0 : r[i] instanceof Date ? 10 : String(r[i]).length))
		);
		column.width = Math.min(60, Math.max(10, longest + 2));
		column.alignment = { wrapText: true, vertical: 'top' };
		if (rows.some((r) => r[i] instanceof Date)) column.numFmt = 'yyyy-mm-dd';
	});
	return sheet;
}

function perspective(area: ReportArea): string {
	return [area.professions.join(', '), area.organisations.join(', '), area.events.join(', ')]
		.filter(Boolean)
		.join(' · ');
}

export function areaRows(model: ReportModel): Value[][] {
	return model.areas.flatMap((area) => [
		[area.name, '', area.insights, perspective(area)],
		...area.children.map((c) => [area.name, c.name, c.insights, perspective(c)])
	]);
}

/** A YYYY-MM-DD day as a date cell (midnight UTC: Excel dates have no time zone). */
const day = (iso: string | null): Value =>
	iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : iso;

export function actionRows(model: ReportModel): Value[][] {
	return model.actions.map((a) => [
		a.area,
		...actionColumns.map((c) => (c.label === 'Datum' ? day(a.due) : c.value(a)))
	]);
}

export async function renderXlsx(table: InsightTable, model: ReportModel): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Samskapa';
	// A fixed time: the same workshop gives the same file, and no clock leaks into it.
	book.created = book.modified = new Date(0);
	addSheet(book, 'Insikter', table.headers, table.rows);
	addSheet(
		book,
		'Förbättringsområden',
		['Förbättringsområde', 'Underområde', 'Antal insikter', 'Perspektiv'],
		areaRows(model)
	);
	addSheet(
		book,
		'Handlingsplan',
		['Förbättringsområde', ...actionColumns.map((c) => c.label)],
		actionRows(model)
	);
	const about = book.addWorksheet('Workshop');
	about.columns = [{ width: 18 }, { width: 80, style: { alignment: { wrapText: true } } }];
	const facts: Array<[string, Value]> = [
		['Titel', model.title],
		['Datum', day(model.date)],
		['Syfte', model.purpose],
		['Processledare', model.facilitators.join(', ')],
		['Deltagare', model.participants.total],
		['Antal insikter', model.totalInsights]
	];
	for (const [label, value] of facts) {
		const row = about.addRow([label, typeof value === 'string' ? neutralise(value) : value]);
		row.getCell(1).font = { bold: true };
		if (value instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd';
	}
	return new Uint8Array(await book.xlsx.writeBuffer());
}
