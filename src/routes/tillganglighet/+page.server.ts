import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	const { name, email, phone, publishedOn } = locals.app.config.organisation;
	return { organisation: { name, email, phone, publishedOn } };
}) satisfies PageServerLoad;
