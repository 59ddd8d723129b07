import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { newId } from '$lib/workshop/ids';
import type { SignupInput } from '$lib/schemas';

export class EmailTakenError extends Error {}

export async function createUser(db: DB, input: SignupInput) {
	const existing = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, input.email))
		.get();
	if (existing) throw new EmailTakenError(input.email);
	const passwordHash = await hashPassword(input.password);
	const id = newId();
	db.insert(users)
		.values({ id, email: input.email, displayName: input.displayName, passwordHash })
		.run();
	return { id, email: input.email, displayName: input.displayName };
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
