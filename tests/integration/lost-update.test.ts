/**
 * A client whose earlier change the server never stored (lost with a process killed between
 * receiving and storing it, or sent while offline) writes again before its catch-up: its new
 * update depends on the lost one. The server must ask for the catch-up, not close the socket
 * for good (4403), which left the scale-out test's clients, and a slow phone, cut off.
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote, editNote } from '../../src/lib/workshop/doc.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages, updateMessage } from '../helpers/ws.ts';
import { authorOf, connect, waitForNote } from '../helpers/yclient.ts';

const run = serverPerFile();

function step1Of(data: Buffer): Uint8Array | null {
	const decoder = decoding.createDecoder(new Uint8Array(data));
	if (decoding.readVarUint(decoder) !== 0) return null;
	if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return null;
	return decoding.readVarUint8Array(decoder);
}

/** The state vector of the first sync step 1 the server sent from message `from` on. */
function nextStep1(ws: WebSocket, from: number): Promise<Uint8Array> {
	for (const data of receivedMessages(ws).slice(from)) {
		const found = step1Of(data);
		if (found) return Promise.resolve(found);
	}
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no sync step 1 within 10 s')), 10_000);
		const onMessage = (data: Buffer) => {
			const found = step1Of(data);
			if (!found) return;
			clearTimeout(timer);
			ws.off('message', onMessage);
			resolve(found);
		};
		ws.on('message', onMessage);
		ws.once('close', (code) => reject(new Error(`closed with ${code} instead`)));
	});
}

describe('a change built on one the server never stored', () => {
	it('is answered with a request for the catch-up, which then brings both', async () => {
		const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
		const f = run.track(
			connect(run.server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() })
		);
		const pia = await participant(run.server.url, links.participant.code, 'Pia');
		await f.synced;
		// Pia's browser: the board as it was, then a note the server never got, then an edit of it.
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(f.doc));
		const id = addNote(doc, { text: 'Skriven', author: authorOf(pia, 'Pia') });
		const lost = Y.encodeStateVector(doc);
		editNote(doc, id, 'Skriven och ändrad');
		const edit = Y.encodeStateAsUpdate(doc, lost);

		const ws = await openAccepted(run.server.wsUrl, pia.room, { token: pia.wsToken });
		await nextStep1(ws, 0);
		const before = receivedMessages(ws).length;
		ws.send(updateMessage(edit));
		// Not closed: asked for what it has and the server lacks.
		const serverState = await nextStep1(ws, before);
		expect(ws.readyState).toBe(ws.OPEN);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		syncProtocol.writeSyncStep2(encoder, doc, serverState);
		ws.send(encoding.toUint8Array(encoder));
		await waitForNote(f.doc, 'Skriven och ändrad');
		ws.close();
	});
});
