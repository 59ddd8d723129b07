import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { decodeClientMessage, encodeUpdate, MESSAGE_SYNC } from './protocol';

/** The update message as y-protocols writes it, which every y-websocket client reads. */
function reference(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

describe('encodeUpdate', () => {
	// Around every length where the varuint prefix gains a byte.
	const lengths = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152];
	it.each(lengths)('writes an update of %i bytes as y-protocols does', (length) => {
		const update = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
		const message = encodeUpdate(update);
		expect(message).toEqual(reference(update));
		expect(decodeClientMessage(message)).toEqual({ type: 'update', update });
	});
});
