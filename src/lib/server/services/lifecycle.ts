import { and, eq, isNotNull } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { App } from '../app';
import { workshops } from '../db/schema';
import { setBoardClosed } from '$lib/workshop/records/board-state';
import { boardRoom } from '$lib/workshop/rooms';
import { retentionDeadline } from '$lib/workshop/status';

/**
 * A workshop's life after it ran: closed (read-only for participants), archived (out of the
 * dashboard's list, still exportable), deleted (nothing of it left in the database file), and
 * retention, which deletes closed workshops a configured number of months after closing.
 */

type Deps = Pick<App, 'db' | 'sqlite' | 'realtime'>;

export const lifecycleChanges = ['close', 'reopen', 'archive', 'unarchive'] as const;
export type LifecycleChange = (typeof lifecycleChanges)[number];
export const lifecycleSchema = z.object({ change: z.enum(lifecycleChanges) });
export const deleteSchema = z.object({ confirm: z.string().max(500) });

/** One of the dashboard's buttons: close, reopen, archive or take out of the archive. */
export function changeLifecycle(
	deps: Pick<App, 'db' | 'realtime'>,
	workshopId: string,
	change: LifecycleChange
) {
	if (change === 'close' || change === 'reopen') setClosed(deps, workshopId, change === 'close');
	else setArchived(deps, workshopId, change === 'archive');
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
export function setClosed(deps: Pick<App, 'db' | 'realtime'>, workshopId: string, closed: boolean) {
	deps.db
		.update(workshops)
		.set({ closedAt: closed ? new Date() : null })
		.where(eq(workshops.id, workshopId))
		.run();
	deps.realtime.edit(boardRoom(workshopId), (doc) => setBoardClosed(doc, closed));
}

export function setArchived(deps: Pick<App, 'db'>, workshopId: string, archived: boolean) {
	deps.db
		.update(workshops)
		.set({ archivedAt: archived ? new Date() : null })
		.where(eq(workshops.id, workshopId))
		.run();
}

const statements = new WeakMap<Database.Database, (workshopId: string) => void>();

/** Every row naming the workshop's documents: the board `w/<id>` and each `w/<id>/p/<member>`. */
function deleteRows(sqlite: Database.Database): (workshopId: string) => void {
	let run = statements.get(sqlite);
	if (run) return run;
	// A range rather than LIKE: ids may hold `_`, LIKE's wildcard. '/' + 1 is '0'.
	const where = "doc_name = @room OR (doc_name >= @room || '/' AND doc_name < @room || '0')";
	const updates = sqlite.prepare(`DELETE FROM doc_updates WHERE ${where}`);
	const snapshots = sqlite.prepare(`DELETE FROM doc_snapshots WHERE ${where}`);
	const clients = sqlite.prepare(`DELETE FROM doc_clients WHERE ${where}`);
	// Memberships and links go with the workshop (ON DELETE CASCADE).
	const workshop = sqlite.prepare('DELETE FROM workshops WHERE id = ?');
	run = sqlite.transaction((workshopId: string) => {
		const room = boardRoom(workshopId);
		updates.run({ room });
		snapshots.run({ room });
		clients.run({ room });
		workshop.run(workshopId);
	});
	statements.set(sqlite, run);
	return run;
}

/**
 * Leaves no byte of deleted rows in the database file or its WAL. secure_delete (db/index.ts)
 * zeroes a deleted cell, yet a note's update was still found in the log table's page after the
 * delete and a checkpoint (a copy SQLite left while rearranging the page, as far as we can
 * tell; tests/integration/dashboard.test.ts sees it without this): VACUUM rewrites every page
 * from the live rows only, and the checkpoint empties the WAL of the old page images.
 */
function scrubFile(sqlite: Database.Database) {
	sqlite.exec('VACUUM');
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Deletes a workshop for good: its sockets are cut and its rooms dropped unsaved first, then
 * the update log, snapshots and every private document, memberships and links go in one
 * transaction; then the file is scrubbed (scrubFile), so no text of the workshop is left in the
 * database file or its WAL.
 */
export function deleteWorkshop(deps: Deps, workshopId: string) {
	deps.realtime.dropWorkshop(workshopId);
	deleteRows(deps.sqlite)(workshopId);
	scrubFile(deps.sqlite);
}

/** Closed workshops whose retention deadline has passed, deleted; returns their ids. */
export function deleteExpired(deps: Deps, months: number | null, now = new Date()): string[] {
	if (!months) return [];
	const closed = deps.db
		.select({ id: workshops.id, closedAt: workshops.closedAt })
		.from(workshops)
		.where(and(isNotNull(workshops.closedAt), eq(workshops.isDemo, false)))
		.all();
	const expired = closed.filter((w) => {
		const deadline = retentionDeadline(w.closedAt, months);
		return deadline !== null && deadline <= now;
	});
	for (const w of expired) {
		deps.realtime.dropWorkshop(w.id);
		deleteRows(deps.sqlite)(w.id);
	}
	if (expired.length > 0) scrubFile(deps.sqlite);
	return expired.map((w) => w.id);
}

/** How often the server looks for expired workshops (and once at start). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** Runs retention now and every RETENTION_INTERVAL_MS; returns the stop function. */
export function startRetention(deps: Deps, months: number | null): () => void {
	if (!months) return () => {};
	const run = () => {
		try {
			const gone = deleteExpired(deps, months);
			if (gone.length > 0) console.log(`[samskapa] retention deleted ${gone.length} workshop(s)`);
		} catch (error) {
			console.error('[samskapa] retention failed', error);
		}
	};
	run();
	const timer = setInterval(run, RETENTION_INTERVAL_MS);
	timer.unref();
	return () => clearInterval(timer);
}
