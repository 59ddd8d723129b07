import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, notesMap, setNoteKind } from '$lib/workshop/doc';
import { emotionsMap, setEmotion } from '$lib/workshop/emotions';
import {
	addEvent,
	addQuestion,
	listEvents,
	nudgeEvent,
	updateQuestion
} from '$lib/workshop/journey';
import { updatePersona } from '$lib/workshop/persona';
import { setBoardLocked } from '$lib/workshop/records/board-state';
import { participantWrites, type Writer } from './write-policy';

const anna: Writer = { membershipId: 'anna' };
const annaAuthor = {
	id: 'anna',
	name: 'Anna',
	profession: 'sjukskoterska',
	organisation: 'kommun'
};
const bo = { id: 'bo', name: 'Bo', profession: 'lakare', organisation: 'region' };
const policy = participantWrites(anna);
const check = (doc: Y.Doc, update: Uint8Array) => {
	const refused = policy(doc, update);
	return refused && (refused.malformed ? 'malformed' : refused.reason);
};

/** A server document with a facilitator's structure and one note by Bo. */
function server() {
	const doc = new Y.Doc();
	updatePersona(doc, { name: 'Oskar', age: 83 });
	const eventId = addEvent(doc, { title: 'Händelse 1' });
	addEvent(doc, { title: 'Händelse 2' });
	const questionId = addQuestion(doc, { text: 'Vad fungerar bra?' });
	const boNote = addNote(doc, { text: 'Bos lapp', author: bo, eventId, questionId });
	return { doc, eventId, questionId, boNote };
}

/** A participant's copy of the server document. */
function replica(serverDoc: Y.Doc) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(serverDoc));
	return doc;
}

/**
 * The update a client sends for one change, judged against the server's document and, when
 * allowed, applied there as the server would.
 */
function judge(serverDoc: Y.Doc, client: Y.Doc, change: () => void) {
	const updates: Uint8Array[] = [];
	const record = (u: Uint8Array) => updates.push(u);
	client.on('update', record);
	change();
	client.off('update', record);
	expect(updates.length).toBeGreaterThan(0);
	const update = Y.mergeUpdates(updates);
	const refused = check(serverDoc, update);
	if (refused === null) Y.applyUpdate(serverDoc, update);
	return refused;
}

