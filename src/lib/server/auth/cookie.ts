import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { createSession, deleteSession, SESSION_COOKIE } from '../services/sessions';
import { adoptSession } from '../services/session-adopt';
import { randomToken, sha256 } from './tokens';

/**
 * The browser's own identity, apart from any session: signing out or a lost session does not
 * make this browser a new person in a workshop it joined (one person, one ballot).
 */
export const BROWSER_COOKIE = 'samskapa_browser';
/** As long as browsers keep a cookie (Chrome caps an expiry at 400 days). */
const BROWSER_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

type Event = Pick<RequestEvent, 'cookies' | 'locals' | 'url'>;

export function setSessionCookie(event: Event, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** The browser's session id, creating an anonymous session (and its cookie) when there is none. */
export async function ensureSession(event: Event): Promise<string> {
	if (event.locals.session) return event.locals.session.id;
	const { db } = event.locals.app;
	const created = await createSession(db, null);
	setSessionCookie(event, created.token, created.expiresAt);
	event.locals.session = { id: created.id, userId: null, user: null, expiresAt: created.expiresAt };
	return created.id;
}

/** The hash of this browser's identity cookie (only the hash is stored), setting one when absent. */
export function ensureBrowserId(event: Pick<RequestEvent, 'cookies' | 'url'>): string {
	let token = event.cookies.get(BROWSER_COOKIE);
	if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) token = randomToken();
	// Set at every join, so the cookie's 400 days count from the last visit.
	event.cookies.set(BROWSER_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: event.url.protocol === 'https:',
		maxAge: BROWSER_COOKIE_MAX_AGE_S
	});
	return sha256(token);
}

/**
 * Signs an account in on this browser. An anonymous session's workshop memberships move to
 * the new session, so a participant who then signs in keeps them; the cookie token is always
 * new, so a token planted before sign-in never becomes an account session (session fixation).
 */
export async function signIn(
	event: Event,
	user: { id: string; email: string; displayName: string }
) {
	const { db } = event.locals.app;
	const current = event.locals.session;
	const created = await createSession(db, user.id);
	if (current) {
		if (current.userId === null) await adoptSession(db, current.id, created.id);
		else await deleteSession(db, current.id);
	}
	setSessionCookie(event, created.token, created.expiresAt);
	event.locals.session = { id: created.id, userId: user.id, user, expiresAt: created.expiresAt };
}

export async function signOut(event: Event) {
	if (event.locals.session) await deleteSession(event.locals.app.db, event.locals.session.id);
	event.locals.session = null;
	clearSessionCookie(event.cookies);
}
