import type * as Y from 'yjs';
import { boardRecords } from '$lib/workshop/layout';
import { privateDocumentLayout } from '$lib/workshop/private-layout';
import { parseRoom } from '$lib/workshop/rooms';

/**
 * Makes every root the document's declarations name a Y.Map, on a new document before anything
 * is applied to it. A root Yjs first creates while integrating an update (a load from disk, a
 * client's first write) is a plain type, replaced by a new object when first read with getMap:
 * a feature that then looks the map up in the transaction (`tr.changed`) finds nothing, and
 * misses that change (the anonymity feature left the first record created after a load signed
 * with its author's real id). Roots nobody declared are refused by the judge.
 */
export function mapDeclaredRoots(docName: string, doc: Y.Doc) {
	const room = parseRoom(docName);
	if (!room) return;
	const records = room.kind === 'board' ? boardRecords : privateDocumentLayout.records;
	for (const { root } of records) doc.getMap(root);
}
