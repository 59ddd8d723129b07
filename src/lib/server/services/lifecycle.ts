import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../app';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { tablesOf, type Store } from '../db';
import { setBoardClosed } from '$lib/workshop/records/board-state';
import { boardRoom } from '$lib/workshop/rooms';
import { retentionDeadline } from '$lib/workshop/status';

/**
 * A workshop's life after it ran: closed (read-only for participants), archived (out of the
 * dashboard's list, still exportable), deleted (nothing of it left in the database file), and
 * retention, which deletes closed workshops a configured number of months after closing.
 */

type Deps = Pick<App, 'store' | 'realtime'>;
/** With several processes (REDIS_URL), retention deletes only workshops this process holds. */
type RetentionDeps = Deps & Partial<Pick<App, 'cluster'>>;

export const lifecycleChanges = ['close', 'reopen', 'archive', 'unarchive'] as const;
export type LifecycleChange = (typeof lifecycleChanges)[number];
export const lifecycleSchema = z.object({ change: z.enum(lifecycleChanges) });
export const deleteSchema = z.object({ confirm: z.string().max(500) });

/** One of the dashboard's buttons: close, reopen, archive or take out of the archive. */
export async function changeLifecycle(
	deps: Pick<App, 'db' | 'realtime'>,
	workshopId: string,
	change: LifecycleChange
) {
	if (change === 'close' || change === 'reopen') {
		await setClosed(deps, workshopId, change === 'close');
	} else await setArchived(deps, workshopId, change === 'archive');
}

/** Spaces and case aside, the name typed to confirm a deletion must be the workshop's. */
export function confirmsName(typed: string, title: string): boolean {
	const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
	return norm(typed) === norm(title);
}

/**
 * Closes or reopens a workshop: the database (the dashboard's status) and the board's `closed`
 * switch, which the judge reads (records/board-state.ts closedCondition) and every open board
 * shows at once.
 */
export async function setClosed(
	deps: Pick<App, 'db' | 'realtime'>,
	workshopId: string,
	closed: boolean
) {
	const { workshops } = tablesOf(deps.db);
	await deps.db
		.update(workshops)
		.set({ closedAt: closed ? new Date() : null })
		.where(eq(workshops.id, workshopId));
	await deps.realtime.edit(boardRoom(workshopId), (doc) => setBoardClosed(doc, closed));
}

export async function setArchived(deps: Pick<App, 'db'>, workshopId: string, archived: boolean) {
	const { workshops } = tablesOf(deps.db);
	await deps.db
		.update(workshops)
		.set({ archivedAt: archived ? new Date() : null })
		.where(eq(workshops.id, workshopId));
}

/** Every row naming the workshop's documents: the board `w/<id>` and each `w/<id>/p/<member>`. */
async function deleteRows(store: Store, workshopId: string) {
	const room = boardRoom(workshopId);
	const { docUpdates, docSnapshots, docClients, workshops } = store.tables;
	// A prefix by substr, which both dialects have, rather than LIKE (ids may hold `_`, LIKE's
	// wildcard) or a range (PostgreSQL's collation may not order '/' before '0').
	const ofRoom = (docName: SQLiteColumn) =>
		or(eq(docName, room), sql`substr(${docName}, 1, ${room.length + 1}) = ${room + '/'}`);
	await store.transaction(async (tx) => {
		await tx.delete(docUpdates).where(ofRoom(docUpdates.docName));
		await tx.delete(docSnapshots).where(ofRoom(docSnapshots.docName));
		await tx.delete(docClients).where(ofRoom(docClients.docName));
		// Memberships and links go with the workshop (ON DELETE CASCADE).
		await tx.delete(workshops).where(eq(workshops.id, workshopId));
	});
}

/**
 * Deletes a workshop for good: its sockets are cut and its rooms dropped unsaved first, then
 * the update log, snapshots and every private document, memberships and links go in one
 * transaction; then the store is scrubbed (Store.scrub), so no text of the workshop is left in
 * the database file or its WAL.
 */
export async function deleteWorkshop(deps: Deps, workshopId: string) {
	await deps.realtime.dropWorkshop(workshopId);
	await deleteRows(deps.store, workshopId);
	await deps.store.scrub();
}

/**
 * Closed workshops whose retention deadline has passed, deleted; returns their ids. With
 * several processes, a workshop is deleted only while this process holds its lease (taking it
 * when free, never asking its holder to hand it over): a live room of it on another process
 * would write the deleted text back into the log. One another process holds is left for a
 * later run (the holder's own, or this one's once it is free again). The lease is pinned
 * (WorkshopAffinity.pin) until the deletion is committed.
 */
export async function deleteExpired(
	deps: RetentionDeps,
	months: number | null,
	now = new Date()
): Promise<string[]> {
	if (!months) return [];
	const { workshops } = deps.store.tables;
	const closed = await deps.store.db
		.select({ id: workshops.id, closedAt: workshops.closedAt })
		.from(workshops)
		.where(and(isNotNull(workshops.closedAt), eq(workshops.isDemo, false)));
	const expired = closed.filter((w) => {
		const deadline = retentionDeadline(w.closedAt, months);
		return deadline !== null && deadline <= now;
	});
	const affinity = deps.cluster?.affinity;
	const deleted: string[] = [];
	const deleteHeld = async (workshopId: string): Promise<boolean> => {
		if (affinity && !(await affinity.admit(workshopId, { ask: false }))) return false;
		await deps.realtime.dropWorkshop(workshopId);
		// Lost while its rooms were dropped: another process may serve it by now.
		if (affinity && !affinity.holds(workshopId)) return false;
		await deleteRows(deps.store, workshopId);
		return true;
	};
	for (const w of expired) {
		// Pinned, a hand-over asked for meanwhile waits until the rows are gone.
		const gone = affinity
			? await affinity.pin(w.id, () => deleteHeld(w.id))
			: await deleteHeld(w.id);
		if (gone) deleted.push(w.id);
	}
	if (deleted.length > 0) await deps.store.scrub();
	const left = expired.length - deleted.length;
	if (left > 0) {
		console.log(`[samskapa] retention left ${left} workshop(s) to the processes holding them`);
	}
	return deleted;
}

/** How often the server looks for expired workshops (and once at start). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs retention now (done before the server takes requests, so nothing expired is served on
 * any store) and every RETENTION_INTERVAL_MS; returns the stop function.
 */
export async function startRetention(
	deps: RetentionDeps,
	months: number | null
): Promise<() => void> {
	if (!months) return () => {};
	const run = async () => {
		try {
			const gone = await deleteExpired(deps, months);
			if (gone.length > 0) console.log(`[samskapa] retention deleted ${gone.length} workshop(s)`);
		} catch (error) {
			console.error('[samskapa] retention failed', error);
		}
	};
	await run();
	const timer = setInterval(() => void run(), RETENTION_INTERVAL_MS);
	timer.unref();
	return () => clearInterval(timer);
}
