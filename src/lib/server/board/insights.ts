import type * as Y from 'yjs';
import { backfillInsights } from '$lib/workshop/insights-from-notes';
import { boardRecords } from '$lib/workshop/layout';
import { convertCollaborative } from '$lib/workshop/records/collab-text';
import { parseRoom } from '$lib/workshop/rooms';

/**
 * What the server does to a board it has just loaded from disk, before anyone sees it: the
 * insights of bottennappar written before insights existed (or put in without passing the
 * after-write hook), and the plain strings of fields that have since become collaborative text
 * (Y.Text). Idempotent, so it runs on every load; private documents are left alone.
 */
export function prepareLoadedDoc(docName: string, doc: Y.Doc): void {
	if (parseRoom(docName)?.kind !== 'board') return;
	backfillInsights(doc);
	convertCollaborative(doc, boardRecords);
}
