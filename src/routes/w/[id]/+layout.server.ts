import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { DB } from '$lib/server/db';
import { authorPseudonym } from '$lib/server/realtime/author-ids';
import type { LinkKind } from '$lib/server/db/schema';
import {
	activeLinks,
	findMembership,
	findOwnMembership,
	getWorkshop
} from '$lib/server/services/workshops';
import { formatJoinCode } from '$lib/workshop/join-code';
import { WORKSHOP_DEPENDENCY } from './settings';
import type { LayoutServerLoad } from './$types';

interface InviteLink {
	id: string;
	kind: LinkKind;
	url: string;
	/** The participant link's join code, formatted "ABC-DEF". */
	code: string | null;
}

const linkOrder: LinkKind[] = ['participant', 'observer', 'cofacilitator'];

async function inviteLinks(db: DB, workshopId: string, origin: string): Promise<InviteLink[]> {
	return (await activeLinks(db, workshopId))
		.sort((a, b) => linkOrder.indexOf(a.kind) - linkOrder.indexOf(b.kind))
		.map((link) => ({
			id: link.id,
			kind: link.kind,
			url: `${origin}/j/${link.token}`,
			code: link.code ? formatJoinCode(link.code) : null
		}));
}

/**
 * Everything under /w/[id] (Resan, Persona, Citat) shares one check of who may see the
 * workshop, and one live connection created by +layout.svelte.
 */
export const load = (async ({ locals, params, url, setHeaders, depends }) => {
	depends(WORKSHOP_DEPENDENCY);
	const session = locals.session;
	// Without an account session this may be a facilitator whose session ended: sign in, then
	// come back here (the sign-in page points participants to the join page).
	const signIn = `/login?next=${encodeURIComponent(url.pathname)}`;
	if (!session) redirect(303, signIn);
	const { db } = locals.app;
	const workshop = await getWorkshop(db, params.id);
	if (!workshop) error(404, m.error_not_found());
	const membership = await findMembership(db, workshop.id, {
		sessionId: session.id,
		userId: session.userId
	});
	if (!membership) {
		// Waiting for admission or removed by a facilitator: a page that says so, not the board.
		const own = await findOwnMembership(db, workshop.id, {
			sessionId: session.id,
			userId: session.userId
		});
		if (own) redirect(303, `/admission/${workshop.id}`);
		if (!session.user) redirect(303, signIn);
		error(403, m.error_not_member());
	}
	// Facilitators see live invitation tokens: keep the pages out of every cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	const isFacilitator = membership.role === 'facilitator';
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			purpose: workshop.purpose,
			date: workshop.date,
			anonymous: workshop.anonymous,
			participantsMayExport: workshop.participantsMayExport
		},
		me: {
			membershipId: membership.id,
			authorPseudonym: authorPseudonym(locals.app.wsSecret, membership.id),
			role: membership.role,
			displayName: membership.displayName,
			profession: membership.profession,
			organisation: membership.organisation
		},
		invite: isFacilitator
			? { joinUrl: `${url.origin}/join`, links: await inviteLinks(db, workshop.id, url.origin) }
			: null
	};
}) satisfies LayoutServerLoad;
