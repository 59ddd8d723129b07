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
		...wsTicket(event.locals.app.wsSecret, membership)
	});
};
