import { describe, expect, it } from 'vitest';
import {
	collectNoteChanges,
	summariseNoteChanges,
	type NoteSnapshot,
	type PendingChanges
} from './note-changes';

const note = (id: string, text: string, eventId: string | null, authorId = 'bo'): NoteSnapshot => ({
	id,
	text,
	eventId,
	authorId
});
const byId = (notes: NoteSnapshot[]) => new Map(notes.map((n) => [n.id, n]));
const mine = (authorId: string) => authorId === 'anna';
const empty: PendingChanges = new Map();

describe('collectNoteChanges', () => {
	it('counts others’ new notes and never one’s own', () => {
		const after = [
			note('1', 'Vem ringer?', 'e1'),
			note('2', 'Dosett', 'e1'),
			note('3', 'Min', 'e1', 'anna')
		];
		const changes = collectNoteChanges(empty, new Map(), after, mine);
		expect([...changes.keys()]).toEqual(['1', '2']);
		expect(summariseNoteChanges(changes, ['e1'])).toEqual([
			{ kind: 'added', count: 2, eventId: 'e1' }
		]);
	});

	it('keeps a note typed into, keystroke by keystroke, as one change', () => {
		let before = byId([note('1', 'V', 'e1')]);
		let changes = empty;
		for (const text of ['Ve', 'Vem', 'Vem r', 'Vem ringer']) {
			const after = [note('1', text, 'e1')];
			changes = collectNoteChanges(changes, before, after, mine);
			before = byId(after);
		}
		expect(summariseNoteChanges(changes, ['e1'])).toEqual([
			{ kind: 'changed', count: 1, eventId: 'e1' }
		]);
	});

	it('keeps a new note new while it is edited, and forgets one removed before the summary', () => {
		let changes = collectNoteChanges(
			empty,
			new Map(),
			[note('1', 'A', 'e1'), note('2', 'B', 'e2')],
			mine
		);
		changes = collectNoteChanges(
			changes,
			byId([note('1', 'A', 'e1'), note('2', 'B', 'e2')]),
			[note('1', 'AB', 'e1')],
			mine
		);
		expect(summariseNoteChanges(changes, ['e1', 'e2'])).toEqual([
			{ kind: 'added', count: 1, eventId: 'e1' }
		]);
	});

	it('reports removals and moves, ordered by kind and then by event', () => {
		const before = byId([note('1', 'A', 'e2'), note('2', 'B', 'e1'), note('3', 'C', null)]);
		const after = [note('1', 'A', 'e1'), note('4', 'D', 'e2'), note('5', 'E', null)];
		const changes = collectNoteChanges(empty, before, after, mine);
		expect(summariseNoteChanges(changes, ['e1', 'e2'])).toEqual([
			{ kind: 'added', count: 1, eventId: 'e2' },
			{ kind: 'added', count: 1, eventId: null },
			{ kind: 'changed', count: 1, eventId: 'e1' },
			{ kind: 'removed', count: 1, eventId: 'e1' },
			{ kind: 'removed', count: 1, eventId: null }
		]);
	});
});
