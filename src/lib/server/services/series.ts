import { and, asc, eq, max } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import type { App } from '../app';
import { tablesOf, transaction, type DB } from '../db';
import type { series } from '../db/schema';
import { exportBoard } from '$lib/workshop/layout-export';
import {
	listActions,
	type ActionStatus,
	actionStatuses,
	updateAction
} from '$lib/workshop/records/action';
import { listAreas } from '$lib/workshop/records/area';
import { listCarried } from '$lib/workshop/records/carried';
import { listPlacements } from '$lib/workshop/records/placement';
import { newId } from '$lib/workshop/ids';
import { boardRoom } from '$lib/workshop/rooms';
import { carryBoard, carryKinds, type CarryKind } from '$lib/workshop/series-carry';
import { workshopStatus, type WorkshopStatus } from '$lib/workshop/status';
import { boardDocFrom, remapBoard } from '$lib/workshop/workshop-import';
import { failure, type Failure } from './outcome';

/**
 * Workshop series: one project's workshops in order. A workshop joins a series when it is
 * created, at the end, and may start from what the previous one left (series-carry.ts).
 */

type Deps = Pick<App, 'db' | 'realtime' | 'docs'>;

export const SERIES_TITLE_MAX = 120;

/** The new-workshop form's series part: none, `new` (with a title), or one of the account's. */
export const seriesChoiceSchema = z.object({
	series: z.string().trim().max(64).default(''),
	seriesTitle: z.string().trim().max(SERIES_TITLE_MAX, 'error_title_too_long').default(''),
	carry: z.array(z.enum(carryKinds)).default([])
});
export type SeriesChoice = z.infer<typeof seriesChoiceSchema>;

export type Series = typeof series.$inferSelect;

export async function getSeries(db: DB, id: string): Promise<Series | undefined> {
	const { series } = tablesOf(db);
	const [row] = await db.select().from(series).where(eq(series.id, id));
	return row;
}

/**
 * Which series a new workshop goes into, checked before the workshop is made: null for none,
 * the series (made now when new), or the failure to show on the form.
 */
export async function resolveSeries(
	db: DB,
	ownerId: string,
	choice: SeriesChoice
): Promise<{ ok: true; series: Series | null } | Failure> {
	const { series } = tablesOf(db);
	if (choice.series === '') return { ok: true, series: null };
	if (choice.series === 'new') {
		if (choice.seriesTitle === '') {
			return failure(400, 'validation', { seriesTitle: 'error_home_series_title_required' });
		}
		const [created] = await db
			.insert(series)
			.values({ id: newId(), ownerId, title: choice.seriesTitle })
			.returning();
		return { ok: true, series: created! };
	}
	const found = await getSeries(db, choice.series);
	if (!found || found.ownerId !== ownerId) {
		return failure(400, 'validation', { series: 'error_home_series_unknown' });
	}
	return { ok: true, series: found };
}

/**
 * Puts a just-created workshop last in `series` and writes what it carries from the one
 * before (its board is new and not loaded, so the records go straight into its log, as the
 * template's did). Returns how many records were carried.
 */
export async function joinSeries(
	deps: Deps,
	workshopId: string,
	into: Series,
	carry: readonly CarryKind[]
): Promise<number> {
	const { db } = deps;
	const { workshops } = tablesOf(db);
	// One transaction: two workshops joining at once never take the same place.
	const last = await transaction(db, async (tx) => {
		const [row] = await tx
			.select({ position: max(workshops.seriesPosition) })
			.from(workshops)
			.where(eq(workshops.seriesId, into.id));
		const last = row?.position;
		await tx
			.update(workshops)
			.set({ seriesId: into.id, seriesPosition: (last ?? 0) + 1 })
			.where(eq(workshops.id, workshopId));
		return last;
	});
	if (carry.length === 0 || last === null || last === undefined) return 0;
	const [previous] = await db
		.select()
		.from(workshops)
		.where(and(eq(workshops.seriesId, into.id), eq(workshops.seriesPosition, last)));
	if (!previous) return 0;
	const board = await deps.realtime.read(boardRoom(previous.id), (doc) => exportBoard(doc));
	const picked = carryBoard(board, new Set(carry), {
		title: previous.title,
		position: last,
		date: previous.date
	});
	const count = Object.values(picked).reduce<number>(
		(n, v) => n + (Array.isArray(v) ? v.length : 0),
		0
	);
	if (count === 0) return 0;
	const doc = boardDocFrom(remapBoard(picked, newId).board);
	await deps.docs.append(boardRoom(workshopId), Y.encodeStateAsUpdate(doc));
	doc.destroy();
	return count;
}

