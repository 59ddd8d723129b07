import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { encodeUpdate, type ClientStructs } from './judge-bytes';
import { author, board, change, member, replica, send } from './judge-fixture';
import { NEW_CLIENTS_PER_UPDATE } from './judge';

/** `count` client ids nobody used, each with one GC struct: no record changes at all. */
function freshClients(count: number, from: number): Uint8Array {
	const groups: ClientStructs[] = [];
	for (let i = 0; i < count; i++) groups.push({ client: from + i, clock: 0, structs: [{ gc: 1 }] });
	return encodeUpdate(groups);
}

describe('new client ids per update', () => {
	it('refuses a participant’s update that claims many new client ids (each a permanent entry)', () => {
		const b = board();
		const anna = member(b, 'anna');
		const size = Y.encodeStateAsUpdate(b.doc).byteLength;
		expect(send(b.doc, anna, freshClients(5_000, 1_000_000))).toBe('too many new client ids');
		expect(Y.encodeStateAsUpdate(b.doc).byteLength).toBe(size);
		expect(b.clientIds.owner(1_000_000)).toBeUndefined();
	});

	it('takes an offline catch-up of a few page loads (a few client ids) and a facilitator’s relay', () => {
		const b = board();
		const anna = member(b, 'anna');
		const loads = Array.from({ length: NEW_CLIENTS_PER_UPDATE }, () => replica(b.doc));
		const updates = loads.map((doc) => {
			const before = Y.encodeStateVector(doc);
			addNote(doc, { text: 'offline', author: author('anna') });
			return Y.encodeStateAsUpdate(doc, before);
		});
		expect(send(b.doc, anna, Y.mergeUpdates(updates))).toBeNull();
		const facilitator = member(b, 'fia', 'facilitator');
		expect(send(b.doc, facilitator, freshClients(100, 2_000_000))).toBeNull();
		const annaDoc = replica(b.doc);
		expect(
			change(b.doc, anna, annaDoc, () => addNote(annaDoc, { text: 'A', author: author('anna') }))
		).toBeNull();
	});
});
