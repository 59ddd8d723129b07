import type { PageServerLoad } from './$types';

export const load = (({ locals }) => {
	const { name, email, privacyEmail } = locals.app.config.organisation;
	return { organisation: { name, email, privacyEmail } };
}) satisfies PageServerLoad;
