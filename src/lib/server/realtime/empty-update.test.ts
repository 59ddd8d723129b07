import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openHooks } from '../../../../tests/helpers/open-hooks';
import { firstMessage, openAccepted, updateMessage } from '../../../../tests/helpers/ws';
import { connect, waitFor } from '../../../../tests/helpers/yclient';
import { openSqliteStore } from '../db/sqlite';
import { carriesNothing } from './empty-update';
import type { WriteCheck } from './judge';
import { encodeUpdate } from './judge-bytes';
import { RealtimeServer } from './server';

describe('an update that carries nothing', () => {
	it('is the two zero bytes a new browser answers the sync step 1 with', () => {
		const browser = new Y.Doc();
		const answer = Y.encodeStateAsUpdate(browser, Y.encodeStateVector(new Y.Doc()));
		expect(answer).toEqual(new Uint8Array([0, 0]));
		expect(carriesNothing(new Y.Doc(), answer)).toBe(true);
	});

	it('does not count while the document waits for structs or deletions it could complete', () => {
		const doc = new Y.Doc();
		// A struct whose origin the document lacks stays pending.
		Y.applyUpdate(
			doc,
			encodeUpdate([
				{ client: 9, clock: 5, structs: [{ origin: [8, 0], content: { any: ['x'] } }] }
			])
		);
		expect(doc.store.pendingStructs).not.toBeNull();
		expect(carriesNothing(doc, new Uint8Array([0, 0]))).toBe(false);
	});

	it('is nothing else: trailing bytes, an empty message, a deletion', () => {
		const doc = new Y.Doc();
		const deletion = new Uint8Array([0, 1, 7, 1, 0, 1]);
		for (const update of [new Uint8Array([0, 0, 0]), new Uint8Array([]), deletion]) {
			expect(carriesNothing(doc, update)).toBe(false);
		}
	});
});

describe('a room', () => {
	const cleanups: (() => void)[] = [];
	afterEach(() => {
		for (const cleanup of cleanups.splice(0).reverse()) cleanup();
	});

	it('neither judges nor applies an update that carries nothing; the next one it does', async () => {
		const judged: Uint8Array[] = [];
		const applied: number[] = [];
		const hooks = openHooks([
			{
				name: 'counter',
				afterApply: (_session, _doc, tr) => (applied.push(tr.changed.size), false)
			}
		]);
		const writes: WriteCheck = (_doc, update) => (judged.push(update), null);
		hooks.judge = () => writes;
		const store = openSqliteStore(':memory:');
		const realtime = new RealtimeServer(store.docs, hooks, { maxPayload: 1 << 20 });
		const http: Server = createServer();
		http.on('upgrade', (req, socket, head) => {
			if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
		});
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		cleanups.push(() => {
			void realtime.close();
			http.close();
		});
		const wsUrl = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws`;
		const reader = connect(wsUrl, 'doc', { token: 'reader' });
		cleanups.push(() => reader.destroy());
		await reader.synced;
		const ws = await openAccepted(wsUrl, 'doc', { token: 'writer' });
		cleanups.push(() => ws.terminate());
		await firstMessage(ws);
		ws.send(updateMessage(new Uint8Array([0, 0])));
		const doc = new Y.Doc();
		doc.getMap('notes').set('n1', 'after the empty one');
		ws.send(updateMessage(Y.encodeStateAsUpdate(doc)));
		await waitFor(reader.doc, (d) => d.getMap('notes').get('n1') === 'after the empty one');
		// The reader's own empty answer was skipped too: only the real update was judged.
		expect(judged).toHaveLength(1);
		expect(judged[0]!.byteLength).toBeGreaterThan(2);
		expect(applied).toEqual([1]);
	});
});