describe('what a participant may write to the board', () => {
	it('allows adding, editing, marking, moving and deleting their own notes', () => {
		const { doc, eventId, questionId } = server();
		const client = replica(doc);
		let id = '';
		expect(
			judge(doc, client, () => {
				id = addNote(client, { text: 'Min lapp', author: annaAuthor, eventId, questionId });
			})
		).toBeNull();
		expect(judge(doc, client, () => editNote(client, id, 'Ändrad'))).toBeNull();
		expect(judge(doc, client, () => setNoteKind(client, id, 'bottennapp'))).toBeNull();
		expect(judge(doc, client, () => notesMap(client).get(id)!.set('questionId', null))).toBeNull();
		expect(judge(doc, client, () => deleteNote(client, id))).toBeNull();
	});

	it('allows a note without a name (anonymous workshop)', () => {
		const { doc } = server();
		const client = replica(doc);
		expect(
			judge(doc, client, () =>
				addNote(client, { text: 'x', author: { ...annaAuthor, name: null } })
			)
		).toBeNull();
	});

	it('allows setting and clearing their own emotion rating', () => {
		const { doc, eventId } = server();
		const client = replica(doc);
		expect(judge(doc, client, () => setEmotion(client, eventId, 'anna', -2))).toBeNull();
		expect(judge(doc, client, () => setEmotion(client, eventId, 'anna', 1))).toBeNull();
		expect(judge(doc, client, () => setEmotion(client, eventId, 'anna', null))).toBeNull();
	});

	it('refuses changes to someone else’s note', () => {
		const { doc, boNote } = server();
		const a = replica(doc);
		expect(judge(doc, a, () => editNote(a, boNote, 'Kapad'))).toMatch(/own notes/);
		const b = replica(doc);
		expect(judge(doc, b, () => deleteNote(b, boNote))).toMatch(/own notes/);
	});

	it('refuses replacing someone else’s note under its id', () => {
		const { doc, boNote } = server();
		const client = replica(doc);
		expect(
			judge(doc, client, () => addNote(client, { id: boNote, text: 'Min nu', author: annaAuthor }))
		).toMatch(/own notes/);
	});

	it('refuses notes in another member’s id or with an unknown profession or organisation', () => {
		const { doc } = server();
		const client = replica(doc);
		expect(judge(doc, client, () => addNote(client, { text: 'x', author: bo }))).toMatch(
			/authored by its writer/
		);
		expect(
			judge(doc, client, () =>
				addNote(client, { text: 'x', author: { ...annaAuthor, profession: 'astronaut' } })
			)
		).toMatch(/profession/);
		expect(
			judge(doc, client, () =>
				addNote(client, { text: 'x', author: { ...annaAuthor, organisation: 'nasa' } })
			)
		).toMatch(/organisation/);
		// A profile changed by joining again, while this board still writes the old one.
		expect(
			judge(doc, client, () =>
				addNote(client, { text: 'x', author: { ...annaAuthor, profession: 'chef' } })
			)
		).toBeNull();
	});

	it('refuses rewriting the provenance of their own note', () => {
		const { doc } = server();
		const client = replica(doc);
		const id = addNote(client, { text: 'x', author: annaAuthor });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc)));
		expect(judge(doc, client, () => notesMap(client).get(id)!.set('authorId', 'bo'))).toMatch(
			/cannot be changed/
		);
		expect(judge(doc, client, () => notesMap(client).get(id)!.set('kind', 'hemlig'))).toMatch(
			/bad value/
		);
	});

	it('refuses facilitator changes: persona, events, questions', () => {
		const { doc, eventId, questionId } = server();
		const client = replica(doc);
		expect(judge(doc, client, () => updatePersona(client, { name: 'Greta' }))).toMatch(/persona/);
		expect(judge(doc, client, () => addEvent(client, { title: 'Händelse 3' }))).toMatch(/events/);
		expect(judge(doc, client, () => nudgeEvent(client, eventId, 1))).toMatch(/events/);
		expect(judge(doc, client, () => updateQuestion(client, questionId, 'Annat'))).toMatch(
			/questions/
		);
		expect(judge(doc, client, () => client.getMap('settings').set('x', 1))).toMatch(/settings/);
	});

	it('refuses rating for someone else or outside −2 … +2', () => {
		const { doc, eventId } = server();
		const client = replica(doc);
		expect(judge(doc, client, () => setEmotion(client, eventId, 'bo', 2))).toMatch(/themselves/);
		expect(judge(doc, client, () => emotionsMap(client).set(`${eventId}|anna`, 7))).toMatch(
			/whole number/
		);
	});

	it('allows an offline edit of their note that a facilitator deleted meanwhile', () => {
		const { doc } = server();
		const client = replica(doc);
		const id = addNote(client, { text: 'x', author: annaAuthor });
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc)));
		deleteNote(doc, id);
		expect(judge(doc, client, () => editNote(client, id, 'offline'))).toBeNull();
	});

	it('allows the full catch-up a reconnecting client sends, deletions of others included', () => {
		const { doc, boNote } = server();
		const client = replica(doc);
		deleteNote(doc, boNote); // a facilitator, while Anna is offline
		Y.applyUpdate(client, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(client)));
		addNote(client, { text: 'offline 1', author: annaAuthor });
		addNote(client, { text: 'offline 2', author: annaAuthor });
		const catchUp = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
		expect(check(doc, catchUp)).toBeNull();
	});

	it('allows an update that repeats what the server has (y-indexeddb loading after connect)', () => {
		const { doc } = server();
		const client = replica(doc);
		setEmotion(client, listEvents(client)[0]!.id, 'anna', 1);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc)));
		// The whole document: the persona, events and Bo's note included.
		expect(check(doc, Y.encodeStateAsUpdate(client))).toBeNull();
		// The same, plus a change she may not make, is refused.
		updatePersona(client, { name: 'Greta' });
		expect(check(doc, Y.encodeStateAsUpdate(client))).toMatch(/persona/);
	});

	it('refuses deleting items the server has never seen and garbage', () => {
		const { doc } = server();
		const ds = new Y.Doc();
		ds.clientID = 424242;
		ds.getMap('notes').set('a', 1);
		ds.getMap('notes').delete('a');
		// Only the delete set, not the item it deletes.
		const onlyDelete = Y.encodeStateAsUpdate(ds, Y.encodeStateVector(ds));
		expect(check(doc, onlyDelete)).toMatch(/does not have/);
		expect(check(doc, new Uint8Array([1, 2, 3, 250, 250]))).toBe('malformed');
	});
});

describe('a locked board (stand-in until the write judge enforces it)', () => {
	it('refuses every new write of a participant, but not a catch-up that changes nothing', () => {
		const { doc, eventId } = server();
		const client = replica(doc);
		let id = '';
		expect(
			judge(doc, client, () => (id = addNote(client, { text: 'före', author: annaAuthor })))
		).toBeNull();
		deleteNote(client, id);
		const pendingDelete = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
		setBoardLocked(doc, true);
		expect(judge(doc, client, () => addNote(client, { text: 'x', author: annaAuthor }))).toMatch(
			/locked/
		);
		expect(check(doc, pendingDelete)).toMatch(/locked/);
		expect(judge(doc, client, () => setEmotion(client, eventId, 'anna', 1))).toMatch(/locked/);
		// What y-websocket sends on every connect: the whole state, nothing new in it.
		const fresh = replica(doc);
		expect(check(doc, Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(doc)))).toBeNull();
		expect(check(doc, Y.encodeStateAsUpdate(fresh))).toBeNull();
		setBoardLocked(doc, false);
		expect(check(doc, pendingDelete)).toBeNull();
	});
});
