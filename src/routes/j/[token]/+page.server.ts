import { error, redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/cookie';
import { m } from '$lib/paraglide/messages';
import { joinWorkshop } from '$lib/server/services/join';
import { failAction, failure, formValues } from '$lib/server/services/outcome';
import {
	acceptCofacilitator,
	findActiveLinkByToken,
	findOwnMembership,
	getWorkshop
} from '$lib/server/services/workshops';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['displayName', 'profession', 'organisation'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	const { db } = locals.app;
	const link = await findActiveLinkByToken(db, params.token);
	const workshop = link && (await getWorkshop(db, link.workshopId));
	if (!link || !workshop) error(404, m.error_link_unknown());
	const session = locals.session;
	// Someone opening the link again sees the profile they joined with.
	const member = session
		? await findOwnMembership(db, workshop.id, { sessionId: session.id, userId: session.userId })
		: null;
	return {
		kind: link.kind,
		title: workshop.title,
		account: session?.user ? { name: session.user.displayName, email: session.user.email } : null,
		profile: member
			? {
					displayName: member.displayName,
					profession: member.profession,
					organisation: member.organisation
				}
			: undefined
	};
};

export const actions: Actions = {
	join: async (event) => {
		const values = formValues(await event.request.formData(), FIELDS);
		const result = await joinWorkshop(event, { ...values, token: event.params.token });
		if (!result.ok) return failAction(result, values);
		redirect(303, `/w/${result.value.workshopId}`);
	},
	accept: async ({ locals, params }) => {
		const user = locals.session?.user;
		if (!user) return failAction(failure(401, 'unauthenticated'), {});
		const link = await findActiveLinkByToken(locals.app.db, params.token);
		if (!link || link.kind !== 'cofacilitator') {
			return failAction(failure(404, 'link_unknown'), {});
		}
		const membership = await acceptCofacilitator(locals.app.db, link, user);
		redirect(303, `/w/${membership.workshopId}`);
	},
	/** "Not this account": sign out, sign in as the right one, and come back to the link. */
	switch: async (event) => {
		await signOut(event);
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	}
};
