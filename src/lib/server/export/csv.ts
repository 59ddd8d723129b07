import type { InsightTable } from '$lib/report/insight-table';
import { cellText } from './cells';

/**
 * The insight table as CSV the way Swedish Excel opens it without an import dialog: a UTF-8
 * byte-order mark (else å ä ö come out as Ã¥), semicolons (the comma is the decimal sign),
 * CRLF line ends, RFC 4180 quoting of ; " and line breaks, and neutralised formulas.
 */
export const CSV_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

export function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(table: InsightTable): string {
	const lines = [table.headers, ...table.rows].map((row) =>
		row.map((cell) => csvField(cellText(cell))).join(';')
	);
	return BOM + lines.join('\r\n') + '\r\n';
}
