import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { App } from '../app';
import { tablesOf } from '../db';
import { countNotes } from '../realtime/features/activity';
import { boardRoom } from '$lib/workshop/rooms';
import { retentionDeadline, workshopStatus, type WorkshopStatus } from '$lib/workshop/status';

type Deps = Pick<App, 'db' | 'realtime'>;

export interface DashboardRow {
	id: string;
	title: string;
	date: string | null;
	status: WorkshopStatus;
	series: { id: string; title: string; position: number | null } | null;
	participants: number;
	notes: number;
	lastActivityAt: Date | null;
	joinCode: string | null;
	/** When retention will delete it (closed workshops, retention on); else null. */
	deletedAt: Date | null;
}

export interface DashboardFilter {
	/** One status; none: every workshop but the archived ones. */
	status?: WorkshopStatus;
	seriesId?: string;
}

/**
 * The facilitator's workshops with what the dashboard shows of each, newest first, in a few
 * queries whatever the count: the note count and last activity come from the workshop's row
 * (features/activity.ts, flushed first); a row never counted yet (from before the count existed, or imported)
 * is counted once from its stored board and kept.
 */
export async function listDashboard(
	deps: Deps,
	userId: string,
	filter: DashboardFilter,
	retentionMonths: number | null,
	now = new Date()
): Promise<DashboardRow[]> {
	const { links, memberships, series, workshops } = tablesOf(deps.db);
	// The counts this process holds back (up to a second) first; another process's follow.
	await deps.realtime.flush();
	// count(*) is a bigint on PostgreSQL, which node-postgres hands over as a string.
	const participants = sql<number>`(select count(*) from ${memberships} m
		where m.workshop_id = ${workshops.id} and m.role = 'participant' and m.status = 'admitted')`.mapWith(
		Number
	);
	const joinCode = sql<string | null>`(select l.code from ${links} l
		where l.workshop_id = ${workshops.id} and l.kind = 'participant' and l.revoked_at is null
		limit 1)`;
	const rows = await deps.db
		.select({
			workshop: workshops,
			seriesTitle: series.title,
			participants,
			joinCode
		})
		.from(memberships)
		.innerJoin(workshops, eq(workshops.id, memberships.workshopId))
		.leftJoin(series, eq(series.id, workshops.seriesId))
		.where(
			and(
				eq(memberships.userId, userId),
				eq(memberships.role, 'facilitator'),
				filter.seriesId ? eq(workshops.seriesId, filter.seriesId) : undefined
			)
		)
		.orderBy(desc(workshops.createdAt));
	const list: DashboardRow[] = [];
	for (const row of rows) {
		const w = row.workshop;
		const notes = w.noteCount ?? (await backfill(deps, w.id));
		const status = workshopStatus({ ...w, noteCount: notes }, now);
		if (filter.status ? status !== filter.status : status === 'archived') continue;
		list.push({
			id: w.id,
			title: w.title,
			date: w.date,
			status,
			series:
				w.seriesId && row.seriesTitle !== null
					? { id: w.seriesId, title: row.seriesTitle, position: w.seriesPosition }
					: null,
			participants: row.participants,
			notes,
			lastActivityAt: w.lastActivityAt,
			joinCode: row.joinCode,
			deletedAt: retentionDeadline(w.closedAt, retentionMonths)
		});
	}
	return list;
}

async function backfill(deps: Deps, workshopId: string): Promise<number> {
	const { workshops } = tablesOf(deps.db);
	const notes = await deps.realtime.read(boardRoom(workshopId), countNotes);
	await deps.db
		.update(workshops)
		.set({ noteCount: notes })
		.where(and(eq(workshops.id, workshopId), isNull(workshops.noteCount)));
	return notes;
}

/** The facilitator's series, for the filter and the new-workshop form. */
export async function listSeries(deps: Pick<App, 'db'>, userId: string) {
	const { series } = tablesOf(deps.db);
	return await deps.db
		.select({ id: series.id, title: series.title })
		.from(series)
		.where(eq(series.ownerId, userId))
		.orderBy(asc(series.title));
}
