import type * as Y from 'yjs';

/**
 * Whether `update` carries nothing (no struct, no deletion: the two bytes a browser that holds
 * nothing answers the server's sync step 1 with, once per socket) and `doc` waits for nothing
 * it could complete (no pending structs or deletions). Applying it would change nothing, so the
 * judge is not asked (authorize.ts; issue 18, connect CPU: each new socket ran an empty
 * transaction through the judge's copy of the document). Any other bytes, however empty they
 * decode to, are judged.
 */
export function carriesNothing(doc: Y.Doc, update: Uint8Array): boolean {
	const empty = update.byteLength === 2 && update[0] === 0 && update[1] === 0;
	return empty && doc.store.pendingStructs === null && doc.store.pendingDs === null;
}
