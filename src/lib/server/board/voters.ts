import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships } from '../db/schema';

/**
 * Members whose ballots count (scores, dots, idea dots) and who make up "N av M klara":
 * admitted participants. Someone waiting for admission, removed by a facilitator or who left
 * holds no ballot, whatever their private document still says.
 */
export function eligibleVoters(db: DB, workshopId: string): string[] {
	return db
		.select({ id: memberships.id })
		.from(memberships)
		.where(
			and(
				eq(memberships.workshopId, workshopId),
				eq(memberships.role, 'participant'),
				eq(memberships.status, 'admitted')
			)
		)
		.all()
		.map((m) => m.id);
}
