import { describe, expect, it } from 'vitest';
import { addNote, notesMap } from '$lib/workshop/doc';
import type * as Y from 'yjs';
import { author, board, change, member, replica } from './judge-fixture';

const eventsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('events');

/**
 * The judge skips a field whose value an update left the same. "The same" must be the value
 * readers see: NaN and Infinity are numbers Yjs keeps (JSON would print both as null), so a
 * change of a null to NaN is a change, judged like any other.
 */
describe('a value the update changed only for JSON', () => {
	function setup() {
		const b = board();
		const bo = member(b, 'bo');
		const anna = member(b, 'anna');
		const boDoc = replica(b.doc);
		let note = '';
		change(b.doc, bo, boDoc, () => {
			note = addNote(boDoc, { text: 'Bos andra lapp', author: author('bo') });
		});
		return { b, bo, anna, note, annaDoc: replica(b.doc), boDoc };
	}

	it.each([NaN, Infinity, -Infinity])('refuses %s in a null field of someone else’s note', (v) => {
		const s = setup();
		expect(notesMap(s.b.doc).get(s.note)!.get('questionId')).toBeNull();
		const refused = change(s.b.doc, s.anna, s.annaDoc, () =>
			notesMap(s.annaDoc).get(s.note)!.set('questionId', v)
		);
		expect(refused).toMatch(/not yours to change/);
		expect(notesMap(s.b.doc).get(s.note)!.get('questionId')).toBeNull();
	});

	it('refuses NaN in a null field of the owner’s own note (not an id)', () => {
		const s = setup();
		const refused = change(s.b.doc, s.bo, s.boDoc, () =>
			notesMap(s.boDoc).get(s.note)!.set('questionId', NaN)
		);
		expect(refused).toMatch(/bad value for questionId/);
	});

	it('still lets a value written again unchanged through, for anyone', () => {
		const s = setup();
		const same = change(s.b.doc, s.anna, s.annaDoc, () =>
			notesMap(s.annaDoc).get(s.note)!.set('questionId', null)
		);
		expect(same).toBeNull();
	});

	it('compares a list by its items: written again equal, nothing changed; else judged', () => {
		const b = board();
		const anna = member(b, 'anna');
		const annaDoc = replica(b.doc);
		const facts = () => eventsMap(annaDoc).get(b.eventId)!;
		expect(facts().get('facts')).toEqual(['Ringer 1177']);
		expect(change(b.doc, anna, annaDoc, () => facts().set('facts', ['Ringer 1177']))).toBeNull();
		const other = replica(b.doc);
		expect(
			change(b.doc, anna, other, () =>
				eventsMap(other).get(b.eventId)!.set('facts', ['Ringer 112'])
			)
		).toMatch(/not yours to change/);
	});
});
