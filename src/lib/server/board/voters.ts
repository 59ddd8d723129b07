import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships } from '../db/schema';

/**
 * Members whose ballots count (scores, dots, idea dots) and who make up "N av M klara":
 * admitted participants. Someone waiting for admission, removed by a facilitator or who left
 * holds no ballot, whatever their private document still says.
 */
export function eligibleVoters(db: DB, workshopId: string): string[] {
	return admittedParticipants(db, workshopId).map((m) => m.id);
}

/** The same members with their display names, in the order they joined (the ready check's list). */
export function admittedParticipants(db: DB, workshopId: string): { id: string; name: string }[] {
	return db
		.select({ id: memberships.id, name: memberships.displayName })
		.from(memberships)
		.where(
			and(
				eq(memberships.workshopId, workshopId),
				eq(memberships.role, 'participant'),
				eq(memberships.status, 'admitted')
			)
		)
		.orderBy(asc(memberships.createdAt), asc(memberships.id))
		.all();
}
