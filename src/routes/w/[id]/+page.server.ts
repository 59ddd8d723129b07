import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { setSwitches } from '$lib/server/services/switches';
import { findMembership, replaceLink } from '$lib/server/services/workshops';
import type { Actions, RequestEvent } from './$types';

/** The facilitator membership of this browser in the workshop, or a failure to return. */
async function facilitatorOnly({ locals, params }: RequestEvent) {
	const session = locals.session;
	if (!session) return fail(401, { message: m.error_forbidden() });
	const membership = await findMembership(locals.app.db, params.id, {
		sessionId: session.id,
		userId: session.userId
	});
	if (membership?.role !== 'facilitator') return fail(403, { message: m.error_forbidden() });
	return null;
}

const revokeInput = z.object({ linkId: z.string().min(1).max(64) });
const anonymousInput = z.object({ anonymous: z.enum(['true', 'false']) });

export const actions = {
	revoke: async (event) => {
		const refused = await facilitatorOnly(event);
		if (refused) return refused;
		const input = revokeInput.safeParse(Object.fromEntries(await event.request.formData()));
		if (!input.success) return fail(400, { message: m.error_generic() });
		const link = await replaceLink(event.locals.app.db, event.params.id, input.data.linkId);
		if (!link) return fail(404, { message: m.error_generic() });
		return { replaced: link.kind };
	},

	/** Turns anonymity on or off; on removes the names from every note for good. */
	anonymous: async (event) => {
		const refused = await facilitatorOnly(event);
		if (refused) return refused;
		const input = anonymousInput.safeParse(Object.fromEntries(await event.request.formData()));
		if (!input.success) return fail(400, { message: m.error_generic() });
		const anonymous = input.data.anonymous === 'true';
		await setSwitches(event.locals.app, event.params.id, { anonymous });
		return { anonymous };
	}
} satisfies Actions;
