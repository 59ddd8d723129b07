import type { IncomingMessage } from 'node:http';
import type { DB } from '../db';
import { verifyWsToken } from '../auth/tokens';
import { SESSION_COOKIE, validateSession } from '../services/sessions';
import { storedSwitchesCache } from '../services/switches';
import { findMembership, getMembership, type Membership } from '../services/workshops';
import { parseRoom } from '$lib/workshop/rooms';
import { storedClientIds } from './client-ids';
import { currentMembership, rememberMembership } from './membership-cache';
import { judgeWrites, type WriteCheck } from './judge';
import { carriesNothing } from './empty-update';
import { authorIdsOf } from './author-ids';
import { privateDocument, type PrivateHooks } from './private-doc';
import { realtimeFeatures, type FeatureDeps } from './features';
import type { Authentication, RealtimeHooks, Session, WriteAccess } from './hooks';

export type { PrivateHooks };

function readCookie(header: string | undefined, name: string): string | null {
	for (const part of header?.split(';') ?? []) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return null;
}

/**
 * The `authenticate` hook: who may open which document. A `?token=` from POST /api/join or
 * /api/workshops/:id/ws-token, or the browser's session cookie (same-origin only, against
 * cross-site WebSocket hijacking); a private document opens only for its owner.
 */
export function createAuthenticate(
	db: DB,
	secret: string
): (req: IncomingMessage, docName: string) => Promise<Authentication> {
	return async (req, docName) => {
		const room = parseRoom(docName);
		if (!room) return { ok: false, status: 404, reason: 'unknown document' };
		const url = new URL(req.url ?? '/', 'http://localhost');
		const token = url.searchParams.get('token');
		let membership: Membership | null | undefined;
		if (token) {
			const id = verifyWsToken(secret, token);
			if (!id) return { ok: false, status: 401, reason: 'invalid or expired token' };
			membership = await getMembership(db, id);
		} else {
			const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
			const session = cookie ? await validateSession(db, cookie) : null;
			if (!session) return { ok: false, status: 401, reason: 'no session' };
			const origin = req.headers.origin;
			if (origin && URL.parse(origin)?.host !== req.headers.host) {
				return { ok: false, status: 403, reason: 'cross-origin' };
			}
			membership = await findMembership(db, room.workshopId, {
				sessionId: session.id,
				userId: session.userId
			});
		}
		if (!membership || membership.workshopId !== room.workshopId) {
			return { ok: false, status: 403, reason: 'not a member of this workshop' };
		}
		// A token outlives a removal or a wait for admission: the row decides, not the token.
		if (membership.status !== 'admitted') {
			return { ok: false, status: 403, reason: 'not admitted to this workshop' };
		}
		if (room.kind === 'private' && room.membershipId !== membership.id) {
			return { ok: false, status: 403, reason: 'private document' };
		}
		rememberMembership(membership);
		return { ok: true, session: { docName, room, membership } };
	};
}

/**
 * The `judge` hook (before apply): observers read only; facilitators and participants write
 * what the judge (judge.ts, driven by the declarations in $lib/workshop/layout.ts) allows; in
 * a private document its owner writes drafts freely but scores only while their round is open.
 */
export function createJudge(
	secret: string,
	clientIds: ReturnType<typeof storedClientIds>,
	hooks?: PrivateHooks
): (session: Session) => WriteAccess {
	return ({ docName, room, membership }) => {
		if (membership.role === 'observer') return 'none';
		// As the membership is now: joining again with a new name or profession updates the row
		// while the member's sockets stay open (membership-cache.ts).
		const fresh = () => currentMembership(membership);
		// A member owns what they wrote under their own id and under their author pseudonym.
		const authorIds = authorIdsOf(secret, membership.id);
		const ids = () => authorIds;
		if (room.kind === 'private') {
			return unjudgedWhenEmpty(
				privateDocument(
					room.workshopId,
					{
						membershipId: membership.id,
						ids,
						names: () => [fresh().displayName],
						profession: () => fresh().profession,
						organisation: () => fresh().organisation
					},
					hooks
				)
			);
		}
		return unjudgedWhenEmpty(
			judgeWrites({
				writer: {
					membershipId: membership.id,
					role: membership.role === 'facilitator' ? 'facilitator' : 'participant',
					ids,
					// A participant signs notes with their current name.
					names: () => [fresh().displayName]
				},
				clientIds: clientIds.of(docName)
			})
		);
	};
}

/**
 * `check`, except for an update that carries nothing (empty-update.ts): allowed without
 * judging, since applying it changes nothing. The room still applies it as any allowed update,
 * through the features' afterApply.
 */
function unjudgedWhenEmpty(check: WriteCheck): WriteCheck {
	return (doc, update) => (carriesNothing(doc, update) ? null : check(doc, update));
}

/**
 * The realtime server's hooks for the app: `authenticate` and `judge` above, and the features
 * registered in features/index.ts (insights, anonymity, round progress …).
 */
export function createAuthorize(
	db: DB,
	secret: string,
	hooks?: PrivateHooks,
	deps: Partial<FeatureDeps> & {
		/** Shared with the server's own writes in a member's name (board/reveal-authors.ts). */
		clientIds?: ReturnType<typeof storedClientIds>;
	} = {}
): RealtimeHooks {
	const clientIds = deps.clientIds ?? storedClientIds(db);
	const switches = storedSwitchesCache(db);
	return {
		authenticate: createAuthenticate(db, secret),
		judge: createJudge(secret, clientIds, hooks),
		beforeLoad(docName, copy) {
			const room = parseRoom(docName);
			if (room?.kind !== 'board') return;
			// A read-only copy (an export) is never judged: its bindings would only stay in
			// memory with no room to drop them when it leaves.
			if (copy) return switches.load(room.workshopId);
			// Read with every load of the board: what the judge and the features ask synchronously.
			return Promise.all([switches.load(room.workshopId), clientIds.load(docName)]).then(() => {});
		},
		features: [
			// What the board's load read is kept only while its room is here (client-ids.ts).
			{ name: 'client ids', onUnload: (docName) => clientIds.forget(docName) },
			...realtimeFeatures({
				db,
				switches,
				secret,
				ballotsChanged: hooks?.ballotsChanged,
				notesChanged: hooks?.notesChanged,
				ideasChanged: hooks?.ideasChanged?.bind(hooks),
				...deps
			})
		]
	};
}
