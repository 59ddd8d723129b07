/** A note's text shortened to name a control by ("Redigera lappen ”Ingen vet vem…”"). */
export function excerpt(text: string, max = 40): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * What a text field says about its length: nothing while far from the limit, how many
 * characters are left once near it, and that it is full at the limit.
 */
export function lengthNotice(
	length: number,
	max: number,
	near = Math.min(200, Math.floor(max / 10))
): { left: number } | 'full' | null {
	if (length >= max) return 'full';
	if (max - length <= near) return { left: max - length };
	return null;
}

/** A note longer than this is shown folded, with "Visa mer". */
export const LONG_TEXT = 280;
