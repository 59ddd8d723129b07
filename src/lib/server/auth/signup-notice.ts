import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'samskapa_signup';
const options = { path: '/login', httpOnly: true, sameSite: 'lax', maxAge: 600 } as const;

/** Tells the sign-in page, once, which address was just registered (kept out of the URL). */
export function setSignupNotice(cookies: Cookies, email: string, secure: boolean) {
	cookies.set(COOKIE, email, { ...options, secure });
}

/** The address registered on this browser a moment ago, if any; read once. */
export function takeSignupNotice(cookies: Cookies): string | null {
	const email = cookies.get(COOKIE);
	if (email === undefined) return null;
	cookies.delete(COOKIE, { path: options.path });
	return email.slice(0, 200);
}
