import { redirect } from '@sveltejs/kit';
import { workshopSchema } from '$lib/schemas';
import { failAction, failure, formValues, invalid } from '$lib/server/services/outcome';
import { listTemplates, startWorkshop } from '$lib/server/services/templates';
import { listFacilitatedWorkshops } from '$lib/server/services/workshops';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'purpose', 'date', 'template'] as const;
const LOGIN = '/login?next=/dashboard';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.session?.user;
	if (!user) redirect(303, LOGIN);
	const workshops = listFacilitatedWorkshops(locals.app.db, user.id).map((w) => ({
		id: w.id,
		title: w.title,
		date: w.date
	}));
	const templates = listTemplates(locals.app.db, user.id).map((t) => ({
		id: t.id,
		name: t.name,
		description: t.description ?? null
	}));
	return { workshops, templates };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = locals.session?.user;
		if (!user) redirect(303, LOGIN);
		const values = formValues(await request.formData(), FIELDS);
		const parsed = workshopSchema.safeParse(values);
		if (!parsed.success) return failAction(invalid(parsed.error), values);
		const { db, store } = locals.app;
		const workshop = startWorkshop(db, store, user, parsed.data);
		if (!workshop) {
			return failAction(failure(400, 'validation', { template: 'error_template_unknown' }), values);
		}
		redirect(303, `/w/${workshop.id}`);
	}
};
