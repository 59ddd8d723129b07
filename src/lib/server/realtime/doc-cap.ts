import * as Y from 'yjs';
import type { WriteCheck } from './judge';

/**
 * A member's private document (drafts, scores, dots) holds a few kilobytes; without a bound
 * its owner could write without end (16 MiB per message, 200 messages a second) and fill the
 * server's memory and disk. Past `maxBytes` (an upper bound: the document as stored plus the
 * update) writes are refused like any other forbidden write.
 */
export const PRIVATE_DOC_BYTES_MAX = 4 * 1024 * 1024;

export function capDocument(check: WriteCheck, maxBytes = PRIVATE_DOC_BYTES_MAX): WriteCheck {
	return (real, update) => {
		if (update.byteLength > maxBytes) return { reason: 'the document is full', malformed: false };
		const refused = check(real, update);
		if (refused) return refused;
		if (Y.encodeStateAsUpdate(real).byteLength + update.byteLength > maxBytes) {
			return { reason: 'the document is full', malformed: false };
		}
		return null;
	};
}
