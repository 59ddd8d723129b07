import { json } from '@sveltejs/kit';
import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { changeLifecycle, lifecycleSchema } from '$lib/server/services/lifecycle';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import { getWorkshop } from '$lib/server/services/workshops';
import type { RequestHandler } from './$types';

/** Closes, reopens, archives or restores a workshop (facilitators only). */
export const POST: RequestHandler = async (event) => {
	const { id } = event.params;
	const membership = await memberOrFailure(event, id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = lifecycleSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	await changeLifecycle(event.locals.app, id, parsed.data.change);
	const w = (await getWorkshop(event.locals.app.db, id))!;
	return json({
		closedAt: w.closedAt?.getTime() ?? null,
		archivedAt: w.archivedAt?.getTime() ?? null
	});
};
