import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	user: locals.session?.user ?? null
})) satisfies LayoutServerLoad;
