import ExcelJS from 'exceljs';
import type { InsightTable } from '$lib/report/insight-table';
import type { ReportArea, ReportModel } from '$lib/report/model';
import { neutralise } from './cells';

/**
 * The insight table as an Excel workbook with `exceljs` (maintained; not the registry's frozen
 * `xlsx` 0.18.5 with its known CVEs): sheet "Insikter" (header row, autofilter, frozen header)
 * and sheet "Förbättringsområden" (the seeds' table: Förbättringsområde | Underområde | Antal
 * insikter | Perspektiv). Text cells are neutralised like the CSV's; numbers stay numbers.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Value = string | number | null;

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
			...rows.map((r) => (r[i] === null ? 0 : String(r[i]).length))
		);
		column.width = Math.min(60, Math.max(10, longest + 2));
		column.alignment = { wrapText: true, vertical: 'top' };
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
	return new Uint8Array(await book.xlsx.writeBuffer());
}
