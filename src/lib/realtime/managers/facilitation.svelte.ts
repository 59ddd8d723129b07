import type * as Y from 'yjs';
import { agendaMap, listSteps, type Step } from '$lib/workshop/records/agenda';
import {
	facilitationMap,
	readFacilitation,
	type Facilitation
} from '$lib/workshop/records/facilitation';

/**
 * The agenda and where the room is, read live. Read-only: the facilitators write the agenda
 * through their own tools and the server alone writes the facilitation record
 * (POST /api/workshops/[id]/facilitation).
 */
export class BoardFacilitation {
	#doc: Y.Doc;
	#steps: Step[];
	#state: Facilitation;
	#readSteps = () => {
		this.#steps = listSteps(this.#doc);
	};
	#readState = () => {
		this.#state = readFacilitation(this.#doc);
	};

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#steps = $state.raw(listSteps(doc));
		this.#state = $state.raw(readFacilitation(doc));
		agendaMap(doc).observeDeep(this.#readSteps);
		facilitationMap(doc).observeDeep(this.#readState);
	}

	/** The agenda's steps in order. */
	get steps(): Step[] {
		return this.#steps;
	}
	get state(): Facilitation {
		return this.#state;
	}
	/** The current step, when there is one and the agenda holds it. */
	get current(): Step | null {
		const id = this.#state.stepId;
		return id === null ? null : (this.#steps.find((step) => step.id === id) ?? null);
	}

	destroy() {
		agendaMap(this.#doc).unobserveDeep(this.#readSteps);
		facilitationMap(this.#doc).unobserveDeep(this.#readState);
	}
}
