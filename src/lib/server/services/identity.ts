import { and, eq, isNull } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships } from '../db/schema';

/**
 * Takes a membership away from the browser that joined with it: the person's notes stay on
 * the board under their name, but this browser is no longer in the workshop (on a shared
 * computer the next person does not write as them, nor reads their private document).
 * Coming back means joining again as a new member; the one who left no longer counts as a
 * voter, so one browser still holds one ballot.
 */
export function leaveWorkshop(db: DB, membershipId: string) {
	db.update(memberships)
		.set({ status: 'left', sessionId: null, browserId: null })
		.where(eq(memberships.id, membershipId))
		.run();
}

/** The name this browser (no account) takes part under, when it is in any workshop. */
export function participantName(db: DB, sessionId: string): string | null {
	const row = db
		.select({ displayName: memberships.displayName })
		.from(memberships)
		.where(and(eq(memberships.sessionId, sessionId), isNull(memberships.userId)))
		.get();
	return row?.displayName ?? null;
}
