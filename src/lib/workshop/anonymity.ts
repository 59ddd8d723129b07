import * as Y from 'yjs';
import { boardRecords } from './layout';

/**
 * The root maps whose records carry their author's name: every collection declared with an
 * `authorName` field (notes, ideas, …), so a new named record type is scrubbed without a change
 * here.
 */
export const namedRoots: readonly string[] = boardRecords
	.filter((r) => r.shape === 'collection' && 'authorName' in r.fields)
	.map((r) => r.root);

/**
 * Removes the author's name from every named record, keeping profession and organisation. Used
 * when a workshop is (or turns) anonymous. Returns how many records changed.
 */
export function scrubAuthorNames(doc: Y.Doc): number {
	let changed = 0;
	doc.transact(() => {
		for (const root of namedRoots) {
			doc.getMap<unknown>(root).forEach((record) => {
				if (record instanceof Y.Map && record.get('authorName') != null) {
					record.set('authorName', null);
					changed++;
				}
			});
		}
	});
	return changed;
}
