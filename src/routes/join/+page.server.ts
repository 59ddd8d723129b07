import { redirect } from '@sveltejs/kit';
import { checkJoinCode, joinWorkshop } from '$lib/server/services/join';
import { failAction, formValues } from '$lib/server/services/outcome';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['code', 'displayName', 'profession', 'organisation'] as const;

/**
 * The code is checked first (/join?code=…, from the start page or this page's first step): the
 * profile is asked for only once the code opens a workshop.
 */
export const load: PageServerLoad = async (event) => {
	const code = (event.url.searchParams.get('code') ?? '').slice(0, 20);
	if (code.trim() === '') return { code, checked: false, codeError: null };
	const check = await checkJoinCode(event, code);
	return {
		code,
		checked: check === 'ok',
		codeError: check === 'ok' ? null : `error_${check}`
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData(), FIELDS);
		const result = await joinWorkshop(event, { ...values, token: undefined });
		if (!result.ok) return failAction(result, values, { code_unknown: 'code' });
		redirect(303, `/w/${result.value.workshopId}`);
	}
};
