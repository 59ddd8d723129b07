import type { RequestEvent } from '@sveltejs/kit';
import { loginSchema, signupSchema } from '$lib/schemas';
import { signIn } from '../auth/cookie';
import { authenticate, createUser, EmailTakenError } from './users';
import { loginFailures } from './limits';
import { failure, invalid, type Outcome } from './outcome';

export interface PublicUser {
	id: string;
	email: string;
	displayName: string;
}

function isUniqueViolation(e: unknown): boolean {
	return (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Creates an account and signs it in on this browser (used by /signup and POST /api/signup). */
export async function signUp(event: RequestEvent, input: unknown): Promise<Outcome<PublicUser>> {
	const { db, config } = event.locals.app;
	if (!config.signupOpen) return failure(403, 'signup_closed');
	const parsed = signupSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	let user: PublicUser;
	try {
		user = await createUser(db, parsed.data);
	} catch (e) {
		// Two sign-ups racing for one address end in the unique index.
		if (e instanceof EmailTakenError || isUniqueViolation(e)) return failure(409, 'email_taken');
		throw e;
	}
	signIn(event, user);
	return { ok: true, value: user };
}

/** Checks a password and signs the account in (used by /login and POST /api/login). */
export async function logIn(event: RequestEvent, input: unknown): Promise<Outcome<PublicUser>> {
	const address = event.getClientAddress();
	if (loginFailures.blocked(address)) return failure(429, 'rate_limited');
	const parsed = loginSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const row = await authenticate(event.locals.app.db, parsed.data.email, parsed.data.password);
	if (!row) {
		loginFailures.take(address);
		return failure(401, 'login_failed');
	}
	const user = { id: row.id, email: row.email, displayName: row.displayName };
	signIn(event, user);
	return { ok: true, value: user };
}

/** `?next=` when it is a path on this site, else the default. */
export function safeNext(next: string | null, fallback = '/dashboard'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
		return fallback;
	}
	return next;
}
