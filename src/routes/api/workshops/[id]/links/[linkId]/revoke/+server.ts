import { json } from '@sveltejs/kit';
import { apiError, isFailure, linkJson, memberOrFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import { replaceLink } from '$lib/server/services/workshops';
import type { RequestHandler } from './$types';

/** Revokes a link and answers with its replacement (same kind, new token and code). */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const link = await replaceLink(event.locals.app.db, event.params.id, event.params.linkId);
	if (!link) return apiError(404, 'link_unknown');
	return json({ link: linkJson(event.url.origin, link) });
};
