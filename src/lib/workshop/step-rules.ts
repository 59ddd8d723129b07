import type * as Y from 'yjs';
import { listSteps, type StepKind } from './records/agenda';
import { facilitationField, readFacilitation } from './records/facilitation';

/**
 * What a participant may write follows the agenda (issue 15): the journey's records (notes,
 * emotions) are written in the journey's steps and before them, not after the last one unless
 * the facilitator opens notes again (`facilitation.notesOpen`). Without an agenda or a current
 * step nothing is bound, so workshops that never used the agenda keep working. Facilitators
 * are never bound (the judge does not ask them). Rounds, comments and moving insights keep
 * their own switches.
 *
 * Wired into the declarations' `createWhen` / `when` (records/note.ts, records/emotion.ts),
 * never into the judge.
 */

/** The board's root maps whose records belong to the journey's steps. */
export const journeyRoots = ['notes', 'emotions'] as const;
export type JourneyRoot = (typeof journeyRoots)[number];

export interface StepState {
	/** The agenda's steps in order. */
	steps: readonly { id: string; kind: StepKind }[];
	/** The current step's id (null: none yet). */
	currentStepId: string | null;
	notesOpen: boolean;
}

/**
 * Whether a participant may create or change the journey's records now; a reason when not.
 * "After the journey": the current step comes after the agenda's last journey step.
 */
export function journeyWriteRefusal(state: StepState): string | null {
	if (state.notesOpen || state.currentStepId === null) return null;
	const current = state.steps.findIndex((step) => step.id === state.currentStepId);
	if (current < 0) return null;
	let lastJourney = -1;
	state.steps.forEach((step, i) => {
		if (step.kind === 'journey') lastJourney = i;
	});
	if (lastJourney < 0 || current <= lastJourney) return null;
	return 'the journey’s steps are over: notes are closed';
}

/** The step state as the board holds it. */
export function readStepState(doc: Y.Doc): StepState {
	const facilitation = readFacilitation(doc);
	return {
		steps: listSteps(doc),
		currentStepId: facilitation.stepId,
		notesOpen: facilitation.notesOpen
	};
}

/** The condition the declarations of the journey's records use (judged on the board before). */
export function journeyStepCondition(before: Y.Doc): string | null {
	// Most writes happen with no agenda running or notes open: then the steps need no reading.
	const stepId = facilitationField(before, 'stepId');
	if (stepId === null || facilitationField(before, 'notesOpen')) return null;
	return journeyWriteRefusal({ steps: listSteps(before), currentStepId: stepId, notesOpen: false });
}

/** The condition in words (docs/realtime.md). */
export const JOURNEY_STEP_CONDITION =
	'no current step, or the current step is not after the agenda’s last journey step, or `facilitation.notesOpen` (step-rules.ts)';
