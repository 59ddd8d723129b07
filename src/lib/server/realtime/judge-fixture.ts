import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { addEvent, addQuestion } from '$lib/workshop/journey';
import { updatePersona } from '$lib/workshop/persona';
import { memoryClientIds, type ClientIds } from './client-ids';
import { judgeWrites, type WriteCheck } from './judge';

/** A server's board for the judge's tests: the facilitator's structure and one note by Bo. */
export function board() {
	const doc = new Y.Doc();
	updatePersona(doc, { name: 'Oskar', age: 83, situation: ['Änkling'] });
	const eventId = addEvent(doc, { title: 'Händelse 1', facts: ['Ringer 1177'] });
	addEvent(doc, { title: 'Händelse 2' });
	const questionId = addQuestion(doc, { text: 'Vad fungerar bra?' });
	const boNote = addNote(doc, { text: 'Bos lapp', author: author('bo'), eventId, questionId });
	return { doc, eventId, questionId, boNote, clientIds: memoryClientIds() };
}

export type Board = ReturnType<typeof board>;

export function author(id: string, name: string | null = id.toUpperCase()) {
	return { id, name, profession: 'sjukskoterska', organisation: 'kommun' } as const;
}

/** A member's judge for this board. */
export function member(
	b: { clientIds: ClientIds },
	id: string,
	role: 'facilitator' | 'participant' = 'participant'
): WriteCheck {
	return judgeWrites({
		writer: { membershipId: id, role, ids: () => [id], names: () => [id.toUpperCase()] },
		clientIds: b.clientIds
	});
}

/** Sends one update as the room does: judged, then applied when allowed. Null when accepted. */
export function send(doc: Y.Doc, check: WriteCheck, update: Uint8Array): string | null {
	const refused = check(doc, update);
	if (refused) return refused.malformed ? 'malformed' : refused.reason;
	Y.applyUpdate(doc, update);
	return null;
}

/** A client's copy of the server's document. */
export function replica(doc: Y.Doc) {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/** The update a client sends for one change, sent to the server. */
export function change(doc: Y.Doc, check: WriteCheck, client: Y.Doc, edit: () => unknown) {
	const updates: Uint8Array[] = [];
	const record = (u: Uint8Array) => updates.push(u);
	client.on('update', record);
	edit();
	client.off('update', record);
	if (updates.length === 0) return null;
	return send(doc, check, Y.mergeUpdates(updates));
}