export interface SeriesArea {
	name: string;
	/** One cell per workshop of the series, in order: absent, present, or prioritised there. */
	cells: Array<'absent' | 'present' | 'prioritised'>;
}

export interface SeriesAction {
	id: string;
	area: string;
	proposal: string;
	step: string;
	owner: string;
	due: string | null;
	status: ActionStatus;
	/** The workshop it was carried from, when it was. */
	from: { workshop: string; position: number; date: string | null } | null;
}

export interface SeriesOverview {
	series: Series;
	workshops: Array<{
		id: string;
		title: string;
		date: string | null;
		position: number;
		status: WorkshopStatus;
		areas: number;
		prioritised: string[];
	}>;
	/** Every area name met in the series, in order of first appearance. */
	areas: SeriesArea[];
	/** The action plan as the latest workshop with one holds it (its follow-up). */
	latest: { id: string; title: string; position: number } | null;
	actions: SeriesAction[];
}

const areaKey = (name: string) => name.trim().toLocaleLowerCase('sv');

/**
 * The series report's content: the areas through the series (an area is the same area in two
 * workshops when its name is), what was prioritised when, and the action plan's follow-up as
 * the latest workshop has it. Reads each board once.
 */
export async function seriesOverview(
	deps: Pick<App, 'db' | 'realtime'>,
	seriesId: string,
	now = new Date()
) {
	const found = await getSeries(deps.db, seriesId);
	if (!found) return null;
	const { workshops } = tablesOf(deps.db);
	const rows = await deps.db
		.select()
		.from(workshops)
		.where(eq(workshops.seriesId, seriesId))
		.orderBy(asc(workshops.seriesPosition));
	const areas = new Map<string, SeriesArea>();
	const overview: SeriesOverview = {
		series: found,
		workshops: [],
		areas: [],
		latest: null,
		actions: []
	};
	for (const [i, w] of rows.entries()) {
		const isLatest = i === rows.length - 1;
		await deps.realtime.read(boardRoom(w.id), (doc) => {
			const list = listAreas(doc);
			const placements = listPlacements(doc);
			const names = new Map(list.map((a) => [a.id, a.name]));
			const prioritised = list.filter((a) => placements.get(a.id)?.prioritised === true);
			for (const area of list) {
				const key = areaKey(area.name);
				let entry = areas.get(key);
				if (!entry) {
					entry = { name: area.name, cells: rows.map(() => 'absent' as const) };
					areas.set(key, entry);
				}
				const cell = placements.get(area.id)?.prioritised === true ? 'prioritised' : 'present';
				if (entry.cells[i] !== 'prioritised') entry.cells[i] = cell;
			}
			overview.workshops.push({
				id: w.id,
				title: w.title,
				date: w.date,
				position: w.seriesPosition ?? i + 1,
				status: workshopStatus(w, now),
				areas: list.length,
				prioritised: prioritised.map((a) => a.name)
			});
			// The follow-up is the latest workshop that has an action plan.
			const actions = listActions(doc);
			if (actions.length > 0 || (isLatest && overview.latest === null)) {
				overview.latest = { id: w.id, title: w.title, position: w.seriesPosition ?? i + 1 };
				const carried = listCarried(doc);
				overview.actions = actions.map((a) => {
					const from = carried.get(a.id);
					return {
						id: a.id,
						area: names.get(a.areaId) ?? '',
						proposal: a.proposal,
						step: a.step,
						owner: a.owner,
						due: a.due,
						status: a.status,
						from: from
							? { workshop: from.workshop, position: from.position, date: from.date }
							: null
					};
				});
			}
		});
	}
	overview.areas = [...areas.values()];
	return overview;
}

export const actionStatusSchema = z.object({
	workshopId: z.string().min(1).max(64),
	actionId: z.string().min(1).max(64),
	status: z.enum(actionStatuses)
});

/** A follow-up between workshops: an action's status, written to its board as the server. */
export async function setActionStatus(
	deps: Pick<App, 'realtime'>,
	workshopId: string,
	actionId: string,
	status: ActionStatus
): Promise<boolean> {
	return await deps.realtime.edit(boardRoom(workshopId), (doc) =>
		updateAction(doc, actionId, { status })
	);
}
