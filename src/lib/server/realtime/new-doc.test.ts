import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newDoc } from './new-doc';

describe('newDoc', () => {
	it('makes a document with a random UUID for its guid, as Yjs would, and keeps its options', () => {
		const a = newDoc({ gc: false });
		const b = newDoc();
		expect(a.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(b.guid).not.toBe(a.guid);
		expect(a.gc).toBe(false);
		expect(b.gc).toBe(new Y.Doc().gc);
		a.getMap('notes').set('n1', 'hej');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(b.getMap('notes').get('n1')).toBe('hej');
	});
});
