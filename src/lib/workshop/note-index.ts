import * as Y from 'yjs';
import { notesMap, readNote, type Note } from './doc';

/**
 * Keeps a Map of notes in step with the document by re-reading only the notes a change
 * touched, so a keystroke by one of 50 people costs one note, not 2,000. Unchanged notes keep
 * their object identity, which lets keyed lists in the UI skip them.
 */
export class NoteIndex {
	readonly notes = new Map<string, Note>();
	#map: Y.Map<Y.Map<unknown>>;

	constructor(doc: Y.Doc) {
		this.#map = notesMap(doc);
		this.#map.forEach((note, id) => {
			if (note instanceof Y.Map) this.notes.set(id, readNote(id, note));
		});
	}

	/** Applies the events of one `observeDeep` call; returns the ids that changed. */
	apply(events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
		const changed = new Set<string>();
		for (const event of events) {
			if (event.target === this.#map) {
				for (const key of event.changes.keys.keys()) changed.add(key);
			} else if (typeof event.path[0] === 'string') {
				changed.add(event.path[0]);
			}
		}
		for (const id of changed) {
			const note = this.#map.get(id);
			if (note instanceof Y.Map) this.notes.set(id, readNote(id, note));
			else this.notes.delete(id);
		}
		return changed;
	}
}

export const cellKey = (eventId: string | null, questionId: string | null) =>
	`${eventId ?? ''}|${questionId ?? ''}`;

/** Notes per event × question cell, oldest first within a cell. */
export function groupByCell(notes: Iterable<Note>): Map<string, Note[]> {
	const cells = new Map<string, Note[]>();
	for (const note of notes) {
		const key = cellKey(note.eventId, note.questionId);
		let list = cells.get(key);
		if (!list) cells.set(key, (list = []));
		list.push(note);
	}
	for (const list of cells.values()) {
		list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	}
	return cells;
}

export interface KindCounts {
	bottennapp: number;
	hojdpunkt: number;
}

/** Bottennappar and höjdpunkter per event. */
export function countKindsByEvent(notes: Iterable<Note>, eventIds: string[]) {
	const counts = new Map<string, KindCounts>(
		eventIds.map((id) => [id, { bottennapp: 0, hojdpunkt: 0 }])
	);
	for (const note of notes) {
		const c = note.eventId ? counts.get(note.eventId) : undefined;
		if (c && (note.kind === 'bottennapp' || note.kind === 'hojdpunkt')) c[note.kind]++;
	}
	return counts;
}

/** Quotes (citat) grouped by question, in question order; empty groups left out. */
export function quotesByQuestion(notes: Iterable<Note>, questionIds: string[]) {
	const groups = new Map<string, Note[]>(questionIds.map((id) => [id, []]));
	for (const note of notes) {
		if (note.kind === 'citat' && note.questionId) groups.get(note.questionId)?.push(note);
	}
	return [...groups]
		.filter(([, list]) => list.length > 0)
		.map(([questionId, list]) => ({
			questionId,
			notes: list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
		}));
}
