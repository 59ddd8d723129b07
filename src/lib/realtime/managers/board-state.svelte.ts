import type * as Y from 'yjs';
import type { Role } from '$lib/workshop/roles';
import { isBoardLocked, setBoardLocked, stateMap } from '$lib/workshop/records/board-state';

/**
 * The board's workshop-wide switches (today the lock) as reactive state, and the commands
 * that set them. Only facilitators call the commands; the server refuses anyone else.
 */
export class BoardState {
	#locked = $state(false);
	#doc: Y.Doc;
	#read = () => {
		this.#locked = isBoardLocked(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#read();
		stateMap(doc).observe(this.#read);
	}

	/** True while nobody but facilitators may write to the board. */
	get locked(): boolean {
		return this.#locked;
	}

	/** Whether the lock keeps someone in this role from writing right now. */
	blocks(role: Role): boolean {
		return this.#locked && role !== 'facilitator';
	}

	lock() {
		setBoardLocked(this.#doc, true);
	}

	unlock() {
		setBoardLocked(this.#doc, false);
	}

	destroy() {
		stateMap(this.#doc).unobserve(this.#read);
	}
}
