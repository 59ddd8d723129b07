const WORD = /[\p{L}\p{N}]+/gu;

/** Splits normalised text into words: runs of letters and digits ("1177" stays a word). */
export function tokenise(normalised: string): string[] {
	return normalised.match(WORD) ?? [];
}
