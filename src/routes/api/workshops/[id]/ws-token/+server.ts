import { json } from '@sveltejs/kit';
import { isFailure, memberOrFailure, wsTicket } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id);
	if (isFailure(membership)) return failureResponse(membership);
	return json(wsTicket(event.locals.app.wsSecret, membership));
};
