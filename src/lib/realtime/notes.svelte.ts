import type * as Y from 'yjs';
import {
	addNote,
	deleteNote,
	editNote,
	notesMap,
	setNoteKind,
	type NewNote,
	type Note,
	type NoteKind
} from '$lib/workshop/doc';
import { NoteIndex } from '$lib/workshop/note-index';

/**
 * The board's notes as reactive state. A change re-reads only the notes it touched
 * (NoteIndex), and untouched notes keep their object identity, so keyed lists re-render only
 * what changed even on a 2,000-note board. Notes are written through its commands.
 */
export class BoardNotes {
	#all = $state.raw<Note[]>([]);
	#doc: Y.Doc;
	#index: NoteIndex;
	#onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
		this.#index.apply(events);
		this.#publish();
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#index = new NoteIndex(doc);
		this.#publish();
		notesMap(doc).observeDeep(this.#onChange);
	}

	#publish() {
		this.#all = [...this.#index.notes.values()].sort(
			(a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
		);
	}

	/** Oldest first, the same order in every browser. */
	get all(): Note[] {
		return this.#all;
	}

	add(input: NewNote): string {
		return addNote(this.#doc, input);
	}

	/** Changes a note's text and kind in one step; false when the note is gone. */
	save(id: string, text: string, kind: NoteKind): boolean {
		let saved = false;
		this.#doc.transact(() => {
			saved = editNote(this.#doc, id, text) && setNoteKind(this.#doc, id, kind);
		});
		return saved;
	}

	remove(id: string): boolean {
		return deleteNote(this.#doc, id);
	}

	destroy() {
		notesMap(this.#doc).unobserveDeep(this.#onChange);
	}
}
