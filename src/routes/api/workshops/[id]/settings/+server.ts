import { json } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { workshopSettingsSchema } from '$lib/schemas';
import { workshops } from '$lib/server/db/schema';
import { setAnonymous } from '$lib/server/services/anonymity';
import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import { getWorkshop } from '$lib/server/services/workshops';
import type { RequestHandler } from './$types';

/** Changes the workshop's live settings (facilitators only); answers with all of them. */
export const PATCH: RequestHandler = async (event) => {
	const { id } = event.params;
	const membership = memberOrFailure(event, id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = workshopSettingsSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { anonymous, participantsMayExport } = parsed.data;
	const { app } = event.locals;
	const scrubbed = anonymous === undefined ? 0 : setAnonymous(app, id, anonymous);
	if (participantsMayExport !== undefined) {
		app.db.update(workshops).set({ participantsMayExport }).where(eq(workshops.id, id)).run();
	}
	const workshop = getWorkshop(app.db, id);
	if (!workshop) return failureResponse({ ok: false, status: 404, error: 'not_found' });
	return json({
		settings: {
			anonymous: workshop.anonymous,
			participantsMayExport: workshop.participantsMayExport
		},
		scrubbed
	});
};
