import type { RequestEvent } from '@sveltejs/kit';
import { loginSchema, signupSchema } from '$lib/schemas';
import { signIn } from '../auth/cookie';
import { authenticate, registerUser } from './users';
import { loginAttempts, signupAttempts } from './limits';
import { failure, invalid, type Outcome } from './outcome';

export { safeNext } from '../auth/next-path';

export interface PublicUser {
	id: string;
	email: string;
	displayName: string;
}

/**
 * Registers an address (used by /signup and POST /api/signup). The answer is the same whether
 * or not the address already had an account, and nobody is signed in: telling the two apart
 * would let anyone find out who has an account. The person signs in next; for a new address
 * that works with the password just chosen, for a known one only with its own password.
 */
export async function signUp(event: RequestEvent, input: unknown): Promise<Outcome<null>> {
	const { db, config } = event.locals.app;
	if (!config.signupOpen) return failure(403, 'signup_closed');
	const parsed = signupSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	if (!(await signupAttempts.take(event.getClientAddress()))) return failure(429, 'rate_limited');
	await registerUser(db, parsed.data);
	return { ok: true, value: null };
}

/** Checks a password and signs the account in (used by /login and POST /api/login). */
export async function logIn(event: RequestEvent, input: unknown): Promise<Outcome<PublicUser>> {
	const parsed = loginSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const address = event.getClientAddress();
	// The attempt counts before argon2 runs, so parallel guesses cannot outrun the limit.
	if (!(await loginAttempts.take(address))) return failure(429, 'rate_limited');
	const row = await authenticate(event.locals.app.db, parsed.data.email, parsed.data.password);
	if (!row) return failure(401, 'login_failed');
	await loginAttempts.refund(address);
	const user = { id: row.id, email: row.email, displayName: row.displayName };
	await signIn(event, user);
	return { ok: true, value: user };
}
