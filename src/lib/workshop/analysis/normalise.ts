/**
 * Lower-cases and NFC-normalises a note so "Å" typed as A + ring and "å" as one code point
 * are the same letter (macOS and some phones send the decomposed form).
 */
export function normalise(text: string): string {
	return text.normalize('NFC').toLocaleLowerCase('sv-SE');
}
