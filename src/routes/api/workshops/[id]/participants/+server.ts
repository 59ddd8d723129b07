import { json } from '@sveltejs/kit';
import { apiError, isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import {
	applyParticipantAction,
	listParticipants,
	participantActionSchema
} from '$lib/server/services/participants';
import { getWorkshop } from '$lib/server/services/workshops';
import type { RequestEvent, RequestHandler } from './$types';

async function answer(event: RequestEvent) {
	const { db, realtime } = event.locals.app;
	const workshop = await getWorkshop(db, event.params.id);
	if (!workshop) return apiError(404, 'not_found');
	return json({
		admissionRequired: workshop.admissionRequired,
		participants: await listParticipants({ db, realtime }, workshop.id, workshop.anonymous)
	});
}

/** Who takes part, with who is online and who waits for admission (facilitators only). */
export const GET: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	return answer(event);
};

/** Removes or admits a participant, or switches the admission step (facilitators only). */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = participantActionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { db, realtime } = event.locals.app;
	const outcome = await applyParticipantAction({ db, realtime }, event.params.id, parsed.data);
	if (!outcome.ok) return apiError(outcome.status, outcome.error);
	return answer(event);
};
