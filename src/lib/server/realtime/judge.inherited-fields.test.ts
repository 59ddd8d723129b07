import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesMap } from '$lib/workshop/doc';
import { encodeUpdate, type Struct } from './judge-bytes';
import { board, member, replica, send } from './judge-fixture';

/**
 * A field name the declaration does not list is refused, even one every plain object inherits
 * (`record.fields[field]` found Object.prototype's `constructor`, `toString`, `__proto__`…).
 */
const fields = {
	text: 'x',
	kind: 'note',
	eventId: null,
	questionId: null,
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	updatedAt: 1
};

describe('the judge and field names a plain object inherits', () => {
	for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
		it(`refuses a new note with a field named ${name}, written byte by byte`, () => {
			const b = board();
			const anna = member(b, 'anna');
			const client = replica(b.doc).clientID;
			const structs: Struct[] = [
				{ parent: 'notes', parentSub: 'n1', content: { map: true } },
				...Object.entries({ ...fields, [name]: 'hidden, never validated '.repeat(100) }).map(
					([key, value]) => ({
						parent: [client, 0] as const,
						parentSub: key,
						content: { any: [value] }
					})
				)
			];
			const before = Y.encodeStateAsUpdate(b.doc);
			expect(send(b.doc, anna, encodeUpdate([{ client, clock: 0, structs }]))).toMatch(
				/note: unknown field/
			);
			expect(notesMap(b.doc).has('n1')).toBe(false);
			expect(Y.encodeStateAsUpdate(b.doc)).toEqual(before);
		});
	}
});
