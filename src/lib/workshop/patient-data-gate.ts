/** Fewer digits than this cannot be a Swedish phone number or a personnummer. */
const DIGITS_MIN = 7;

/**
 * False when a text has too few digits to hold any patient data: the validators' cheap gate,
 * apart from them (patient-data.ts) so a page can ask it without loading libphonenumber-js.
 */
export function mayHoldPatientData(text: string): boolean {
	let digits = 0;
	for (let i = 0; i < text.length && digits < DIGITS_MIN; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
	}
	return digits >= DIGITS_MIN;
}
