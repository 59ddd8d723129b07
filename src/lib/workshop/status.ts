/**
 * Where a workshop stands on the facilitator's dashboard, pure (no database):
 *
 * | status     | when                                                         |
 * | ---------- | ------------------------------------------------------------ |
 * | `archived` | archived (out of the list, still exportable)                 |
 * | `closed`   | closed: read-only for participants                           |
 * | `planned`  | its date is still to come, or nothing has happened in it yet |
 * | `running`  | otherwise                                                    |
 */
export const workshopStatuses = ['planned', 'running', 'closed', 'archived'] as const;
export type WorkshopStatus = (typeof workshopStatuses)[number];

export interface StatusFacts {
	date: string | null;
	closedAt: Date | null;
	archivedAt: Date | null;
	lastActivityAt: Date | null;
	noteCount: number | null;
}

/** Today as a calendar day (YYYY-MM-DD) in UTC, as workshop dates are stored. */
export function calendarDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}

export function workshopStatus(w: StatusFacts, now: Date): WorkshopStatus {
	if (w.archivedAt) return 'archived';
	if (w.closedAt) return 'closed';
	if (w.date && w.date > calendarDay(now)) return 'planned';
	if (!w.lastActivityAt && !w.noteCount) return 'planned';
	return 'running';
}

/**
 * When retention deletes a closed workshop: `months` calendar months after it was closed
 * (the last day of a shorter month when the day does not exist there); null when retention
 * is off or the workshop is not closed.
 */
export function retentionDeadline(closedAt: Date | null, months: number | null): Date | null {
	if (!closedAt || !months || months <= 0) return null;
	const d = new Date(closedAt);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d;
}
