import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formValues } from '$lib/server/services/outcome';
import { findMembership, getWorkshop } from '$lib/server/services/workshops';
import { confirmsName, deleteWorkshop } from '$lib/server/services/lifecycle';
import { serveWorkshop } from '$lib/server/cluster/serve';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The workshop, when this account facilitates it; the demo is never deleted from here. */
async function ownWorkshop({
	locals,
	params,
	url
}: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = locals.session?.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const workshop = await getWorkshop(locals.app.db, params.id);
	if (!workshop) error(404, m.error_not_found());
	const membership = await findMembership(locals.app.db, workshop.id, {
		sessionId: null,
		userId: user.id
	});
	if (membership?.role !== 'facilitator' || workshop.isDemo) error(403, m.error_forbidden());
	return workshop;
}

export const load: PageServerLoad = async (event) => {
	const workshop = await ownWorkshop(event);
	return { workshop: { id: workshop.id, title: workshop.title } };
};

export const actions: Actions = {
	default: async (event) => {
		const workshop = await ownWorkshop(event);
		const { confirm } = formValues(await event.request.formData(), ['confirm']);
		if (!confirmsName(confirm ?? '', workshop.title)) {
			return fail(400, {
				fields: { confirm: 'error_home_delete_name' },
				values: { confirm: confirm ?? '' }
			});
		}
		// Only its holder deletes it: another process holding the live board would go on
		// writing it into the log after the rows are gone.
		await serveWorkshop(event.locals.app, workshop.id);
		await deleteWorkshop(event.locals.app, workshop.id);
		redirect(303, '/dashboard?deleted=1');
	}
};
