import { generateKeyBetween } from 'fractional-indexing';

/**
 * `key` when fractional-indexing can place a key after it, else null. Its characters alone
 * (what the judge checks) are not enough: 'a', 'zz' or 'a00' make it throw, so one such key
 * written by a participant stopped everyone adding after it, and every reveal into its area.
 */
export function usableKey(key: string | null | undefined): string | null {
	if (!key || !/^[0-9A-Za-z]+$/.test(key)) return null;
	try {
		generateKeyBetween(key, null);
		return key;
	} catch {
		return null;
	}
}

/** An order key after `last` (null: the first key). */
export function orderAfter(last: string | null): string {
	return generateKeyBetween(usableKey(last), null);
}

/**
 * An order key for position `index` among `sorted` keys (ascending, the item itself left out).
 * Identical or unusable neighbours (concurrent inserts, a foreign client) leave no room between
 * them: then the key goes after the lower one.
 */
export function orderAt(sorted: readonly string[], index: number): string {
	const at = Math.max(0, Math.min(index, sorted.length));
	const before = usableKey(sorted[at - 1]);
	const after = usableKey(sorted[at]);
	try {
		return generateKeyBetween(
			before,
			after !== null && before !== null && before >= after ? null : after
		);
	} catch {
		return generateKeyBetween(before, null);
	}
}
