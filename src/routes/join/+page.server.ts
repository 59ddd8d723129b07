import { redirect } from '@sveltejs/kit';
import { joinWorkshop } from '$lib/server/services/join';
import { failAction, formValues } from '$lib/server/services/outcome';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['code', 'displayName', 'profession', 'organisation'] as const;

export const load: PageServerLoad = ({ url }) => ({
	code: (url.searchParams.get('code') ?? '').slice(0, 20)
});

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData(), FIELDS);
		const result = joinWorkshop(event, { ...values, token: undefined });
		if (!result.ok) return failAction(result, values, { code_unknown: 'code' });
		redirect(303, `/w/${result.value.workshopId}`);
	}
};
