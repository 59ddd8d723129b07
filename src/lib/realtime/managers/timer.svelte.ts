import type * as Y from 'yjs';
import { agendaMap, listSteps, type Step } from '$lib/workshop/records/agenda';
import {
	facilitationMap,
	readFacilitation,
	type Facilitation
} from '$lib/workshop/records/facilitation';
import { readyAuthors, readyMap, setReady } from '$lib/workshop/records/ready';

/**
 * The room's state as the timer bar and the ready check read it: the current step, its timer
 * (server times: read them with serverClock), the agenda for planned-versus-actual time, and
 * who has marked the current step "Klar". The timer and the step are the server's to write
 * (POST /api/workshops/:id/timer and /facilitation); a member writes only their own ready flag.
 */
export class BoardTimer {
	// Read in the constructor, before anything can ask.
	#facilitation = $state.raw<Facilitation | null>(null);
	#steps = $state.raw<Step[]>([]);
	#ready = $state.raw<readonly string[]>([]);
	#doc: Y.Doc;
	#read = () => {
		const facilitation = readFacilitation(this.#doc);
		this.#facilitation = facilitation;
		const step = facilitation.stepId;
		this.#ready = step ? readyAuthors(this.#doc, step) : [];
	};
	#readSteps = () => {
		this.#steps = listSteps(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#read();
		this.#readSteps();
		facilitationMap(doc).observe(this.#read);
		readyMap(doc).observe(this.#read);
		agendaMap(doc).observeDeep(this.#readSteps);
	}

	get facilitation(): Facilitation {
		return this.#facilitation!;
	}

	get steps(): Step[] {
		return this.#steps;
	}

	/** The author ids marked ready for the current step. */
	get ready(): readonly string[] {
		return this.#ready;
	}

	/** Marks this member ready (or not) for the current step; false without one. */
	setReady(authorId: string, ready: boolean): boolean {
		const step = this.#facilitation?.stepId;
		if (!step) return false;
		setReady(this.#doc, step, authorId, ready);
		return true;
	}

	destroy() {
		facilitationMap(this.#doc).unobserve(this.#read);
		readyMap(this.#doc).unobserve(this.#read);
		agendaMap(this.#doc).unobserveDeep(this.#readSteps);
	}
}
