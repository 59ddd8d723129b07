import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { newId } from '$lib/workshop/ids';
import type { SignupInput } from '$lib/schemas';

function isUniqueViolation(e: unknown): boolean {
	return (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Creates an account unless the address has one; true when it created one. The password is
 * hashed either way, so the answer takes as long for a known address as for a new one.
 */
export async function registerUser(db: DB, input: SignupInput): Promise<boolean> {
	const passwordHash = await hashPassword(input.password);
	const existing = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, input.email))
		.get();
	if (existing) return false;
	try {
		db.insert(users)
			.values({ id: newId(), email: input.email, displayName: input.displayName, passwordHash })
			.run();
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
	const user = db.select().from(users).where(eq(users.email, email)).get();
	if (!user) {
		dummyHash ??= hashPassword('not a real password');
		await verifyPassword(await dummyHash, password);
		return null;
	}
	return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
