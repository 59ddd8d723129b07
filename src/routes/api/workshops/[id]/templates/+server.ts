import { json } from '@sveltejs/kit';
import { templateNameSchema } from '$lib/schemas';
import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import { saveTemplate } from '$lib/server/services/templates';
import { boardRoom } from '$lib/workshop/rooms';
import type { RequestHandler } from './$types';

/** Saves the workshop's structure as a template of the signed-in facilitator. */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const user = event.locals.session?.user;
	if (!user) return failureResponse({ ok: false, status: 403, error: 'forbidden' });
	const parsed = templateNameSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { db, realtime } = event.locals.app;
	const template = await saveTemplate(
		db,
		user.id,
		parsed.data.name,
		await realtime.readDoc(boardRoom(event.params.id))
	);
	return json({ template: { id: template.id, name: parsed.data.name } }, { status: 201 });
};
