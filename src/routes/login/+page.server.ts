import { redirect } from '@sveltejs/kit';
import { logIn, safeNext } from '$lib/server/services/accounts';
import { takeSignupNotice } from '$lib/server/auth/signup-notice';
import { failAction, formValues } from '$lib/server/services/outcome';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.session?.user) redirect(303, next);
	return { next, registered: takeSignupNotice(cookies) };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = formValues(data, ['email']);
		const result = await logIn(event, { ...values, password: data.get('password') ?? '' });
		if (!result.ok) return failAction(result, values);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
