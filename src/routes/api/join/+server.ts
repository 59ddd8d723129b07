import { json } from '@sveltejs/kit';
import { readJson, wsTicket } from '$lib/server/services/api';
import { joinWorkshop } from '$lib/server/services/join';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const result = joinWorkshop(event, await readJson(event.request));
	if (!result.ok) return failureResponse(result);
	const membership = result.value;
	return json({
		workshopId: membership.workshopId,
		// `waiting`: the token opens nothing until a facilitator admits this member.
		status: membership.status,
		...wsTicket(event.locals.app.wsSecret, membership)
	});
};
