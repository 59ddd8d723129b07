import type { StepKind } from './records/agenda';

/**
 * Participants follow the facilitator's step (issue 15): the decisions, apart from the
 * browser, so they are tested on their own. The board's layout reads them.
 */

/** The page of the workshop a step opens, below `/w/<id>`; null: a free step (no page of its own). */
const stepPaths: Record<StepKind, string | null> = {
	persona: '/persona',
	journey: '',
	clustering: '/klustring',
	prioritisation: '/prioritering',
	// A målbild is written per prioritised area, reached from Prioritering.
	goals: '/prioritering',
	ideas: '/ideer',
	actions: '/handlingsplan',
	summary: '/sammanfattning',
	break: null,
	presentation: null,
	discussion: null
};

export function stepRoute(workshopId: string, kind: StepKind): string | null {
	const path = stepPaths[kind];
	return path === null ? null : `/w/${workshopId}${path}`;
}

/** Whether a page shows the step: its own page, or any page for a free step. */
export function onStepPage(pathname: string, workshopId: string, kind: StepKind): boolean {
	const route = stepRoute(workshopId, kind);
	if (route === null) return true;
	const base = `/w/${workshopId}`;
	// The journey is the workshop's root page, not everything below it.
	if (route === base) return pathname === base || pathname === `${base}/`;
	return pathname === route || pathname.startsWith(`${route}/`);
}

/** What this browser has seen of the room, and what the room says now. */
export interface FollowInput {
	/** The step and gathering last seen; undefined: nothing seen yet (the board just opened). */
	seen: { stepId: string | null; gatheredAt: number | null } | undefined;
	now: { stepId: string | null; gatheredAt: number | null };
	/** A participant follows; facilitators lead (or watch) and never follow. */
	follows: boolean;
	/** A text field has focus and holds text not sent yet. */
	typing: boolean;
}

/**
 * - `go`: take this screen to the current step now;
 * - `announce`: the step changed while this person types: say so, with a button, and stay;
 * - `none`: nothing new (or this person leads, or the board just opened: reopening a page to
 *   look back at an earlier step must not be undone by the reload).
 */
export type FollowAction = 'go' | 'announce' | 'none';

export function followAction({ seen, now, follows, typing }: FollowInput): FollowAction {
	if (!follows || seen === undefined || now.stepId === null) return 'none';
	// "Samla alla hit" brings everyone, typing or not: what they typed stays in its draft.
	if (now.gatheredAt !== null && now.gatheredAt !== seen.gatheredAt) return 'go';
	if (now.stepId !== seen.stepId) return typing ? 'announce' : 'go';
	return 'none';
}

/** The step before and after the current one in the agenda ("Föregående", "Nästa"). */
export function neighbours<T extends { id: string }>(
	steps: readonly T[],
	currentId: string | null
): { previous: T | null; next: T | null } {
	const at = steps.findIndex((step) => step.id === currentId);
	if (at < 0) return { previous: null, next: steps[0] ?? null };
	return { previous: steps[at - 1] ?? null, next: steps[at + 1] ?? null };
}
