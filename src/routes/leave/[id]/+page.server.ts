import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { leaveWorkshop } from '$lib/server/services/identity';
import { findMembership, getWorkshop } from '$lib/server/services/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** This browser's participant or observer membership of the workshop; anything else goes back. */
async function ownMembership({ locals, params }: RequestEvent) {
	const session = locals.session;
	const workshop = await getWorkshop(locals.app.db, params.id);
	if (!workshop) error(404, m.error_not_found());
	const membership =
		session &&
		(await findMembership(locals.app.db, workshop.id, { sessionId: session.id, userId: null }));
	if (!membership) redirect(303, '/');
	// Facilitators run the workshop; they sign out instead.
	if (membership.role === 'facilitator') redirect(303, `/w/${workshop.id}`);
	return { workshop, membership };
}

export const load: PageServerLoad = async (event) => {
	const { workshop, membership } = await ownMembership(event);
	return { title: workshop.title, id: workshop.id, name: membership.displayName };
};

export const actions: Actions = {
	default: async (event) => {
		const { membership } = await ownMembership(event);
		await leaveWorkshop(event.locals.app.db, membership.id);
		redirect(303, '/');
	}
};
