import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	applyParticipantAction,
	listParticipants,
	participantActionSchema
} from '$lib/server/services/participants';
import { findMembership, getWorkshop } from '$lib/server/services/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Invalidate this to re-read the list (who is online, who joined or waits). */
const PARTICIPANTS_DEPENDENCY = 'samskapa:participants';

/** The workshop, when this browser is one of its facilitators; null otherwise. */
async function facilitatedWorkshop({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const session = locals.session;
	if (!session) return null;
	const membership = await findMembership(locals.app.db, params.id, {
		sessionId: session.id,
		userId: session.userId
	});
	if (membership?.role !== 'facilitator') return null;
	return (await getWorkshop(locals.app.db, params.id)) ?? null;
}

export const load = (async (event) => {
	event.depends(PARTICIPANTS_DEPENDENCY);
	const workshop = await facilitatedWorkshop(event);
	if (!workshop) error(403, m.error_forbidden());
	const { db, realtime } = event.locals.app;
	return {
		admissionRequired: workshop.admissionRequired,
		participants: await listParticipants({ db, realtime }, workshop.id, workshop.anonymous)
	};
}) satisfies PageServerLoad;

const form = z.object({
	membershipId: z.string().optional(),
	required: z.enum(['true', 'false']).optional()
});

async function act(event: RequestEvent, action: 'remove' | 'admit' | 'admission') {
	const workshop = await facilitatedWorkshop(event);
	if (!workshop) return fail(403, { message: m.error_forbidden() });
	const fields = form.safeParse(Object.fromEntries(await event.request.formData()));
	const parsed =
		fields.success &&
		participantActionSchema.safeParse(
			action === 'admission'
				? { action, required: fields.data.required && fields.data.required === 'true' }
				: { action, membershipId: fields.data.membershipId }
		);
	if (!parsed || !parsed.success) return fail(400, { message: m.error_generic() });
	const { db, realtime } = event.locals.app;
	const outcome = await applyParticipantAction({ db, realtime }, workshop.id, parsed.data);
	if (!outcome.ok) {
		return fail(outcome.status, {
			message: outcome.status === 404 ? m.error_not_found() : m.error_conflict()
		});
	}
	return { done: action };
}

export const actions = {
	remove: (event) => act(event, 'remove'),
	admit: (event) => act(event, 'admit'),
	admission: (event) => act(event, 'admission')
} satisfies Actions;
