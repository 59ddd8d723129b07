import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, workshops } from '../db/schema';
import { verifyWsToken } from '../auth/tokens';
import { SESSION_COOKIE, validateSession } from '../services/sessions';
import type * as Y from 'yjs';
import { findMembership, type Membership } from '../services/workshops';
import { deriveInsights, touchedNotes } from '$lib/workshop/insights-from-notes';
import { parseRoom } from '$lib/workshop/rooms';
import { ANONYMOUS_NAME, type Member } from './presence';
import type { Authorization, Authorize } from './server';
import { sqliteClientIds } from './client-ids';
import { judgeWrites } from './judge';
import { privateDocument, type PrivateHooks } from './private-doc';
import { scrubTouched } from './scrub-touched';

function readCookie(header: string | undefined, name: string): string | null {
	for (const part of header?.split(';') ?? []) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return null;
}

/**
 * Who may open which document: a `?token=` from POST /api/join or /api/workshops/:id/ws-token,
 * or the browser's session cookie (same-origin only, against cross-site WebSocket hijacking).
 * Observers get read-only access; facilitators and participants write what the judge
 * (judge.ts, driven by the layout in $lib/workshop/layout.ts) allows; a private document opens
 * only for its owner, judged against the private layout (private-doc.ts).
 */
export function createAuthorize(db: DB, secret: string, hooks?: PrivateHooks): Authorize {
	// Read on every accepted update, so prepared once.
	const anonymity = db
		.select({ anonymous: workshops.anonymous })
		.from(workshops)
		.where(eq(workshops.id, sql.placeholder('id')))
		.prepare();
	const isAnonymous = (id: string) => Boolean(anonymity.get({ id })?.anonymous);
	const clientIdsOf = sqliteClientIds(db);
	// Every upgrade with a token reads its membership: prepared once, not per connection.
	const membershipById = db
		.select()
		.from(memberships)
		.where(eq(memberships.id, sql.placeholder('id')))
		.prepare();
	// In an anonymous workshop presence carries a stand-in that cannot be matched to a note's
	// author id, yet still tells one person's tabs apart from another's.
	const pseudonym = (id: string) =>
		`anon-${createHmac('sha256', secret).update(`presence:${id}`).digest('base64url').slice(0, 16)}`;
	const memberOf = (m: Membership): Member => ({
		id: m.id,
		presence: () =>
			isAnonymous(m.workshopId)
				? {
						membershipId: pseudonym(m.id),
						name: ANONYMOUS_NAME,
						profession: '',
						organisation: '',
						role: m.role
					}
				: {
						membershipId: m.id,
						name: m.displayName,
						profession: m.profession,
						organisation: m.organisation,
						role: m.role
					}
	});
	return (req: IncomingMessage, docName: string): Authorization => {
		const room = parseRoom(docName);
		if (!room) return { ok: false, status: 404, reason: 'unknown document' };
		const url = new URL(req.url ?? '/', 'http://localhost');
		const token = url.searchParams.get('token');
		let membership: Membership | null | undefined;
		if (token) {
			const id = verifyWsToken(secret, token);
			if (!id) return { ok: false, status: 401, reason: 'invalid or expired token' };
			membership = membershipById.get({ id });
		} else {
			const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
			const session = cookie ? validateSession(db, cookie) : null;
			if (!session) return { ok: false, status: 401, reason: 'no session' };
			const origin = req.headers.origin;
			if (origin && URL.parse(origin)?.host !== req.headers.host) {
				return { ok: false, status: 403, reason: 'cross-origin' };
			}
			membership = findMembership(db, room.workshopId, {
				sessionId: session.id,
				userId: session.userId
			});
		}
		if (!membership || membership.workshopId !== room.workshopId) {
			return { ok: false, status: 403, reason: 'not a member of this workshop' };
		}
		if (room.kind === 'private' && room.membershipId !== membership.id) {
			return { ok: false, status: 403, reason: 'private document' };
		}
		const member = memberOf(membership);
		if (membership.role === 'observer') return { ok: true, writes: 'none', member };
		if (room.kind === 'private') {
			const owner = membership;
			// Read when judging: joining again with a new name or profession updates the row.
			const fresh = () => membershipById.get({ id: owner.id }) ?? owner;
			const access = privateDocument(
				room.workshopId,
				{
					membershipId: owner.id,
					names: () => [fresh().displayName],
					profession: () => fresh().profession,
					organisation: () => fresh().organisation
				},
				hooks
			);
			return { ok: true, member, ...access };
		}
		// In an anonymous workshop no name stays in a note, whoever wrote it and whatever
		// their browser believed about the setting at the time.
		const workshopId = room.workshopId;
		// Every bottennapp becomes an insight: written here, by the server alone, so that one
		// record exists per note however many browsers see it (insights-from-notes.ts).
		const afterWrite = (doc: Y.Doc) => {
			const tr = doc._transaction;
			const derived = tr !== null && deriveInsights(doc, touchedNotes(doc, tr));
			const scrubbed = tr !== null && isAnonymous(workshopId) && scrubTouched(doc, tr) > 0;
			return derived || scrubbed;
		};
		const current = membership;
		// A participant signs notes with their current name: read when they create one, since
		// joining again with a new name updates this membership while their sockets stay open.
		const names = () => [
			membershipById.get({ id: current.id })?.displayName ?? current.displayName
		];
		const writes = judgeWrites({
			writer: {
				membershipId: current.id,
				role: current.role === 'facilitator' ? 'facilitator' : 'participant',
				names
			},
			clientIds: clientIdsOf(docName)
		});
		return { ok: true, writes, afterWrite, member };
	};
}
