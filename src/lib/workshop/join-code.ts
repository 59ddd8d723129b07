/**
 * Short join codes that people read aloud and type on a phone. The alphabet leaves out
 * characters that are easy to confuse (0/O, 1/I/L, U/V, 5/S) so a code read from a projector
 * survives being typed. 29^6 ≈ 595 million codes; guessing is rate limited on the server.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRTWXYZ2346789';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: (n: number) => Uint8Array = randomBytes): string {
	const size = JOIN_CODE_ALPHABET.length;
	// Rejection sampling keeps every character equally likely.
	const limit = 256 - (256 % size);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const b of random(JOIN_CODE_LENGTH * 2)) {
			if (b < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[b % size];
		}
	}
	return code;
}

function randomBytes(n: number): Uint8Array {
	const bytes = new Uint8Array(n);
	crypto.getRandomValues(bytes);
	return bytes;
}

/** Uppercases and drops spaces and dashes, so "abc-def" and "ABC DEF" both work. */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isValidJoinCode(code: string): boolean {
	return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** "ABCDEF" → "ABC-DEF" for display. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 3)}-${code.slice(3)}`;
}
