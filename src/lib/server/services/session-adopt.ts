import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, sessions } from '../db/schema';

/**
 * Moves the workshop memberships of an anonymous session to a new (signed-in) session and
 * ends the old one: what the browser joined before signing in stays its own.
 */
export function adoptSession(db: DB, fromSessionId: string, toSessionId: string) {
	db.transaction((tx) => {
		tx.update(memberships)
			.set({ sessionId: toSessionId })
			.where(eq(memberships.sessionId, fromSessionId))
			.run();
		tx.delete(sessions).where(eq(sessions.id, fromSessionId)).run();
	});
}
