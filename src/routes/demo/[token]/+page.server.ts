import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { timingSafeEqual } from 'node:crypto';
import { tablesOf } from '$lib/server/db';
import { signIn } from '$lib/server/auth/cookie';
import { DEMO_EMAIL, DEMO_TOKEN_KEY } from '$lib/server/demo';
import { participantName } from '$lib/server/services/identity';
import { getSetting } from '$lib/server/services/settings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function sameToken(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** The demo account and its workshop when the token is the demo link's; else a 404. */
async function demoFor(event: RequestEvent<{ token: string }>) {
	const { db } = event.locals.app;
	const { users, workshops } = tablesOf(db);
	const stored = await getSetting(db, DEMO_TOKEN_KEY);
	const [user] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
	const [demo] = user
		? await db
				.select({ id: workshops.id })
				.from(workshops)
				.where(and(eq(workshops.isDemo, true), eq(workshops.ownerId, user.id)))
				.limit(1)
		: [];
	if (!stored || !user || !demo || !sameToken(stored, event.params.token)) {
		error(404, m.error_link_unknown());
	}
	return { user: { id: user.id, email: user.email, displayName: user.displayName }, demo };
}

/**
 * The printed demo link: a GET with an effect by design (it is opened from a terminal or a
 * chat). It signs this browser in as the demo facilitator and opens "Oskar 83" — unless the
 * browser is signed in to another account or takes part in a workshop: then the page asks.
 */
export const load: PageServerLoad = async (event) => {
	const { user, demo } = await demoFor(event);
	const current = event.locals.session?.user;
	if (current?.id === user.id) redirect(303, `/w/${demo.id}`);
	if (current) {
		return { current: { name: current.displayName, email: current.email }, demo: user.displayName };
	}
	// A participant in a workshop is someone too: ask before they become the demo facilitator.
	const session = event.locals.session;
	const name = session && (await participantName(event.locals.app.db, session.id));
	if (name) return { current: { name, email: null }, demo: user.displayName };
	await signIn(event, user);
	redirect(303, `/w/${demo.id}`);
};

export const actions: Actions = {
	switch: async (event) => {
		const { user, demo } = await demoFor(event);
		await signIn(event, user);
		redirect(303, `/w/${demo.id}`);
	}
};
