import type { RequestEvent } from '@sveltejs/kit';
import { joinSchema } from '$lib/schemas';
import { ensureSession } from '../auth/cookie';
import { joinFailures } from './limits';
import { failure, invalid, type Outcome } from './outcome';
import {
	acceptCofacilitator,
	findActiveLinkByCode,
	findActiveLinkByToken,
	joinWithLink,
	type Membership
} from './workshops';

/**
 * Joins a workshop with a code or a link token and a profile: the /join page, /j/<token> and
 * POST /api/join. Failures are rate limited per client address: codes are short enough to guess at.
 */
export function joinWorkshop(event: RequestEvent, input: unknown): Outcome<Membership> {
	const address = event.getClientAddress();
	if (joinFailures.blocked(address)) return failure(429, 'rate_limited');
	const parsed = joinSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { code, token, ...profile } = parsed.data;
	if (!code && !token) return failure(400, 'validation', { code: 'error_code_invalid' });
	const { db } = event.locals.app;
	const link = token ? findActiveLinkByToken(db, token) : findActiveLinkByCode(db, code!);
	if (!link) {
		joinFailures.take(address);
		return failure(404, token ? 'link_unknown' : 'code_unknown');
	}
	if (link.kind === 'cofacilitator') {
		// Co-facilitators need an account; the profile is the account's.
		const user = event.locals.session?.user;
		if (!user) return failure(401, 'unauthenticated');
		return { ok: true, value: acceptCofacilitator(db, link, user) };
	}
	const sessionId = ensureSession(event);
	return { ok: true, value: joinWithLink(db, link, sessionId, profile) };
}
