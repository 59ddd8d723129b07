import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, listNotes } from './doc';
import {
	addEvent,
	addQuestion,
	listEvents,
	listQuestions,
	moveEvent,
	moveQuestion,
	nudgeEvent,
	nudgeQuestion,
	removedEvents,
	removeEvent,
	removeQuestion,
	restoreEvent,
	updateEvent,
	updateQuestion
} from './journey';

const author = { id: 'm1', name: null, profession: 'lakare', organisation: 'region' };

function exchange(a: Y.Doc, b: Y.Doc) {
	const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
	const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
	Y.applyUpdate(b, toB);
	Y.applyUpdate(a, toA);
}

const titles = (doc: Y.Doc) => listEvents(doc).map((e) => e.title);

describe('journey events', () => {
	it('adds events in order, with cleaned facts, and inserts at an index', () => {
		const doc = new Y.Doc();
		addEvent(doc, { title: ' Händelse 1 ', facts: ['Blöder ur ändtarm', '  ', 'Ringer 1177'] });
		addEvent(doc, { title: 'Händelse 3' });
		addEvent(doc, { title: 'Händelse 2', index: 1 });
		expect(titles(doc)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(listEvents(doc)[0]!.facts).toEqual(['Blöder ur ändtarm', 'Ringer 1177']);
	});

	it('moves and nudges events, and refuses moves past the ends', () => {
		const doc = new Y.Doc();
		const [a, b, c] = ['A', 'B', 'C'].map((title) => addEvent(doc, { title }));
		expect(moveEvent(doc, c!, 0)).toBe(true);
		expect(titles(doc)).toEqual(['C', 'A', 'B']);
		expect(nudgeEvent(doc, c!, 1)).toBe(true);
		expect(titles(doc)).toEqual(['A', 'C', 'B']);
		expect(nudgeEvent(doc, a!, -1)).toBe(false);
		expect(nudgeEvent(doc, b!, 1)).toBe(false);
		expect(moveEvent(doc, 'unknown', 0)).toBe(false);
	});

	it('renames an event and edits its facts', () => {
		const doc = new Y.Doc();
		const id = addEvent(doc, { title: 'A' });
		updateEvent(doc, id, { title: 'Händelse 2', facts: ['Dotter ringer ambulans'] });
		expect(listEvents(doc)).toEqual([
			{ id, title: 'Händelse 2', facts: ['Dotter ringer ambulans'] }
		]);
	});

	it('keeps the provenance of notes when events are reordered, removed and restored', () => {
		const doc = new Y.Doc();
		const e1 = addEvent(doc, { title: 'Händelse 1' });
		const e2 = addEvent(doc, { title: 'Händelse 2' });
		const q = addQuestion(doc, { text: 'Hur går det till idag?' });
		addNote(doc, { text: 'Ringer 1177', eventId: e1, questionId: q, author });
		moveEvent(doc, e2, 0);
		removeEvent(doc, e1, 10);
		expect(titles(doc)).toEqual(['Händelse 2']);
		expect(removedEvents(doc)).toEqual([e1]);
		expect(listNotes(doc)[0]).toMatchObject({ eventId: e1, questionId: q });
		restoreEvent(doc, e1);
		expect(titles(doc)).toEqual(['Händelse 2', 'Händelse 1']);
		expect(removedEvents(doc)).toEqual([]);
	});

	it('converges when two people reorder the same events at once, with none lost or doubled', () => {
		const a = new Y.Doc();
		const ids = ['1', '2', '3', '4'].map((n) => addEvent(a, { title: n }));
		const b = new Y.Doc();
		exchange(a, b);
		moveEvent(a, ids[3]!, 0);
		moveEvent(b, ids[0]!, 3);
		nudgeEvent(b, ids[1]!, 1);
		exchange(a, b);
		expect(titles(a)).toEqual(titles(b));
		expect([...titles(a)].sort()).toEqual(['1', '2', '3', '4']);
	});

	it('orders concurrent inserts at the same place identically everywhere', () => {
		const a = new Y.Doc();
		addEvent(a, { title: 'first' });
		const b = new Y.Doc();
		exchange(a, b);
		addEvent(a, { title: 'from a', id: 'x' });
		addEvent(b, { title: 'from b', id: 'y' });
		exchange(a, b);
		expect(titles(a)).toEqual(['first', 'from a', 'from b']);
		expect(titles(b)).toEqual(titles(a));
		// A later insert between the tied pair still lands somewhere definite.
		addEvent(a, { title: 'between', index: 2 });
		expect(titles(a)).toHaveLength(4);
		expect(titles(a).indexOf('between')).toBeGreaterThan(0);
	});
});

describe('journey questions', () => {
	it('adds, edits, reorders and removes questions', () => {
		const doc = new Y.Doc();
		const q1 = addQuestion(doc, { text: 'Vad behöver den enskilde av oss?' });
		const q2 = addQuestion(doc, { text: 'Hur går det till idag?' });
		updateQuestion(doc, q2, 'Hur går det till idag? ');
		moveQuestion(doc, q2, 0);
		expect(listQuestions(doc).map((q) => q.id)).toEqual([q2, q1]);
		expect(listQuestions(doc)[0]!.text).toBe('Hur går det till idag?');
		nudgeQuestion(doc, q2, 1);
		removeQuestion(doc, q1);
		expect(listQuestions(doc)).toEqual([{ id: q2, text: 'Hur går det till idag?' }]);
	});
});
