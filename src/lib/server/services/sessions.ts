import { eq, sql } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';
import { preparedRead } from '../db/prepared';
import { randomToken, sha256 } from '../auth/tokens';

export const SESSION_COOKIE = 'samskapa_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY;

export interface SessionInfo {
	id: string;
	userId: string | null;
	user: { id: string; email: string; displayName: string } | null;
	expiresAt: Date;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(db: DB, userId: string | null, now = Date.now()) {
	const { sessions } = tablesOf(db);
	const token = randomToken();
	const id = sha256(token);
	const expiresAt = new Date(now + SESSION_TTL_MS);
	await db.insert(sessions).values({ id, userId, expiresAt });
	return { token, id, expiresAt };
}

/** Read for every request and WebSocket upgrade with a session cookie. */
const sessionById = preparedRead('session_by_id', (db) => {
	const { sessions, users } = tablesOf(db);
	return db
		.select({ session: sessions, user: users })
		.from(sessions)
		.leftJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')));
});

/** Resolves a cookie token; extends a session that is past half its life. */
export async function validateSession(
	db: DB,
	token: string,
	now = Date.now()
): Promise<SessionInfo | null> {
	const { sessions } = tablesOf(db);
	const id = sha256(token);
	const [row] = await sessionById(db, { id });
	if (!row) return null;
	if (row.session.expiresAt.getTime() <= now) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	let expiresAt = row.session.expiresAt;
	if (expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
		expiresAt = new Date(now + SESSION_TTL_MS);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
	}
	const user = row.user
		? { id: row.user.id, email: row.user.email, displayName: row.user.displayName }
		: null;
	return { id, userId: row.session.userId, user, expiresAt };
}

/** Attaches an account to an existing browser session (sign in keeps workshop memberships). */
export async function attachUser(db: DB, sessionId: string, userId: string) {
	const { sessions } = tablesOf(db);
	await db.update(sessions).set({ userId }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: DB, sessionId: string) {
	const { sessions } = tablesOf(db);
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}
