import type * as Y from 'yjs';
import type { Step } from '$lib/workshop/records/agenda';
import { facilitationMap, type Facilitation } from '$lib/workshop/records/facilitation';
import { readyAuthors, readyMap, setReady } from '$lib/workshop/records/ready';
import type { BoardAgenda } from './agenda.svelte';

/**
 * The room's state as the timer bar and the ready check read it: the current step and its
 * timer (server times: read them with serverClock) and the agenda, both from the agenda store
 * (one reader of those records), and who has marked the current step "Klar". The timer and the
 * step are the server's to write (POST /api/workshops/:id/timer and /facilitation); a member
 * writes only their own ready flag.
 */
export class BoardTimer {
	#ready = $state.raw<readonly string[]>([]);
	#doc: Y.Doc;
	#agenda: BoardAgenda;
	#readReady = () => {
		const step = this.#agenda.room.stepId;
		this.#ready = step ? readyAuthors(this.#doc, step) : [];
	};

	constructor(doc: Y.Doc, agenda: BoardAgenda) {
		this.#doc = doc;
		this.#agenda = agenda;
		this.#readReady();
		// A step change resets the list: the flags are keyed by step.
		facilitationMap(doc).observe(this.#readReady);
		readyMap(doc).observe(this.#readReady);
	}

	get facilitation(): Facilitation {
		return this.#agenda.room;
	}

	get steps(): Step[] {
		return this.#agenda.steps;
	}

	/** The author ids marked ready for the current step. */
	get ready(): readonly string[] {
		return this.#ready;
	}

	/** Marks this member ready (or not) for the current step; false without one. */
	setReady(authorId: string, ready: boolean): boolean {
		const step = this.#agenda.room.stepId;
		if (!step) return false;
		setReady(this.#doc, step, authorId, ready);
		return true;
	}

	destroy() {
		facilitationMap(this.#doc).unobserve(this.#readReady);
		readyMap(this.#doc).unobserve(this.#readReady);
	}
}
