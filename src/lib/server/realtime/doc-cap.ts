import * as Y from 'yjs';
import type { WriteCheck } from './judge';

/**
 * A member's private document (scores, dots, a silent round's ideas) holds a few kilobytes;
 * without a bound its owner could write without end (16 MiB per message, 200 messages a
 * second) and fill the server's memory and disk. Past `maxBytes` writes are refused like any
 * other forbidden write.
 */
export const PRIVATE_DOC_BYTES_MAX = 4 * 1024 * 1024;

const full = { reason: 'the document is full', malformed: false } as const;

/**
 * An upper bound of a document's encoded size that costs nothing per update: measured once
 * (encoding the whole document), then every update the document emits is added, which only
 * overestimates (an encoded state merges what the updates held apart, and drops what was
 * deleted).
 */
class ByteBound {
	bytes = 0;
	/** Bytes added since the last measure. */
	grown = 0;
	/** The server changed the document since (e.g. took a silent round's ideas out at reveal). */
	edited = false;

	constructor(readonly doc: Y.Doc) {
		this.measure();
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.bytes += update.byteLength;
			this.grown += update.byteLength;
			if (origin === 'server') this.edited = true;
		});
	}

	measure() {
		this.bytes = Y.encodeStateAsUpdate(this.doc).byteLength;
		this.grown = 0;
		this.edited = false;
	}
}

const bounds = new WeakMap<Y.Doc, ByteBound>();

/**
 * Refuses an update that could take the document past `maxBytes`: the bound plus the update.
 * Near the cap the bound is measured again, but only after it grew by a sixteenth of the cap
 * since it was last measured, so a member writing tiny updates just under the cap cannot make
 * the server encode the whole document per update: the cost of a measure is spread over that
 * many bytes the member sent. After the server changed the document (the reveal of a silent
 * round takes its ideas out) it is measured again at once: that is what makes room.
 */
export function capDocument(check: WriteCheck, maxBytes = PRIVATE_DOC_BYTES_MAX): WriteCheck {
	return (real, update) => {
		if (update.byteLength > maxBytes) return full;
		let bound = bounds.get(real);
		if (!bound) bounds.set(real, (bound = new ByteBound(real)));
		const over = () => bound.bytes + update.byteLength > maxBytes;
		if (over() && (bound.edited || bound.grown >= maxBytes / 16)) bound.measure();
		if (over()) return full;
		return check(real, update);
	};
}
