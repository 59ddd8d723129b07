import { json } from '@sveltejs/kit';
import { workshopSettingsSchema } from '$lib/schemas';
import { setAnonymous } from '$lib/server/services/anonymity';
import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** Changes the workshop's live settings (facilitators only). */
export const PATCH: RequestHandler = async (event) => {
	const membership = memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = workshopSettingsSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { anonymous } = parsed.data;
	const scrubbed = setAnonymous(event.locals.app, event.params.id, anonymous);
	return json({ settings: { anonymous }, scrubbed });
};
