import type { Cell } from '$lib/report/insight-table';

/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or tab, CR) is read as a
 * formula by Excel and LibreOffice, so a note like `=HYPERLINK("http://…")` could run when
 * the file is opened. Such text gets a leading apostrophe (OWASP's advice): it shows, and it
 * stays text. Numbers are numbers and need none.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as text for a Swedish spreadsheet: decimal comma, neutralised text, '' for none. */
export function cellText(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return String(cell).replace('.', ',');
	return neutralise(cell);
}
