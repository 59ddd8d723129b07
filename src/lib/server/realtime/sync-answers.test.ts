import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep2 } from './protocol';
import { SyncAnswers } from './sync-answers';

const EMPTY = Y.encodeStateVector(new Y.Doc());

/** The document a new client holds after applying a sync step 2 answer. */
function received(answer: Uint8Array): Y.Doc {
	const decoder = decoding.createDecoder(answer);
	expect(decoding.readVarUint(decoder)).toBe(0);
	expect(decoding.readVarUint(decoder)).toBe(1);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
	return doc;
}

describe('a room’s sync answers', () => {
	it('encode the whole document once while it does not change', () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('a', 1);
		const answers = new SyncAnswers(doc);
		expect(EMPTY).toEqual(new Uint8Array([0]));
		const first = answers.stepTwo(EMPTY);
		expect(answers.stepTwo(EMPTY)).toBe(first);
		expect(answers.stepOne()).toBe(answers.stepOne());
		expect(received(first).getMap('m').toJSON()).toEqual({ a: 1 });
	});

	it('answer with what the document holds after every change, deletions included', () => {
		const doc = new Y.Doc({ gc: true });
		const answers = new SyncAnswers(doc);
		const stepOne = answers.stepOne();
		answers.stepTwo(EMPTY);
		doc.getMap('m').set('a', 1);
		doc.getMap('m').set('b', 'text');
		expect(received(answers.stepTwo(EMPTY)).getMap('m').toJSON()).toEqual({ a: 1, b: 'text' });
		expect(answers.stepOne()).not.toEqual(stepOne);
		doc.getMap('m').delete('b');
		const after = answers.stepTwo(EMPTY);
		expect(received(after).getMap('m').toJSON()).toEqual({ a: 1 });
		expect(after).toEqual(encodeSyncStep2(doc, EMPTY));
		// A change from elsewhere (another replica's update) forgets them too.
		const other = new Y.Doc();
		other.getMap('m').set('c', true);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(received(answers.stepTwo(EMPTY)).getMap('m').toJSON()).toEqual({ a: 1, c: true });
		expect(answers.stepOne()).toEqual(new SyncAnswers(doc).stepOne());
	});

	it('answer a client that holds something with only what it lacks', () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('a', 1);
		const answers = new SyncAnswers(doc);
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
		doc.getMap('m').set('b', 2);
		const answer = answers.stepTwo(Y.encodeStateVector(client));
		expect(answer).toEqual(encodeSyncStep2(doc, Y.encodeStateVector(client)));
		expect(answer.byteLength).toBeLessThan(answers.stepTwo(EMPTY).byteLength);
	});
});
