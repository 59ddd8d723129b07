import { json } from '@sveltejs/kit';
import { readyParticipants } from '$lib/server/board/ready';
import { isFailure, memberOrFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/**
 * Facilitators: the participants the ready check counts, so "N av M klara" is out of the
 * workshop's participants, not out of whoever happens to be online.
 */
export const GET: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const participants = await readyParticipants(event.locals.app, event.params.id);
	return json({ participants }, { headers: { 'cache-control': 'private, no-store' } });
};
