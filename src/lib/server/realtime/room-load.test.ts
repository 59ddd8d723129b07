import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore, type SqliteStore } from '../db/sqlite';
import { FeatureHooks, type Feature } from './hooks';
import { defaultLimits, Room } from './room';

const stores: SqliteStore[] = [];
afterEach(async () => {
	for (const store of stores.splice(0)) await store.close();
});

/** A real SQLite store holding one document written as `updates` separate updates. */
function storeWith(docName: string, updates: number) {
	const store = openSqliteStore(':memory:');
	stores.push(store);
	const writer = new Y.Doc();
	writer.on('update', (update: Uint8Array) => void store.docs.append(docName, update));
	for (let i = 0; i < updates; i++) writer.getMap('m').set(`k${i}`, 'x'.repeat(100));
	const rows = () =>
		(store.sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
	return { store, rows };
}

function roomOf(store: SqliteStore, docName: string, features: Feature[] = []) {
	return new Room(docName, store.docs, defaultLimits, () => {}, new FeatureHooks(features));
}

describe('loading a room', () => {
	it('appends nothing to the log and leaves nothing to snapshot', async () => {
		const { store, rows } = storeWith('w/a', 20);
		expect(rows()).toBe(20);
		const room = roomOf(store, 'w/a');
		await room.load();
		expect(room.doc.getMap('m').size).toBe(20);
		// Before, the whole loaded document was appended again at every load.
		expect(rows()).toBe(20);
		expect(room.changedSinceSnapshot).toBe(false);
		room.destroy();
	});

	it('still appends what changes after the load, and the features hear of the load', async () => {
		const { store, rows } = storeWith('w/a', 3);
		const stored: unknown[] = [];
		const sizes: number[] = [];
		const listening: boolean[] = [];
		const room = roomOf(store, 'w/a', [
			{
				name: 'listener',
				onStore: (_name, update, tr) => {
					stored.push(tr.origin);
					sizes.push(update.byteLength);
					listening.push(tr.doc._observers.has('update'));
				}
			}
		]);
		await room.load();
		room.doc.transact(() => room.doc.getMap('m').set('new', 1), 'server');
		expect(rows()).toBe(4);
		expect(room.changedSinceSnapshot).toBe(true);
		expect(stored).toEqual(['load', 'server']);
		// The log holds the load's bytes: the document is not encoded again to tell the features.
		expect(sizes).toEqual([0, expect.any(Number)]);
		expect(sizes[1]).toBeGreaterThan(0);
		// Nobody listened to 'update' during the load, so Yjs encoded nothing of it.
		expect(listening).toEqual([false, true]);
		const again = roomOf(store, 'w/a');
		await again.load();
		expect(again.doc.getMap('m').get('new')).toBe(1);
		room.destroy();
		again.destroy();
	});
});
