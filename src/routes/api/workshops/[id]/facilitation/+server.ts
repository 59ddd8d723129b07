import { json } from '@sveltejs/kit';
import { applyFacilitationAction, facilitationActionSchema } from '$lib/server/board/facilitation';
import { apiError, isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** A facilitator moves the room: goes to a step, gathers everyone, takes the lead. */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = facilitationActionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const outcome = await applyFacilitationAction(
		event.locals.app.realtime,
		event.params.id,
		membership.id,
		parsed.data
	);
	return 'error' in outcome ? apiError(outcome.status, outcome.error) : json(outcome);
};
