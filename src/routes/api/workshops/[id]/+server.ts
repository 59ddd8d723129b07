import { isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { confirmsName, deleteSchema, deleteWorkshop } from '$lib/server/services/lifecycle';
import { failure, failureResponse, invalid } from '$lib/server/services/outcome';
import { getWorkshop } from '$lib/server/services/workshops';
import type { RequestHandler } from './$types';

/**
 * Deletes a workshop for good (facilitators only; never the demo). The body names it,
 * `{ confirm: <title> }`, as the confirmation page asks a person to type it.
 */
export const DELETE: RequestHandler = async (event) => {
	const { id } = event.params;
	const membership = await memberOrFailure(event, id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = deleteSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const workshop = await getWorkshop(event.locals.app.db, id);
	if (!workshop) return failureResponse(failure(404, 'not_found'));
	if (workshop.isDemo) return failureResponse(failure(403, 'forbidden'));
	if (!confirmsName(parsed.data.confirm, workshop.title)) {
		return failureResponse(failure(400, 'validation', { confirm: 'error_home_delete_name' }));
	}
	await deleteWorkshop(event.locals.app, id);
	return new Response(null, { status: 204 });
};
