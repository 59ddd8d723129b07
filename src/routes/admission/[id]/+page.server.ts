import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findOwnMembership, getWorkshop } from '$lib/server/services/workshops';
import type { PageServerLoad } from './$types';

/**
 * Where someone stands who joined but may not open the board: waiting for a facilitator to
 * admit them, or removed. Re-read while waiting, so the page moves on by itself once admitted.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	const session = locals.session;
	if (!session) redirect(303, '/join');
	const workshop = await getWorkshop(locals.app.db, params.id);
	if (!workshop) error(404, m.error_not_found());
	const own = await findOwnMembership(locals.app.db, workshop.id, {
		sessionId: session.id,
		userId: session.userId
	});
	if (!own) redirect(303, '/join');
	if (own.status === 'admitted') redirect(303, `/w/${workshop.id}`);
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		id: workshop.id,
		title: workshop.title,
		name: own.displayName,
		waiting: own.status === 'waiting'
	};
};
