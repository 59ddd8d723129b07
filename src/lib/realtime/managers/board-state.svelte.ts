import type * as Y from 'yjs';
import type { Role } from '$lib/workshop/roles';
import {
	isBoardClosed,
	isBoardLocked,
	setBoardLocked,
	stateMap
} from '$lib/workshop/records/board-state';
import { readSwitches, type WorkshopSwitches } from '$lib/workshop/records/workshop-switches';

/**
 * The board's workshop-wide switches as reactive state: the lock, which facilitators set here
 * (the server refuses anyone else), and the workshop's settings (anonymity, exports), which
 * the server writes when a facilitator changes them and every open board hears at once.
 */
export class BoardState {
	#locked = $state(false);
	#closed = $state(false);
	#switches = $state.raw<Partial<WorkshopSwitches>>({});
	#doc: Y.Doc;
	#read = () => {
		this.#locked = isBoardLocked(this.#doc);
		this.#closed = isBoardClosed(this.#doc);
		this.#switches = readSwitches(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#read();
		stateMap(doc).observe(this.#read);
	}

	/** The workshop's settings as the board holds them; one it does not hold is left out. */
	get switches(): Partial<WorkshopSwitches> {
		return this.#switches;
	}

	/** True while nobody but facilitators may write to the board. */
	get locked(): boolean {
		return this.#locked;
	}

	/** True while the workshop is closed: read-only for participants until it is reopened. */
	get closed(): boolean {
		return this.#closed;
	}

	/** Whether the lock (or the workshop being closed) keeps this role from writing right now. */
	blocks(role: Role): boolean {
		return (this.#locked || this.#closed) && role !== 'facilitator';
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
