import type * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, timeSchema } from './declare';

/**
 * Suggested groups a facilitator rejected, for the whole workshop (co-facilitators see the
 * same preview), with the time of the rejection:
 *
 *   doc.getMap('rejectedSuggestions'): Y.Map<groupKey, number>
 *
 * A group is known by the set of its insights (`suggestionKey`), not by its proposed name or
 * the slider: the same insights suggested together again stay hidden, while a group that
 * gained or lost an insight is a new suggestion and is shown.
 */
export const rejectedSuggestionRecord = declareRecord({
	name: 'rejected suggestion',
	root: 'rejectedSuggestions',
	shape: 'entry',
	key: z.string().regex(/^g[0-9a-f]{16}-[0-9]{1,5}$/),
	fields: { value: timeSchema },
	text: [],
	refs: {},
	keyRef: { kind: 'digest', of: 'insights' },
	hidden: false,
	create: ['facilitator'],
	change: { value: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export const rejectedSuggestionsMap = (doc: Y.Doc): Y.Map<unknown> =>
	doc.getMap('rejectedSuggestions');

/** FNV-1a over a string from a given start: 32 bits. */
function fnv(text: string, seed: number): number {
	let h = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/**
 * The key of a suggested group: a 64-bit hash of its sorted insight ids and their count,
 * short enough for any group, the same in every browser.
 */
export function suggestionKey(ids: readonly string[]): string {
	const unique = [...new Set(ids)].sort();
	const text = unique.join(' ');
	const hex = (n: number) => n.toString(16).padStart(8, '0');
	const count = Math.min(unique.length, 99999);
	return `g${hex(fnv(text, 0x811c9dc5))}${hex(fnv(text, 0x01000193))}-${count}`;
}

export const rejectedSuggestions = (doc: Y.Doc): Set<string> =>
	new Set(rejectedSuggestionsMap(doc).keys());

export function rejectSuggestion(
	doc: Y.Doc,
	ids: readonly string[],
	origin?: unknown,
	now = Date.now()
) {
	doc.transact(() => rejectedSuggestionsMap(doc).set(suggestionKey(ids), now), origin);
}

/** Shows the given rejected groups again (all of them when `keys` is omitted). */
export function forgetRejections(doc: Y.Doc, keys?: Iterable<string>, origin?: unknown) {
	const map = rejectedSuggestionsMap(doc);
	doc.transact(() => {
		for (const key of [...(keys ?? map.keys())]) map.delete(key);
	}, origin);
}
