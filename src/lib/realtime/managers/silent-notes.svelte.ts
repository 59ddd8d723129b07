import type * as Y from 'yjs';
import {
	addNote,
	copyNote,
	deleteNote,
	editNote,
	listNotes,
	notesMap,
	setNoteKind,
	type NewNote,
	type Note,
	type NoteKind
} from '$lib/workshop/doc';
import { listNoteRounds, noteRoundsMap, type NoteRound } from '$lib/workshop/records/note-round';
import type { PrivateConnection } from '../private-connection.svelte';
import { postWorkflow, type WorkflowResult } from '../workflow';

/**
 * The silent round on the journey in this browser: the rounds from the shared board, and this
 * member's own notes of the round in their private document, which only they and the server
 * read until the facilitator reveals them. Rounds are opened and revealed through the server
 * (POST …/note-rounds), never written here.
 */
export class BoardSilentNotes {
	#board: Y.Doc;
	#openOwn: () => PrivateConnection;
	#own: PrivateConnection | null = null;
	#url: string;
	#rounds = $state.raw<NoteRound[]>([]);
	// The private document is opened only while a round is open: the board page never pays for
	// a second socket otherwise.
	#mine = $derived(this.open ? listNotes(this.#ownDoc()) : []);
	#readBoard = () => {
		this.#rounds = listNoteRounds(this.#board);
	};
	#offRecovered: (() => void) | null = null;

	/** `own`: opens the member's private document (the session's, on first use). */
	constructor(board: Y.Doc, own: () => PrivateConnection, workshopId: string) {
		this.#board = board;
		this.#openOwn = own;
		this.#url = `/api/workshops/${workshopId}/note-rounds`;
		noteRoundsMap(board).observeDeep(this.#readBoard);
		this.#readBoard();
	}

	#connection(): PrivateConnection {
		if (!this.#own) {
			this.#own = this.#openOwn();
			this.#offRecovered = this.#own.onRecovered(this.#refile);
		}
		return this.#own;
	}

	#ownDoc(): Y.Doc {
		return this.#connection().doc;
	}

	/**
	 * The server refused a private write (a note typed just as the round was revealed) and the
	 * private document started over from its copy: every note this browser held that neither
	 * the server's private copy nor the board has is written again, privately while the round
	 * is open, else into the board, so none is lost. The reveal keeps ids.
	 */
	#refile = (held: Y.Doc) => {
		const own = this.#ownDoc();
		// A lookup for this one pass, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const taken = new Set([...notesMap(own).keys(), ...notesMap(this.#board).keys()]);
		const target = this.open ? own : this.#board;
		for (const note of listNotes(held)) {
			if (taken.has(note.id)) continue;
			copyNote(target, note);
		}
	};

	/** The open round, if any: new notes go to the private document. */
	get open(): NoteRound | null {
		return this.#rounds.find((r) => r.status === 'open') ?? null;
	}

	/** The latest round, open or revealed (null: none yet). */
	get latest(): NoteRound | null {
		return this.#rounds.at(-1) ?? null;
	}

	/** This member's notes not yet revealed, oldest first. */
	get mine(): Note[] {
		return this.#mine;
	}

	add(input: NewNote): string {
		return addNote(this.#ownDoc(), input);
	}

	/** Changes a private note's text and kind in one step; false when it is gone. */
	save(id: string, text: string, kind: NoteKind): boolean {
		const doc = this.#ownDoc();
		let saved = false;
		doc.transact(() => {
			saved = editNote(doc, id, text) && setNoteKind(doc, id, kind);
		});
		return saved;
	}

	remove(id: string): boolean {
		return deleteNote(this.#ownDoc(), id);
	}

	/** A facilitator's action (open, reveal), carried out by the server. */
	act(body: { action: 'open' } | { action: 'reveal'; roundId: string }): Promise<WorkflowResult> {
		return postWorkflow(this.#url, body);
	}

	destroy() {
		noteRoundsMap(this.#board).unobserveDeep(this.#readBoard);
		this.#offRecovered?.();
	}
}
