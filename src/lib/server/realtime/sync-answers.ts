import type * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2 } from './protocol';

/**
 * A room's sync step 1 (its state vector) and its sync step 2 for a client that holds nothing
 * yet (the whole document), each encoded once per state of the document instead of once per
 * socket: fifty browsers opening a board at once cost one encoding of it, not fifty (issue 18,
 * connect CPU). Both are forgotten at every change of the document, before anyone hears of the
 * change, so an answer never misses what the document holds nor holds what it lost.
 */
export class SyncAnswers {
	#stepOne: Uint8Array | null = null;
	#whole: Uint8Array | null = null;

	/**
	 * Forgotten at the end of every transaction, before Yjs emits its update to anyone. Not an
	 * 'update' listener: while one listens, Yjs encodes every transaction's update, the room's
	 * load (the whole board) included.
	 */
	constructor(private readonly doc: Y.Doc) {
		doc.on('afterTransaction', () => {
			this.#stepOne = null;
			this.#whole = null;
		});
	}

	stepOne(): Uint8Array {
		return (this.#stepOne ??= encodeSyncStep1(this.doc));
	}

	stepTwo(stateVector: Uint8Array): Uint8Array {
		if (!isEmpty(stateVector)) return encodeSyncStep2(this.doc, stateVector);
		return (this.#whole ??= encodeSyncStep2(this.doc, stateVector));
	}
}

/** A state vector of no client (a new browser's): one varuint, 0. */
function isEmpty(stateVector: Uint8Array): boolean {
	return stateVector.byteLength === 1 && stateVector[0] === 0;
}
