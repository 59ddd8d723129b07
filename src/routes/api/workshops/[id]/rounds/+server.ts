import { json } from '@sveltejs/kit';
import { applyRoundAction, roundActionSchema } from '$lib/server/board/rounds';
import { apiError, isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** Opens, closes, reveals or re-opens a prioritisation round (facilitators only). */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = roundActionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { db, realtime } = event.locals.app;
	const outcome = await applyRoundAction({ db, realtime }, event.params.id, parsed.data);
	if ('error' in outcome) return apiError(outcome.status, outcome.error);
	return json(outcome);
};
