import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../db/sqlite';
import type { Membership } from '../services/workshops';
import { createAuthorize } from './authorize';
import { carriesNothing } from './empty-update';
import { encodeUpdate } from './judge-bytes';

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

describe('the judge hook', () => {
	it('allows an update that carries nothing and still judges every other', async () => {
		const store = openSqliteStore(':memory:');
		const hooks = createAuthorize(store.db, 'secret');
		const membership = { id: 'm1', role: 'participant', displayName: 'Mia' } as Membership;
		const writes = hooks.judge({
			docName: 'w/w1',
			room: { kind: 'board', workshopId: 'w1' },
			membership
		});
		if (writes === 'none' || writes === 'any') throw new Error('a participant is judged');
		const doc = new Y.Doc();
		expect(writes(doc, new Uint8Array([0, 0]))).toBeNull();
		const unknownRoot = encodeUpdate([
			{
				client: 5,
				clock: 0,
				structs: [{ parent: 'no-such-record', parentSub: 'k', content: { any: [1] } }]
			}
		]);
		expect(writes(doc, unknownRoot)).not.toBeNull();
		await store.close();
	});
});
