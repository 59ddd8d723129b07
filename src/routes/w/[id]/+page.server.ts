import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { DB } from '$lib/server/db';
import type { LinkKind } from '$lib/server/db/schema';
import {
	activeLinks,
	findMembership,
	getWorkshop,
	replaceLink
} from '$lib/server/services/workshops';
import type { SessionInfo } from '$lib/server/services/sessions';
import { formatJoinCode } from '$lib/workshop/join-code';
import type { Actions, PageServerLoad } from './$types';

interface InviteLink {
	id: string;
	kind: LinkKind;
	url: string;
	/** The participant link's join code, formatted "ABC-DEF". */
	code: string | null;
}

const linkOrder: LinkKind[] = ['participant', 'observer', 'cofacilitator'];

function membershipIn(db: DB, workshopId: string, session: SessionInfo) {
	return findMembership(db, workshopId, { sessionId: session.id, userId: session.userId });
}

function inviteLinks(db: DB, workshopId: string, origin: string): InviteLink[] {
	return activeLinks(db, workshopId)
		.sort((a, b) => linkOrder.indexOf(a.kind) - linkOrder.indexOf(b.kind))
		.map((link) => ({
			id: link.id,
			kind: link.kind,
			url: `${origin}/j/${link.token}`,
			code: link.code ? formatJoinCode(link.code) : null
		}));
}

export const load = (({ locals, params, url, setHeaders }) => {
	const session = locals.session;
	if (!session) redirect(303, '/join');
	const { db } = locals.app;
	const workshop = getWorkshop(db, params.id);
	if (!workshop) error(404, m.error_not_found());
	const membership = membershipIn(db, workshop.id, session);
	if (!membership) error(403, m.error_not_member());
	// Facilitators see live invitation tokens: keep the page out of every cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	const isFacilitator = membership.role === 'facilitator';
	return {
		workshop: {
			id: workshop.id,
			title: workshop.title,
			purpose: workshop.purpose,
			date: workshop.date
		},
		me: {
			membershipId: membership.id,
			role: membership.role,
			displayName: membership.displayName,
			profession: membership.profession,
			organisation: membership.organisation
		},
		invite: isFacilitator
			? { joinUrl: `${url.origin}/join`, links: inviteLinks(db, workshop.id, url.origin) }
			: null
	};
}) satisfies PageServerLoad;

const revokeInput = z.object({ linkId: z.string().min(1).max(64) });

export const actions = {
	revoke: async ({ locals, params, request }) => {
		const session = locals.session;
		if (!session) return fail(401, { message: m.error_forbidden() });
		const { db } = locals.app;
		if (membershipIn(db, params.id, session)?.role !== 'facilitator') {
			return fail(403, { message: m.error_forbidden() });
		}
		const input = revokeInput.safeParse(Object.fromEntries(await request.formData()));
		if (!input.success) return fail(400, { message: m.error_generic() });
		const link = replaceLink(db, params.id, input.data.linkId);
		if (!link) return fail(404, { message: m.error_generic() });
		return { replaced: link.kind };
	}
} satisfies Actions;
