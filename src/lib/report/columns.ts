/**
 * Column widths for a report table that never break a word in two: each column is at least as
 * wide as its longest word (a word processor splits a word that does not fit mid-word), the
 * rest of the width shared as asked. Widths are in twips (1/1440 in), as Word's tables take them.
 */

/**
 * Glyph width as a share of the font size, generous: bold headers in the font a reader has
 * instead of Calibri (LibreOffice's DejaVu Sans Bold) broke "Förbättringsområde" at 0.6.
 */
const CHAR_EM = 0.7;
const TWIPS_PER_PT = 20;

export function longestWord(texts: readonly string[]): number {
	let longest = 0;
	for (const text of texts) {
		for (const word of text.split(/\s+/)) longest = Math.max(longest, [...word].length);
	}
	return longest;
}

export function columnWidths(
	columns: ReadonlyArray<readonly string[]>,
	shares: readonly number[],
	total: number,
	fontPt: number,
	/** Left plus right cell margin, in twips. */
	margins = 200
): number[] {
	const need = columns.map((texts) =>
		Math.ceil(longestWord(texts) * fontPt * CHAR_EM * TWIPS_PER_PT + margins)
	);
	const sum = shares.reduce((a, b) => a + b, 0);
	let widths = shares.map((s) => (s / sum) * total);
	// Raise the columns too narrow for their longest word, taking the difference from the others
	// in proportion to their slack; repeat, as taking may push another column below its need.
	for (let round = 0; round < columns.length; round++) {
		const short = widths.map((w, i) => Math.max(0, need[i]! - w));
		const deficit = short.reduce((a, b) => a + b, 0);
		if (deficit <= 0.5) break;
		const slack = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - need[i]!)));
		const available = slack.reduce((a, b) => a + b, 0);
		if (available <= 0) break;
		// When no layout fits every word, the short columns share what slack there is.
		const take = Math.min(1, deficit / available);
		const give = Math.min(1, available / deficit);
		widths = widths.map((w, i) => (short[i]! > 0 ? w + short[i]! * give : w - slack[i]! * take));
	}
	return widths.map((w) => Math.floor(w));
}
