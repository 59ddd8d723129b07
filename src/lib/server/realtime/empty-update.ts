import type * as Y from 'yjs';

/**
 * Whether `update` carries nothing (no struct, no deletion: the two bytes a browser that holds
 * nothing answers the server's sync step 1 with, once per socket) and `doc` waits for nothing
 * it could complete (no pending structs or deletions). Applying it would change nothing, so a
 * room neither judges nor applies it (issue 18, connect CPU: each new socket ran the judge and
 * an empty transaction through every feature). Any other bytes, however empty they decode to,
 * take the usual way.
 */
export function carriesNothing(doc: Y.Doc, update: Uint8Array): boolean {
	const empty = update.byteLength === 2 && update[0] === 0 && update[1] === 0;
	return empty && doc.store.pendingStructs === null && doc.store.pendingDs === null;
}
