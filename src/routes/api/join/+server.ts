import { json } from '@sveltejs/kit';
import { apiError, readJson, wsTicket } from '$lib/server/services/api';
import { joinFailures } from '$lib/server/services/limits';
import { joinWorkshop } from '$lib/server/services/join';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	// Before the body is read: a blocked address costs the server nothing more.
	if (await joinFailures.blocked(event.getClientAddress())) return apiError(429, 'rate_limited');
	const result = await joinWorkshop(event, await readJson(event.request));
	if (!result.ok) return failureResponse(result);
	const membership = result.value;
	return json({
		workshopId: membership.workshopId,
		// `waiting`: the token opens nothing until a facilitator admits this member.
		status: membership.status,
		...wsTicket(event.locals.app.wsSecret, membership)
	});
};
