import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { namedRoots, scrubAuthorNames } from './anonymity';
import { addNote, listNotes } from './doc';
import { addIdea, listIdeas } from './records/idea';

const author = {
	id: 'm1',
	name: 'Anna',
	profession: 'sjukskoterska',
	organisation: 'kommun'
} as const;

describe('scrubbing names for an anonymous workshop', () => {
	it('covers every record declared with an author name', () => {
		expect(namedRoots).toEqual(expect.arrayContaining(['notes', 'ideas', 'goalComments']));
	});

	it('removes names from notes and ideas, keeping profession and organisation', () => {
		const doc = new Y.Doc();
		addNote(doc, { text: 'a', author });
		addNote(doc, { text: 'b', author: { ...author, name: null } });
		addIdea(doc, { text: 'en idé', areaId: 'area1', author });
		expect(scrubAuthorNames(doc)).toBe(2);
		expect(listNotes(doc).every((n) => n.authorName === null)).toBe(true);
		expect(listNotes(doc)[0]).toMatchObject({
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		expect(listIdeas(doc)[0]).toMatchObject({ authorName: null, profession: 'sjukskoterska' });
		expect(scrubAuthorNames(doc)).toBe(0);
	});
});
