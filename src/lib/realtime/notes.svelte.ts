import type * as Y from 'yjs';
import { notesMap, type Note } from '$lib/workshop/doc';
import { NoteIndex } from '$lib/workshop/note-index';

/**
 * The board's notes as reactive state. A change re-reads only the notes it touched
 * (NoteIndex), and untouched notes keep their object identity, so keyed lists re-render only
 * what changed even on a 2,000-note board.
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

	destroy() {
		notesMap(this.#doc).unobserveDeep(this.#onChange);
	}
}
