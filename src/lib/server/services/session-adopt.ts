import { eq } from 'drizzle-orm';
import { tablesOf, transaction, type DB } from '../db';

/**
 * Moves the workshop memberships of an anonymous session to a new (signed-in) session and
 * ends the old one: what the browser joined before signing in stays its own.
 */
export async function adoptSession(db: DB, fromSessionId: string, toSessionId: string) {
	const { memberships, sessions } = tablesOf(db);
	await transaction(db, async (tx) => {
		await tx
			.update(memberships)
			.set({ sessionId: toSessionId })
			.where(eq(memberships.sessionId, fromSessionId));
		await tx.delete(sessions).where(eq(sessions.id, fromSessionId));
	});
}
