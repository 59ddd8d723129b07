import type { RequestEvent } from '@sveltejs/kit';
import { and, eq, ne, or } from 'drizzle-orm';
import { joinCodeSchema, joinSchema, type ProfileInput } from '$lib/schemas';
import { newId } from '$lib/workshop/ids';
import { ensureBrowserId, ensureSession } from '../auth/cookie';
import { tablesOf, transaction, type DB } from '../db';
import type { Role } from '../db/schema';
import { rememberMembership } from '../realtime/membership-cache';
import { joinFailures, newMemberships } from './limits';
import { OneAtATime } from './one-at-a-time';
import { failure, invalid, type Outcome } from './outcome';
import {
	acceptCofacilitator,
	findActiveLinkByCode,
	findActiveLinkByToken,
	type Link,
	type Membership
} from './workshops';

/**
 * Per client address, one code or link is looked up at a time, from reading the failure limit
 * to counting a failure: sent at once, every guess passed the limit before the first failure
 * was counted (200 of 200 with the limit in Redis). Across processes sharing the limit in
 * Redis, at most one guess per process more than the limit is looked up.
 */
const lookups = new OneAtATime();

/**
 * Joins a workshop with a code or a link token and a profile: the /join page, /j/<token> and
 * POST /api/join. Failures are rate limited per client address: codes are short enough to guess at.
 */
export async function joinWorkshop(
	event: RequestEvent,
	input: unknown
): Promise<Outcome<Membership>> {
	const address = event.getClientAddress();
	if (await joinFailures.blocked(address)) return failure(429, 'rate_limited');
	const parsed = joinSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { code, token, ...profile } = parsed.data;
	if (!code && !token) return failure(400, 'validation', { code: 'error_code_invalid' });
	const { db } = event.locals.app;
	const link = await lookups.run(address, async () => {
		if (await joinFailures.blocked(address)) return 'blocked';
		const found = await (token
			? findActiveLinkByToken(db, token)
			: findActiveLinkByCode(db, code!));
		if (!found) await joinFailures.take(address);
		return found ?? null;
	});
	if (link === 'blocked') return failure(429, 'rate_limited');
	if (!link) return failure(404, token ? 'link_unknown' : 'code_unknown');
	if (link.kind === 'cofacilitator') {
		// Co-facilitators need an account; the profile is the account's.
		const user = event.locals.session?.user;
		if (!user) return failure(401, 'unauthenticated');
		return { ok: true, value: await acceptCofacilitator(db, link, user) };
	}
	const browser = { sessionId: await ensureSession(event), browserId: ensureBrowserId(event) };
	// Counted before the transaction (which cannot wait for Redis), so parallel joins cannot
	// all pass; given back when the join turned out to be the same membership again.
	const allowed = await newMemberships.take(address);
	let created = false;
	const joined = await joinWithLink(db, link, browser, profile, () => {
		created = true;
		return allowed;
	});
	if (!created) await newMemberships.refund(address);
	return joined;
}

/**
 * The first step of joining by code: whether the code opens a workshop, asked before anyone
 * types a name. Unknown codes count against the same per-address limit as a failed join.
 */
export async function checkJoinCode(
	event: RequestEvent,
	input: string
): Promise<'ok' | 'code_invalid' | 'code_unknown' | 'rate_limited'> {
	const address = event.getClientAddress();
	if (await joinFailures.blocked(address)) return 'rate_limited';
	const parsed = joinCodeSchema.safeParse(input);
	if (!parsed.success) return 'code_invalid';
	return lookups.run(address, async () => {
		if (await joinFailures.blocked(address)) return 'rate_limited';
		if (await findActiveLinkByCode(event.locals.app.db, parsed.data)) return 'ok';
		await joinFailures.take(address);
		return 'code_unknown';
	});
}

const rank: Record<Role, number> = { observer: 0, participant: 1, facilitator: 2 };

/**
 * Joins through a participant or observer link: one membership per browser and workshop,
 * found by the session or by the browser's identity cookie (which outlives sign-out). Joining
 * again updates the profile instead of adding a second person; a browser whose membership a
 * facilitator removed stays out. A new membership asks `mayCreate` first (the per-address
 * limit) and waits for a facilitator when the workshop admits new members by hand.
 */
export function joinWithLink(
	db: DB,
	link: Link,
	browser: { sessionId: string; browserId: string },
	profile: ProfileInput,
	mayCreate: () => boolean
): Promise<Outcome<Membership>> {
	if (link.kind === 'cofacilitator') throw new Error('co-facilitator links need an account');
	const role: Role = link.kind;
	const { memberships, workshops } = tablesOf(db);
	return transaction(db, async (tx): Promise<Outcome<Membership>> => {
		const own = await tx
			.select()
			.from(memberships)
			.where(
				and(
					eq(memberships.workshopId, link.workshopId),
					ne(memberships.status, 'left'),
					or(
						eq(memberships.sessionId, browser.sessionId),
						eq(memberships.browserId, browser.browserId)
					)
				)
			);
		if (own.some((m) => m.status === 'removed')) return failure(403, 'removed');
		const existing = own.sort((a, b) => rank[b.role] - rank[a.role])[0];
		if (existing) {
			const [value] = await tx
				.update(memberships)
				.set({
					...profile,
					...browser,
					role: rank[existing.role] > rank[role] ? existing.role : role
				})
				.where(eq(memberships.id, existing.id))
				.returning();
			// The member's open sockets sign with the new name from their next update.
			rememberMembership(value!);
			return { ok: true, value: value! };
		}
		const [workshop] = await tx
			.select({ admissionRequired: workshops.admissionRequired, closedAt: workshops.closedAt })
			.from(workshops)
			.where(eq(workshops.id, link.workshopId));
		// A closed workshop is read-only for those who took part; it takes no newcomers.
		if (workshop?.closedAt) return failure(403, 'workshop_closed');
		if (!mayCreate()) return failure(429, 'join_limit');
		const [value] = await tx
			.insert(memberships)
			.values({
				id: newId(),
				workshopId: link.workshopId,
				role,
				...browser,
				...profile,
				status: workshop?.admissionRequired ? 'waiting' : 'admitted'
			})
			.returning();
		return { ok: true, value: value! };
	});
}
