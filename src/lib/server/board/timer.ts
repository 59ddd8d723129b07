import { z } from 'zod';
import type { RealtimeServer } from '../realtime/server';
import { listSteps } from '$lib/workshop/records/agenda';
import { idSchema } from '$lib/workshop/records/declare';
import {
	TIMER_MINUTES_MAX,
	facilitationMap,
	readFacilitation
} from '$lib/workshop/records/facilitation';
import { extendTimer, pauseTimer, resumeTimer, startTimer } from '$lib/workshop/timer';
import { boardRoom } from '$lib/workshop/rooms';

/**
 * The step's timer (the `timer` field of records/facilitation.ts), written by the server alone
 * on a facilitator's request with the server's clock, so every client counts down from the
 * same end time, corrected for its own clock's skew. The route checks the role; this module
 * checks the board.
 */
export const timerActionSchema = z.discriminatedUnion('action', [
	/**
	 * A timer for the current step; `stepId` names the step only while no step is current (a
	 * facilitator timing a break before starting the agenda).
	 */
	z
		.object({
			action: z.literal('start'),
			minutes: z.number().int().min(1).max(TIMER_MINUTES_MAX),
			stepId: idSchema.optional()
		})
		.strict(),
	/** "+1" and "+5". */
	z.object({ action: z.literal('add'), minutes: z.union([z.literal(1), z.literal(5)]) }).strict(),
	z.object({ action: z.literal('pause') }).strict(),
	z.object({ action: z.literal('resume') }).strict(),
	z.object({ action: z.literal('stop') }).strict()
]);
export type TimerAction = z.infer<typeof timerActionSchema>;

type Outcome = { ok: true } | { error: string; status: 404 | 409 };

export function applyTimerAction(
	realtime: RealtimeServer,
	workshopId: string,
	action: TimerAction,
	now: number = Date.now()
): Promise<Outcome> {
	return realtime.edit(boardRoom(workshopId), (doc): Outcome => {
		const { stepId, timer } = readFacilitation(doc);
		const write = (value: unknown) => facilitationMap(doc).set('timer', value);
		switch (action.action) {
			case 'start': {
				const step = stepId ?? action.stepId;
				if (!step) return { error: 'no current step', status: 409 };
				if (stepId !== null && action.stepId !== undefined && action.stepId !== stepId) {
					return { error: 'not the current step', status: 409 };
				}
				if (!listSteps(doc).some((s) => s.id === step)) {
					return { error: 'unknown step', status: 404 };
				}
				write(startTimer(step, action.minutes, now));
				return { ok: true };
			}
			case 'stop':
				if (timer) write(null);
				return { ok: true };
		}
		if (!timer) return { error: 'no timer', status: 409 };
		const next =
			action.action === 'add'
				? extendTimer(timer, action.minutes, now)
				: action.action === 'pause'
					? pauseTimer(timer, now)
					: resumeTimer(timer, now);
		if (next !== timer) write(next);
		return { ok: true };
	});
}
