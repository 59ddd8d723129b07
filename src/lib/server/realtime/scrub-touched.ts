import * as Y from 'yjs';
import { namedRoots } from '$lib/workshop/anonymity';

/**
 * In an anonymous workshop, removes the author's name from the named records (notes, ideas …)
 * that `tr` created or whose name it set, in the same transaction. Every accepted write is
 * scrubbed so, and turning anonymity on scrubs the whole board (services/anonymity.ts), so no
 * other record can carry a name: scanning every record per update (45 ms on a 9,000-note
 * board, per keystroke of every participant) is not needed. Returns how many it changed.
 */
export function scrubTouched(doc: Y.Doc, tr: Y.Transaction): number {
	let changed = 0;
	for (const root of namedRoots) {
		const records = doc.getMap<unknown>(root);
		const keys = new Set<string>();
		for (const [type, changedKeys] of tr.changed) {
			if ((type as unknown) === records) {
				for (const key of changedKeys) if (key !== null) keys.add(key);
				continue;
			}
			const item = type._item;
			if (item?.parent === records && typeof item.parentSub === 'string') {
				if (changedKeys.has('authorName')) keys.add(item.parentSub);
			}
		}
		for (const key of keys) {
			const record = records.get(key);
			if (record instanceof Y.Map && record.get('authorName') != null) {
				record.set('authorName', null);
				changed++;
			}
		}
	}
	return changed;
}
