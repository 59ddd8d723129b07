import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';

/**
 * A Y.Doc as `new Y.Doc(options)` makes it, with its guid (a random UUID either way) from Node's
 * randomUUID: Yjs draws each of its 31 hex digits from crypto.getRandomValues, about 60 µs per
 * document against 4, paid by every room load (issue 18, connect CPU).
 */
export function newDoc(options: { gc?: boolean } = {}): Y.Doc {
	return new Y.Doc({ ...options, guid: randomUUID() });
}
