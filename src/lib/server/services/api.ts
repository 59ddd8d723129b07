import type { RequestEvent } from '@sveltejs/kit';
import { signWsToken } from '../auth/tokens';
import { boardRoom } from '$lib/workshop/rooms';
import type { Role } from '../db/schema';
import { failure, failureResponse, type Failure } from './outcome';
import { findMembership, type Link, type Membership, type Workshop } from './workshops';

export const WS_PATH = '/ws';
export const WS_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

/** A JSON body, or null when it is missing or not JSON (the schema then reports it). */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		return null;
	}
}

/** `{ error }` with a status, as every endpoint answers a failure. */
export function apiError(status: number, error: string): Response {
	return failureResponse(failure(status, error));
}

/**
 * This browser's membership of a workshop with one of `roles`, or the failure to answer:
 * 401 without a session, 403 when it is not (enough of) a member.
 */
export async function memberOrFailure(
	event: RequestEvent,
	workshopId: string,
	roles: readonly Role[] = ['facilitator', 'participant', 'observer']
): Promise<Membership | Failure> {
	const session = event.locals.session;
	if (!session) return failure(401, 'unauthenticated');
	const membership = await findMembership(event.locals.app.db, workshopId, {
		sessionId: session.id,
		userId: session.userId
	});
	if (!membership || !roles.includes(membership.role)) return failure(403, 'forbidden');
	return membership;
}

export function isFailure(value: object): value is Failure {
	return 'ok' in value && value.ok === false;
}

export function workshopJson(w: Workshop) {
	return { id: w.id, title: w.title, purpose: w.purpose, date: w.date };
}

export function linkUrl(origin: string, link: Link): string {
	return `${origin}/j/${link.token}`;
}

export function linkJson(origin: string, link: Link) {
	return { id: link.id, kind: link.kind, url: linkUrl(origin, link), code: link.code };
}

/** What a client needs to open the workshop's board over WebSocket without a cookie. */
export function wsTicket(secret: string, membership: Membership, now = Date.now()) {
	return {
		membershipId: membership.id,
		role: membership.role,
		room: boardRoom(membership.workshopId),
		wsPath: WS_PATH,
		wsToken: signWsToken(secret, membership.id, WS_TOKEN_TTL_MS, now),
		wsTokenExpiresAt: new Date(now + WS_TOKEN_TTL_MS).toISOString()
	};
}
