import { redirect } from '@sveltejs/kit';
import { signOut } from '$lib/server/auth/cookie';
import type { RequestHandler } from './$types';

/** POST only (the header's sign-out form); SvelteKit's origin check guards it against CSRF. */
export const POST: RequestHandler = async (event) => {
	await signOut(event);
	redirect(303, '/');
};
