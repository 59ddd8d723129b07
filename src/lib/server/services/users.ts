import { eq } from 'drizzle-orm';
import { isUniqueViolation, tablesOf, type DB } from '../db';
import { hashPassword, verifyPassword } from '../auth/password';
import { newId } from '$lib/workshop/ids';
import type { SignupInput } from '$lib/schemas';

/**
 * Creates an account unless the address has one; true when it created one. The password is
 * hashed either way, so the answer takes as long for a known address as for a new one.
 */
export async function registerUser(db: DB, input: SignupInput): Promise<boolean> {
	const { users } = tablesOf(db);
	const passwordHash = await hashPassword(input.password);
	const [existing] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, input.email));
	if (existing) return false;
	try {
		await db
			.insert(users)
			.values({ id: newId(), email: input.email, displayName: input.displayName, passwordHash });
	} catch (e) {
		// Two sign-ups racing for one address end in the unique index.
		if (isUniqueViolation(e)) return false;
		throw e;
	}
	return true;
}

// A fixed hash so an unknown email costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function authenticate(db: DB, email: string, password: string) {
	const { users } = tablesOf(db);
	const [user] = await db.select().from(users).where(eq(users.email, email));
	if (!user) {
		dummyHash ??= hashPassword('not a real password');
		await verifyPassword(await dummyHash, password);
		return null;
	}
	return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
