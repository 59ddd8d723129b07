import { normaliseJoinCode } from './join-code';
import type { StepKind } from './records/agenda';

/**
 * What the presenting view (a projector's window, /w/[id]/visning) shows below its frame of
 * title, step and timer: one read-only view of the board per kind of step. The quote wall
 * belongs to the journey's material, so a presentation step shows it: the room looks at what
 * the participants said.
 */
export type PresentedView =
	| 'join'
	| 'persona'
	| 'journey'
	| 'areas'
	| 'matrix'
	| 'goals'
	| 'ideas'
	| 'actions'
	| 'summary'
	| 'quotes'
	| 'free';

const byKind: Record<StepKind, PresentedView> = {
	persona: 'persona',
	journey: 'journey',
	clustering: 'areas',
	prioritisation: 'matrix',
	goals: 'goals',
	ideas: 'ideas',
	actions: 'actions',
	summary: 'summary',
	presentation: 'quotes',
	break: 'free',
	discussion: 'free'
};

/** The view for the current step's kind; without a current step, how to join. */
export function presentedView(kind: StepKind | null): PresentedView {
	return kind === null ? 'join' : byKind[kind];
}

/**
 * The address the join QR code holds: the join page with the code filled in, so a phone
 * that scans it lands on the same form as someone typing the code shown beside it.
 */
export function joinUrl(origin: string, code: string): string {
	const url = new URL('/join', origin);
	url.searchParams.set('code', normaliseJoinCode(code));
	return url.href;
}
