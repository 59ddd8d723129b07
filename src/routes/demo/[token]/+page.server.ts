import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { users, workshops } from '$lib/server/db/schema';
import { signIn } from '$lib/server/auth/cookie';
import { DEMO_EMAIL, DEMO_TOKEN_KEY } from '$lib/server/demo';
import { getSetting } from '$lib/server/services/settings';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

function sameToken(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The printed demo link: a GET with an effect by design (it is opened from a terminal or a
 * chat). It signs this browser in as the demo facilitator and opens "Oskar 83".
 */
export const load: PageServerLoad = (event) => {
	const { db } = event.locals.app;
	const stored = getSetting(db, DEMO_TOKEN_KEY);
	const user = db.select().from(users).where(eq(users.email, DEMO_EMAIL)).get();
	const demo = user
		? db
				.select({ id: workshops.id })
				.from(workshops)
				.where(and(eq(workshops.isDemo, true), eq(workshops.ownerId, user.id)))
				.get()
		: undefined;
	if (!stored || !user || !demo || !sameToken(stored, event.params.token)) {
		error(404, m.error_link_unknown());
	}
	signIn(event, { id: user.id, email: user.email, displayName: user.displayName });
	redirect(303, `/w/${demo.id}`);
};
