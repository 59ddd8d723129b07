/**
 * The agenda's planned time against the actual ("12 min efter schemat"): the plan starts when
 * the first step began (`facilitation.startedAt`) and gives each step its planned minutes. The
 * current step ends, at the earliest, its planned minutes after it actually began, or now if
 * it has run over; how far that end lies from the plan's end of the step is the deviation.
 * Every time is the server's (records/facilitation.ts; a client passes `serverClock.now()`).
 */

export interface ScheduledStep {
	id: string;
	minutes: number;
}

export type Schedule =
	{ status: 'none' } | { status: 'on' | 'behind' | 'ahead'; minutes: number; deviationMs: number };

const MINUTE = 60_000;

/** Within this much of the plan, the room is "enligt schemat". */
export const ON_SCHEDULE_MS = MINUTE;

export function schedule(
	steps: readonly ScheduledStep[],
	room: { stepId: string | null; stepStartedAt: number | null; startedAt: number | null },
	now: number
): Schedule {
	const { stepId, stepStartedAt, startedAt } = room;
	if (stepId === null || stepStartedAt === null || startedAt === null) return { status: 'none' };
	const index = steps.findIndex((s) => s.id === stepId);
	if (index < 0) return { status: 'none' };
	let plannedEnd = startedAt;
	for (let i = 0; i <= index; i++) plannedEnd += steps[i]!.minutes * MINUTE;
	const ends = Math.max(now, stepStartedAt + steps[index]!.minutes * MINUTE);
	const deviationMs = ends - plannedEnd;
	const minutes = Math.round(Math.abs(deviationMs) / MINUTE);
	if (Math.abs(deviationMs) < ON_SCHEDULE_MS || minutes === 0) {
		return { status: 'on', minutes: 0, deviationMs };
	}
	return { status: deviationMs > 0 ? 'behind' : 'ahead', minutes, deviationMs };
}
