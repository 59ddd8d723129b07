/**
 * Numbers as the reader's language writes them: "0,5" and "4,25" in Swedish text, "0.5" in
 * English. Every number a page shows goes through here, never through toString or toFixed.
 */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A value with a fixed number of decimals, e.g. a slider's "0,20". */
export function formatFixed(value: number, locale: string, digits: number): string {
	return new Intl.NumberFormat(locale, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}
