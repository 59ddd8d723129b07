import { json } from '@sveltejs/kit';
import { workshopSettingsSchema } from '$lib/schemas';
import { setSwitches, workshopSwitches } from '$lib/server/services/switches';
import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/**
 * Changes the workshop's live settings (facilitators only), which every open board receives at
 * once; answers with all of them.
 */
export const PATCH: RequestHandler = async (event) => {
	const { id } = event.params;
	const membership = await memberOrFailure(event, id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = workshopSettingsSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { app } = event.locals;
	const scrubbed = await setSwitches(app, id, parsed.data);
	const settings = await workshopSwitches(app, id);
	if (!settings) return failureResponse({ ok: false, status: 404, error: 'not_found' });
	return json({ settings, scrubbed });
};
