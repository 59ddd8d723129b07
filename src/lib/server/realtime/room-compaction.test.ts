import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../db/sqlite';
import type { DocLog } from './doc-store';
import { FeatureHooks } from './hooks';
import { defaultLimits, Room, type RoomLimits } from './room';

/** The real SQLite doc log, counting the snapshots written and their sizes. */
class CountingDocLog implements DocLog {
	readonly snapshots: number[] = [];
	constructor(private readonly real: DocLog) {}
	append(docName: string, update: Uint8Array) {
		return this.real.append(docName, update);
	}
	loadInto(docName: string, doc: Y.Doc) {
		return this.real.loadInto(docName, doc);
	}
	compact(docName: string, state: Uint8Array, lastId: number) {
		this.snapshots.push(state.byteLength);
		return this.real.compact(docName, state, lastId);
	}
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function openRoom(limits: Partial<RoomLimits>) {
	const store = openSqliteStore(':memory:');
	const log = new CountingDocLog(store.docs);
	const room = new Room(
		'w/compaction',
		log,
		{ ...defaultLimits, ...limits },
		() => {
			throw new Error('the store failed');
		},
		new FeatureHooks([])
	);
	void room.load();
	cleanups.push(() => room.destroy());
	/** One accepted update of `bytes` letters, as the room stores and broadcasts it. */
	let n = 0;
	const write = (bytes: number) => room.doc.getMap('m').set(`k${n++}`, 'x'.repeat(bytes));
	/** The document as a fresh load of the log reads it. */
	const stored = () => {
		const doc = new Y.Doc();
		void log.loadInto('w/compaction', doc);
		return doc.getMap('m').toJSON();
	};
	return { room, log, write, stored };
}

describe('compacting a room’s log', () => {
	it('compacts a small document after compactAfterUpdates updates', () => {
		const { room, log, write, stored } = openRoom({ compactAfterUpdates: 10 });
		for (let i = 0; i < 9; i++) write(10);
		expect(log.snapshots).toHaveLength(0);
		write(10);
		expect(log.snapshots).toHaveLength(1);
		for (let i = 0; i < 10; i++) write(10);
		expect(log.snapshots).toHaveLength(2);
		expect(stored()).toEqual(room.doc.getMap('m').toJSON());
	});

	it('compacts a big document again only once its log is a share of the last snapshot', () => {
		const { room, log, write, stored } = openRoom({
			compactAfterUpdates: 10,
			compactTailShare: 0.5
		});
		write(100_000);
		for (let i = 0; i < 9; i++) write(10);
		expect(log.snapshots).toHaveLength(1);
		expect(log.snapshots[0]).toBeGreaterThan(100_000);

		// 10 updates of 10 letters: compacted after each 10 before, a whole board per 100 bytes.
		for (let i = 0; i < 100; i++) write(10);
		expect(log.snapshots).toHaveLength(1);
		write(50_000);
		expect(log.snapshots).toHaveLength(2);
		expect(stored()).toEqual(room.doc.getMap('m').toJSON());
	});

	it('compacts after compactAtMostUpdates updates however big the document', () => {
		const { room, log, write, stored } = openRoom({
			compactAfterUpdates: 10,
			compactAtMostUpdates: 50
		});
		write(100_000);
		for (let i = 0; i < 9; i++) write(10);
		expect(log.snapshots).toHaveLength(1);
		for (let i = 0; i < 49; i++) write(10);
		expect(log.snapshots).toHaveLength(1);
		write(10);
		expect(log.snapshots).toHaveLength(2);
		expect(stored()).toEqual(room.doc.getMap('m').toJSON());
	});
});
