import type * as Y from 'yjs';
import {
	addStep,
	agendaMap,
	listSteps,
	moveStep,
	nudgeStep,
	removeStep,
	updateStep,
	type Step,
	type StepFields
} from '$lib/workshop/records/agenda';
import {
	facilitationMap,
	readFacilitation,
	type Facilitation
} from '$lib/workshop/records/facilitation';
import { journeyWriteRefusal } from '$lib/workshop/step-rules';
import { postWorkflow, type WorkflowResult } from '../workflow';

/** A facilitator's request to move the room (docs/api.md "Facilitation"). */
export type RoomAction =
	| { action: 'step'; stepId: string }
	| { action: 'gather' }
	| { action: 'lead' }
	| { action: 'notesOpen'; open: boolean };

/**
 * The agenda and where the room is, as reactive state. Facilitators write the agenda here
 * (the judge refuses anyone else); the current step, the leader, "Samla alla hit" and open
 * notes are the server's to write, so they go over HTTP (POST …/facilitation).
 */
export class BoardAgenda {
	#doc: Y.Doc;
	#url: string;
	#steps = $state.raw<Step[]>([]);
	// Read in the constructor, before anyone can see it.
	#room = $state.raw<Facilitation>(null!);
	#readSteps = () => {
		this.#steps = listSteps(this.#doc);
	};
	#readRoom = () => {
		this.#room = readFacilitation(this.#doc);
	};

	constructor(doc: Y.Doc, workshopId: string) {
		this.#doc = doc;
		this.#url = `/api/workshops/${workshopId}/facilitation`;
		agendaMap(doc).observeDeep(this.#readSteps);
		facilitationMap(doc).observe(this.#readRoom);
		this.#readSteps();
		this.#readRoom();
	}

	get steps(): Step[] {
		return this.#steps;
	}

	get room(): Facilitation {
		return this.#room;
	}

	/** The current step, when the room has one that is still on the agenda. */
	get current(): Step | null {
		const id = this.#room.stepId;
		return id === null ? null : (this.#steps.find((step) => step.id === id) ?? null);
	}

	/** Whether the step rules close the journey's notes to participants now (step-rules.ts). */
	get notesClosed(): boolean {
		const { stepId, notesOpen } = this.#room;
		return journeyWriteRefusal({ steps: this.#steps, currentStepId: stepId, notesOpen }) !== null;
	}

	add(fields: StepFields, index?: number): string {
		return addStep(this.#doc, fields, index);
	}

	update(id: string, fields: Partial<StepFields>): boolean {
		return updateStep(this.#doc, id, fields);
	}

	move(id: string, index: number): boolean {
		return moveStep(this.#doc, id, index);
	}

	nudge(id: string, delta: -1 | 1): boolean {
		return nudgeStep(this.#doc, id, delta);
	}

	remove(id: string): boolean {
		return removeStep(this.#doc, id);
	}

	/** Asks the server to move the room; the change arrives through the board like any other. */
	act(action: RoomAction): Promise<WorkflowResult> {
		return postWorkflow(this.#url, action);
	}

	destroy() {
		agendaMap(this.#doc).unobserveDeep(this.#readSteps);
		facilitationMap(this.#doc).unobserve(this.#readRoom);
	}
}
