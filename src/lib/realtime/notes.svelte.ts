import type * as Y from 'yjs';
import { listNotes, notesMap, type Note } from '$lib/workshop/doc';

/** The board's notes as reactive state, re-read whenever the shared document changes. */
export class BoardNotes {
	#all = $state.raw<Note[]>([]);
	#doc: Y.Doc;
	#onChange = () => {
		this.#all = listNotes(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#all = listNotes(doc);
		notesMap(doc).observeDeep(this.#onChange);
	}

	/** Oldest first, the same order in every browser. */
	get all(): Note[] {
		return this.#all;
	}

	destroy() {
		notesMap(this.#doc).unobserveDeep(this.#onChange);
	}
}
