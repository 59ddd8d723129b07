import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { author, board, change, member, replica } from './judge-fixture';
import { agendaMap, listSteps } from '$lib/workshop/records/agenda';
import { facilitationMap, readFacilitation } from '$lib/workshop/records/facilitation';

/**
 * The agenda is the facilitators', the room's state (current step, leader, timer) the server's
 * alone: these are the declarations' rules as the judge applies them to real updates.
 */
function setup() {
	const b = board();
	const fia = member(b, 'fia', 'facilitator');
	const fiaDoc = replica(b.doc);
	const anna = member(b, 'anna');
	const annaDoc = replica(b.doc);
	expect(
		change(b.doc, anna, annaDoc, () => addNote(annaDoc, { text: 'A', author: author('anna') }))
	).toBeNull();
	return { b, fia, fiaDoc, anna, annaDoc };
}

const step = (doc: Y.Doc, id: string, order: string) => {
	const map = new Y.Map<unknown>();
	agendaMap(doc).set(id, map);
	map.set('kind', 'journey');
	map.set('title', '');
	map.set('minutes', 30);
	map.set('instruction', 'Skriv en lapp per tanke');
	map.set('order', order);
};

describe('agenda and facilitation declarations', () => {
	it('lets a facilitator write the agenda and reads it in order', () => {
		const s = setup();
		expect(
			change(s.b.doc, s.fia, s.fiaDoc, () => {
				step(s.fiaDoc, 'b', 'a1');
				step(s.fiaDoc, 'a', 'a0');
			})
		).toBeNull();
		expect(listSteps(s.b.doc).map((x) => x.id)).toEqual(['a', 'b']);
	});

	it('refuses a participant’s step', () => {
		const s = setup();
		expect(change(s.b.doc, s.anna, s.annaDoc, () => step(s.annaDoc, 'x', 'a0'))).toMatch(/step/);
		expect(agendaMap(s.b.doc).size).toBe(0);
	});

	it('refuses every client’s write to the room state, a facilitator’s too', () => {
		const s = setup();
		for (const [who, doc] of [
			[s.anna, s.annaDoc],
			[s.fia, s.fiaDoc]
		] as const) {
			expect(
				change(s.b.doc, who, doc, () => facilitationMap(doc).set('stepId', 'a'))
			).not.toBeNull();
		}
		expect(readFacilitation(s.b.doc).stepId).toBeNull();
	});

	it('reads each field on its own: one malformed field hides nothing else', () => {
		const doc = new Y.Doc();
		facilitationMap(doc).set('stepId', 'step1');
		facilitationMap(doc).set('timer', { stepId: 'step1', durationMs: -5 });
		expect(readFacilitation(doc)).toMatchObject({ stepId: 'step1', timer: null, notesOpen: false });
	});
});
