import { redirect } from '@sveltejs/kit';
import { safeNext, signUp } from '$lib/server/services/accounts';
import { setSignupNotice } from '$lib/server/auth/signup-notice';
import { failAction, formValues } from '$lib/server/services/outcome';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.session?.user) redirect(303, next);
	return { next, open: locals.app.config.signupOpen };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = formValues(data, ['email', 'displayName']);
		const result = await signUp(event, { ...values, password: data.get('password') ?? '' });
		if (!result.ok) return failAction(result, values);
		// The same next step for a new and a known address: sign in (see signUp).
		setSignupNotice(event.cookies, (values.email ?? '').trim(), event.url.protocol === 'https:');
		const next = safeNext(event.url.searchParams.get('next'));
		redirect(303, next === '/dashboard' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
	}
};
