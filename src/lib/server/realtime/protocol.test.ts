import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
	decodeClientMessage,
	encodeAwareness,
	encodeUpdate,
	MESSAGE_AWARENESS,
	MESSAGE_SYNC
} from './protocol';

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

describe('encodeAwareness', () => {
	afterEach(() => vi.restoreAllMocks());

	/** A room's Awareness holding the states `others` announced, as the server applies them. */
	function roomWith(...others: (Record<string, unknown> | null)[]) {
		const room = new awarenessProtocol.Awareness(new Y.Doc());
		room.setLocalState(null);
		const ids = others.map((state, i) => {
			const doc = new Y.Doc();
			doc.clientID = 100 + i;
			const client = new awarenessProtocol.Awareness(doc);
			client.setLocalState(state);
			const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
			awarenessProtocol.applyAwarenessUpdate(room, update, 'socket');
			return client.clientID;
		});
		return { room, ids };
	}

	function reference(awareness: awarenessProtocol.Awareness, clients: number[]) {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, clients);
		encoding.writeVarUint8Array(encoder, update);
		return encoding.toUint8Array(encoder);
	}

	it('writes what y-protocols writes, states that left included', () => {
		const { room, ids } = roomWith(
			{ user: { name: 'Åsa', role: 'participant' }, canvas: null },
			null,
			{ user: { name: 'Bo' }, cursor: 3 }
		);
		expect(encodeAwareness(room, ids)).toEqual(reference(room, ids));
		expect(encodeAwareness(room, [ids[2]!])).toEqual(reference(room, [ids[2]!]));
	});

	it('writes each state once for any number of newcomers, and a changed state anew', () => {
		const { room, ids } = roomWith({ user: { name: 'Åsa' } }, { user: { name: 'Bo' } });
		const stringify = vi.spyOn(JSON, 'stringify');
		for (let newcomer = 0; newcomer < 5; newcomer++) encodeAwareness(room, ids);
		expect(stringify).toHaveBeenCalledTimes(2);
		// A renewed state (another name after anonymity was switched on) is a new object.
		const renewed = encoding.createEncoder();
		encoding.writeVarUint(renewed, 1);
		encoding.writeVarUint(renewed, ids[0]!);
		encoding.writeVarUint(renewed, room.meta.get(ids[0]!)!.clock + 1);
		encoding.writeVarString(renewed, JSON.stringify({ user: { name: 'Anonym' } }));
		awarenessProtocol.applyAwarenessUpdate(room, encoding.toUint8Array(renewed), null);
		expect(encodeAwareness(room, ids)).toEqual(reference(room, ids));
		expect(new TextDecoder().decode(encodeAwareness(room, ids))).not.toContain('Åsa');
	});
});
