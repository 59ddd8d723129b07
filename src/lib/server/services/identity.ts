import { and, eq, isNull } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';

/**
 * Takes a membership away from the browser that joined with it: the person's notes stay on
 * the board under their name, but this browser is no longer in the workshop (on a shared
 * computer the next person does not write as them, nor reads their private document).
 * Coming back means joining again as a new member; the one who left no longer counts as a
 * voter, so one browser still holds one ballot.
 */
export async function leaveWorkshop(db: DB, membershipId: string) {
	const { memberships } = tablesOf(db);
	await db
		.update(memberships)
		.set({ status: 'left', sessionId: null, browserId: null })
		.where(eq(memberships.id, membershipId));
}

/** The name this browser (no account) takes part under, when it is in any workshop. */
export async function participantName(db: DB, sessionId: string): Promise<string | null> {
	const { memberships } = tablesOf(db);
	const [row] = await db
		.select({ displayName: memberships.displayName })
		.from(memberships)
		.where(and(eq(memberships.sessionId, sessionId), isNull(memberships.userId)))
		.limit(1);
	return row?.displayName ?? null;
}
