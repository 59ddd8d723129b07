import { generateKeyBetween } from 'fractional-indexing';

const valid = (key: string | null | undefined): string | null =>
	key && /^[0-9A-Za-z]+$/.test(key) ? key : null;

/** An order key after `last` (null: the first key). */
export function orderAfter(last: string | null): string {
	return generateKeyBetween(valid(last), null);
}

/**
 * An order key for position `index` among `sorted` keys (ascending, the item itself left out).
 * Identical or unusable neighbours (concurrent inserts, a foreign client) leave no room between
 * them: then the key goes after the lower one.
 */
export function orderAt(sorted: readonly string[], index: number): string {
	const at = Math.max(0, Math.min(index, sorted.length));
	const before = valid(sorted[at - 1]);
	const after = valid(sorted[at]);
	try {
		return generateKeyBetween(
			before,
			after !== null && before !== null && before >= after ? null : after
		);
	} catch {
		return generateKeyBetween(before, null);
	}
}
