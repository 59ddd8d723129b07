import { and, asc, eq } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';

/**
 * Members whose ballots count (scores, dots, idea dots) and who make up "N av M klara":
 * admitted participants. Someone waiting for admission, removed by a facilitator or who left
 * holds no ballot, whatever their private document still says.
 */
export async function eligibleVoters(db: DB, workshopId: string): Promise<string[]> {
	return (await admittedParticipants(db, workshopId)).map((m) => m.id);
}

/** The same members with their display names, in the order they joined (the ready check's list). */
export async function admittedParticipants(
	db: DB,
	workshopId: string
): Promise<{ id: string; name: string }[]> {
	const { memberships } = tablesOf(db);
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
		.orderBy(asc(memberships.createdAt), asc(memberships.id));
}
