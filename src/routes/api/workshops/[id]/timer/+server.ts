import { json } from '@sveltejs/kit';
import { applyTimerAction, timerActionSchema } from '$lib/server/board/timer';
import { apiError, isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** A facilitator starts, extends, pauses, resumes or stops the step's timer. */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = timerActionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const outcome = await applyTimerAction(event.locals.app.realtime, event.params.id, parsed.data);
	return 'error' in outcome ? apiError(outcome.status, outcome.error) : json(outcome);
};
