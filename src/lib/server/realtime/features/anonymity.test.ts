import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, notesMap } from '$lib/workshop/doc';
import type { Membership } from '../../services/workshops';
import { authorPseudonym } from '../author-ids';
import type { Session } from '../hooks';
import { anonymityFeature } from './anonymity';

const SECRET = 'hemlighet';
const session = (id: string): Session => ({
	docName: 'w/w',
	room: { kind: 'board', workshopId: 'w' },
	membership: { id, role: 'participant' } as Membership
});
const author = (id: string) =>
	({ id, name: null, profession: 'lakare', organisation: 'region' }) as const;

/** Runs `write` as `who`'s accepted update, with the feature's afterApply in its transaction. */
function accepted(doc: Y.Doc, who: string, anonymous: boolean, write: () => void) {
	const feature = anonymityFeature(SECRET, () => anonymous);
	doc.transact((tr) => {
		write();
		feature.afterApply!(session(who), doc, tr);
	});
}

describe('the anonymity feature signs new records with the author pseudonym', () => {
	it('re-signs a note its writer created under their membership id', () => {
		const doc = new Y.Doc();
		let id = '';
		accepted(doc, 'm1', true, () => (id = addNote(doc, { text: 'Ny', author: author('m1') })));
		expect(notesMap(doc).get(id)?.get('authorId')).toBe(authorPseudonym(SECRET, 'm1'));
		expect(authorPseudonym(SECRET, 'm1')).not.toBe(authorPseudonym(SECRET, 'm2'));
	});

	it('leaves a note written before the switch under the id it was written with', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'Före', author: author('m1') });
		accepted(doc, 'm1', true, () => editNote(doc, id, 'Ändrad efter'));
		expect(notesMap(doc).get(id)?.toJSON()).toMatchObject({
			text: 'Ändrad efter',
			authorId: 'm1'
		});
	});

	it('signs nothing while the workshop is not anonymous', () => {
		const doc = new Y.Doc();
		let id = '';
		accepted(doc, 'm1', false, () => (id = addNote(doc, { text: 'Öppen', author: author('m1') })));
		expect(notesMap(doc).get(id)?.get('authorId')).toBe('m1');
	});
});
