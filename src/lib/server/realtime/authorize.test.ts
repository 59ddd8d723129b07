import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from './judge-bytes';
import type { WriteCheck } from './judge';
import { unlessEmpty } from './authorize';

/** A check that refuses everything and counts its calls. */
function refusing() {
	const calls: Uint8Array[] = [];
	const check: WriteCheck = (_doc, update) => {
		calls.push(update);
		return { reason: 'judged', malformed: false };
	};
	return { calls, check: unlessEmpty(check) };
}

describe('updates that carry nothing', () => {
	it('are allowed unjudged: a new browser answers the sync step 1 with two zero bytes', () => {
		const { calls, check } = refusing();
		const browser = new Y.Doc();
		const answer = Y.encodeStateAsUpdate(browser, Y.encodeStateVector(new Y.Doc()));
		expect(answer).toEqual(new Uint8Array([0, 0]));
		expect(check(new Y.Doc(), answer)).toBeNull();
		expect(calls).toHaveLength(0);
	});

	it('are judged when the document waits for structs or deletions they could complete', () => {
		const { calls, check } = refusing();
		const doc = new Y.Doc();
		// A struct whose origin the document lacks stays pending.
		Y.applyUpdate(
			doc,
			encodeUpdate([
				{ client: 9, clock: 5, structs: [{ origin: [8, 0], content: { any: ['x'] } }] }
			])
		);
		expect(doc.store.pendingStructs).not.toBeNull();
		expect(check(doc, new Uint8Array([0, 0]))).not.toBeNull();
		expect(calls).toHaveLength(1);
	});

	it('never lets anything else past: trailing bytes, an empty message, a deletion', () => {
		const { calls, check } = refusing();
		const doc = new Y.Doc();
		const deletion = new Uint8Array([0, 1, 7, 1, 0, 1]);
		for (const update of [new Uint8Array([0, 0, 0]), new Uint8Array([]), deletion]) {
			expect(check(doc, update)).not.toBeNull();
		}
		expect(calls).toHaveLength(3);
	});
});
