import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, editNote, notesMap } from './doc';
import { setEmotion } from './emotions';
import { addStep } from './records/agenda';
import { facilitationMap, readFacilitation } from './records/facilitation';
import { journeyWriteRefusal, type StepState } from './step-rules';
import { encodeUpdate } from '$lib/server/realtime/judge-bytes';
import { author, board, change, member, replica, send } from '$lib/server/realtime/judge-fixture';

const agenda: StepState['steps'] = [
	{ id: 'intro', kind: 'presentation' },
	{ id: 'persona', kind: 'persona' },
	{ id: 'resa1', kind: 'journey' },
	{ id: 'fika', kind: 'break' },
	{ id: 'resa2', kind: 'journey' },
	{ id: 'klustring', kind: 'clustering' },
	{ id: 'prio', kind: 'prioritisation' }
];
const at = (currentStepId: string | null, notesOpen = false): StepState => ({
	steps: agenda,
	currentStepId,
	notesOpen
});

describe('who may write the journey in which step', () => {
	it('allows notes before and in the journey’s steps, a break between them included', () => {
		for (const id of ['intro', 'persona', 'resa1', 'fika', 'resa2']) {
			expect(journeyWriteRefusal(at(id))).toBeNull();
		}
	});

	it('refuses notes after the last journey step', () => {
		expect(journeyWriteRefusal(at('klustring'))).toMatch(/closed/);
		expect(journeyWriteRefusal(at('prio'))).toMatch(/closed/);
	});

	it('allows them again while the facilitator keeps notes open', () => {
		expect(journeyWriteRefusal(at('prio', true))).toBeNull();
	});

	it('binds nothing without a current step, an agenda, a known step or a journey step', () => {
		expect(journeyWriteRefusal(at(null))).toBeNull();
		expect(journeyWriteRefusal({ steps: [], currentStepId: 'x', notesOpen: false })).toBeNull();
		expect(journeyWriteRefusal(at('removed-step'))).toBeNull();
		const noJourney = agenda.filter((step) => step.kind !== 'journey');
		expect(
			journeyWriteRefusal({ steps: noJourney, currentStepId: 'prio', notesOpen: false })
		).toBeNull();
	});
});

/** The server's board with a two-step agenda, and its current step set as the server does. */
function setup() {
	const b = board();
	const journey = addStep(b.doc, { kind: 'journey', title: '', minutes: 30, instruction: '' });
	const clustering = addStep(b.doc, {
		kind: 'clustering',
		title: '',
		minutes: 20,
		instruction: ''
	});
	const go = (stepId: string) => facilitationMap(b.doc).set('stepId', stepId);
	const fia = member(b, 'fia', 'facilitator');
	const anna = member(b, 'anna');
	const annaDoc = replica(b.doc);
	const annaNote = addNote(b.doc, { text: 'Annas lapp', author: author('anna') });
	return { b, journey, clustering, go, fia, anna, annaDoc, annaNote };
}

describe('the judge applies the step rules to real updates', () => {
	it('lets a participant write notes and emotions in the journey step', () => {
		const s = setup();
		s.go(s.journey);
		const doc = replica(s.b.doc);
		expect(
			change(s.b.doc, s.anna, doc, () => addNote(doc, { text: 'Ny', author: author('anna') }))
		).toBeNull();
		expect(change(s.b.doc, s.anna, doc, () => setEmotion(doc, s.b.eventId, 'anna', 2))).toBeNull();
	});

	it('refuses a participant’s new note, edit and emotion after the journey, and keeps removal', () => {
		const s = setup();
		s.go(s.clustering);
		// A fresh copy per change: a refused change stays in the copy that made it.
		const tries: Array<(doc: import('yjs').Doc) => unknown> = [
			(doc) => addNote(doc, { text: 'Sen', author: author('anna') }),
			(doc) => editNote(doc, s.annaNote, 'Ändrad'),
			(doc) => setEmotion(doc, s.b.eventId, 'anna', 2)
		];
		for (const edit of tries) {
			const doc = replica(s.b.doc);
			expect(change(s.b.doc, s.anna, doc, () => edit(doc))).toMatch(/closed/);
		}
		// What they wrote stays theirs to take back.
		const fresh = replica(s.b.doc);
		expect(change(s.b.doc, s.anna, fresh, () => deleteNote(fresh, s.annaNote))).toBeNull();
	});

	it('refuses a note built byte by byte after the journey', () => {
		const s = setup();
		s.go(s.clustering);
		// Every field of an honest note of hers, so nothing but the step can refuse it.
		const fields = Object.entries(notesMap(s.b.doc).get(s.annaNote)!.toJSON());
		const client = 777_001;
		const update = encodeUpdate([
			{
				client,
				clock: 0,
				structs: [
					{ parent: 'notes', parentSub: 'forged', content: { map: true } },
					...fields.map(([field, value]) => ({
						parent: [client, 0] as const,
						parentSub: field,
						content: { any: [value] }
					}))
				]
			}
		]);
		expect(send(s.b.doc, s.anna, update)).toMatch(/closed/);
		expect(s.b.doc.getMap('notes').has('forged')).toBe(false);
	});

	it('lets the participant write again when notes are open, and never binds a facilitator', () => {
		const s = setup();
		s.go(s.clustering);
		const fiaDoc = replica(s.b.doc);
		expect(
			change(s.b.doc, s.fia, fiaDoc, () => addNote(fiaDoc, { text: 'F', author: author('fia') }))
		).toBeNull();
		facilitationMap(s.b.doc).set('notesOpen', true);
		const doc = replica(s.b.doc);
		expect(
			change(s.b.doc, s.anna, doc, () => addNote(doc, { text: 'Öppet', author: author('anna') }))
		).toBeNull();
	});

	it('reads a malformed step or notesOpen as absent, as readFacilitation does', () => {
		const s = setup();
		const note = (doc: import('yjs').Doc) => () =>
			addNote(doc, { text: 'Ny', author: author('anna') });
		s.go(s.clustering);
		// notesOpen that is not a boolean opens nothing.
		facilitationMap(s.b.doc).set('notesOpen', 'true');
		let doc = replica(s.b.doc);
		expect(change(s.b.doc, s.anna, doc, note(doc))).toMatch(/closed/);
		expect(readFacilitation(s.b.doc).notesOpen).toBe(false);
		// A step id that is not an id is no current step: nothing is bound.
		facilitationMap(s.b.doc).set('stepId', `${s.clustering} `);
		doc = replica(s.b.doc);
		expect(change(s.b.doc, s.anna, doc, note(doc))).toBeNull();
		expect(readFacilitation(s.b.doc).stepId).toBeNull();
	});

	it('keeps a workshop without a current step as it was', () => {
		const s = setup();
		const doc = replica(s.b.doc);
		expect(
			change(s.b.doc, s.anna, doc, () => addNote(doc, { text: 'Fri', author: author('anna') }))
		).toBeNull();
	});
});
