import { redirect } from '@sveltejs/kit';
import { workshopSchema } from '$lib/schemas';
import { failAction, formValues, invalid } from '$lib/server/services/outcome';
import { createWorkshop, listFacilitatedWorkshops } from '$lib/server/services/workshops';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'purpose', 'date'] as const;
const LOGIN = '/login?next=/dashboard';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.session?.user;
	if (!user) redirect(303, LOGIN);
	const workshops = listFacilitatedWorkshops(locals.app.db, user.id).map((w) => ({
		id: w.id,
		title: w.title,
		date: w.date
	}));
	return { workshops };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = locals.session?.user;
		if (!user) redirect(303, LOGIN);
		const values = formValues(await request.formData(), FIELDS);
		const parsed = workshopSchema.safeParse(values);
		if (!parsed.success) return failAction(invalid(parsed.error), values);
		const workshop = createWorkshop(locals.app.db, user, parsed.data);
		redirect(303, `/w/${workshop.id}`);
	}
};
