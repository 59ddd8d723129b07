import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { encodeUpdate, type Struct } from './judge-bytes';
import { author } from './judge-fixture';
import { countUpdateChanges } from './update-changes';

/** Every kind of content Yjs writes, in one document. */
function richDoc() {
	const doc = new Y.Doc();
	addNote(doc, { text: 'a note', author: author('anna') });
	doc.getMap('m').set('list', [1, { a: [true, null, 'x'] }, new Uint8Array([1, 2])]);
	doc.getArray('arr').insert(0, [1, 2, 3, new Y.Map(), new Y.Text('t')]);
	const text = doc.getText('text');
	text.insert(0, 'hello', { bold: true });
	text.insertEmbed(5, { image: 'x' });
	doc.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('x')]);
	doc.getArray('arr').delete(0, 2);
	doc.getMap('m').set('gone', 1);
	doc.getMap('m').delete('gone');
	return doc;
}

describe('countUpdateChanges', () => {
	it('reads every struct, value and delete range of what Yjs writes, to the end', () => {
		const update = Y.encodeStateAsUpdate(richDoc());
		const decoded = Y.decodeUpdate(update);
		const values = decoded.structs.reduce((n, s) => {
			const content = (s as Y.Item).content;
			return content instanceof Y.ContentAny || content instanceof Y.ContentJSON
				? n + content.getLength() - 1
				: n;
		}, 0);
		let ranges = 0;
		decoded.ds.clients.forEach((list) => (ranges += list.length));
		const groups = new Set(decoded.structs.map((s) => s.id.client)).size + decoded.ds.clients.size;
		expect(countUpdateChanges(update)).toBe(groups + decoded.structs.length + values + ranges);
	});

	it('stops counting past the limit, so a huge update costs no more than the limit', () => {
		const structs: Struct[] = [];
		for (let i = 0; i < 10_000; i++) {
			structs.push({ parent: 'm', parentSub: `${i}`, content: { any: [i] } });
		}
		const update = encodeUpdate([{ client: 1, clock: 0, structs }]);
		expect(countUpdateChanges(update)).toBe(1 + 10_000);
		expect(countUpdateChanges(update, 500)).toBe(501);
		const deletes = encodeUpdate(
			[],
			[{ client: 1, ranges: Array.from({ length: 900 }, (_, i) => [i * 2, 1] as const) }]
		);
		expect(countUpdateChanges(deletes, 100)).toBe(101);
	});

	it('throws on what is not an update', () => {
		expect(() => countUpdateChanges(new Uint8Array([5, 200, 1]))).toThrow();
		const update = Y.encodeStateAsUpdate(richDoc());
		expect(() => countUpdateChanges(update.subarray(0, update.length - 3))).toThrow();
	});
});
