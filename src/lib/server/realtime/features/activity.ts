import { eq, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import { tablesOf, type DB } from '../../db';
import { noteRecord } from '$lib/workshop/records/note';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';
import { LOAD_ORIGIN } from '../doc-store';

/** The last activity is recorded at most this often per workshop (a keystroke is activity). */
export const ACTIVITY_WRITE_MS = 60_000;
/**
 * What changed is written at most this often per workshop: a burst of notes is one write, not
 * one per note (issue 18: a write per note was 4% of the server's CPU under load).
 */
export const ACTIVITY_FLUSH_MS = 1_000;

/** The board's note count, as the dashboard shows it. */
export function countNotes(doc: Y.Doc): number {
	return doc.getMap(noteRecord.root).size;
}

/** What is held back for one workshop: a board whose notes changed, the time of its activity. */
interface Pending {
	/**
	 * Counted when written, not per update: the map's size walks every key (a 2,000-note
	 * board). On PostgreSQL it may include an update still being stored; should that append
	 * fail, the count is one off until the board's notes next change.
	 */
	notes: Y.Doc | null;
	at: number | null;
}

type Values = { count: number | null; at: number | null };

/**
 * Keeps the dashboard's figures in the workshop's row as its documents change, so listing
 * fifty workshops reads fifty rows instead of loading fifty boards: the note count when it
 * changes, the last activity at most once a minute, both held back up to a second and written
 * together. Written when the board unloads, when the server closes, and before the dashboard
 * reads (flush()). Server writes (progress, switches) are not a member's activity.
 */
export function activityFeature(db: DB): Feature {
	const { workshops } = tablesOf(db);
	// Prepared once: a query built per write cost more than the write (drizzle's builder, and
	// SQLite compiling the statement each time).
	// A placeholder in set() is typed as the column's value: drizzle still maps what is filled
	// in through the column (a Date to each dialect's timestamp).
	const placeholder = <T>(name: string) => sql.placeholder(name) as unknown as T;
	const id = eq(workshops.id, sql.placeholder('id'));
	const count = placeholder<number>('count');
	const at = placeholder<Date>('at');
	const statements = {
		count: db.update(workshops).set({ noteCount: count }).where(id).prepare(),
		at: db.update(workshops).set({ lastActivityAt: at }).where(id).prepare(),
		both: db.update(workshops).set({ noteCount: count, lastActivityAt: at }).where(id).prepare()
	};
	// Not waited for by the update: a lost count is recounted by the dashboard
	// (services/dashboard.ts), a lost time is the next minute's.
	const write = (id: string, { count, at }: Values): Promise<void> => {
		const statement =
			count === null ? statements.at : at === null ? statements.count : statements.both;
		return Promise.resolve(
			statement.execute({ id, count, at: at === null ? null : new Date(at) })
		).then(
			() => {},
			(error: unknown) => console.error('[realtime] could not write activity', error)
		);
	};
	const counted = new Map<string, number>();
	const recorded = new Map<string, number>();
	const pending = new Map<string, Pending>();
	const timers = new Map<string, NodeJS.Timeout>();
	// One write at a time per workshop: on a pool, a later count must not land before an earlier.
	const writing = new Map<string, Promise<void>>();

	/** What to write of `held` now: the count only if it changed since the last write. */
	const valuesOf = (id: string, held: Pending): Values | null => {
		const count = held.notes === null ? null : countNotes(held.notes);
		const newCount = count !== null && counted.get(id) !== count ? count : null;
		if (newCount !== null) counted.set(id, newCount);
		return newCount === null && held.at === null ? null : { count: newCount, at: held.at };
	};

	const flushOne = (id: string): Promise<void> => {
		clearTimeout(timers.get(id));
		timers.delete(id);
		const held = pending.get(id);
		const previous = writing.get(id);
		pending.delete(id);
		const values = held ? valuesOf(id, held) : null;
		if (!values) return previous ?? Promise.resolve();
		const next = (previous ?? Promise.resolve()).then(() => write(id, values));
		writing.set(id, next);
		void next.then(() => {
			if (writing.get(id) === next) writing.delete(id);
		});
		return next;
	};

	return {
		name: 'dashboard activity',
		onStore(docName, _update, tr) {
			const room = parseRoom(docName);
			if (!room) return;
			const id = room.workshopId;
			// Only a key added to or removed from the notes map changes the count.
			const notesChanged =
				room.kind === 'board' && tr.changed.has(tr.doc.getMap(noteRecord.root) as never);
			const now = Date.now();
			// Opening a board (its load) is nobody's activity; the server's own writes neither.
			const active =
				tr.origin !== 'server' &&
				tr.origin !== LOAD_ORIGIN &&
				now - (recorded.get(id) ?? 0) >= ACTIVITY_WRITE_MS;
			if (!notesChanged && !active) return;
			const held = pending.get(id) ?? { notes: null, at: null };
			if (notesChanged) held.notes = tr.doc;
			if (active) {
				recorded.set(id, now);
				held.at = now;
			}
			pending.set(id, held);
			if (timers.has(id)) return;
			const timer = setTimeout(() => void flushOne(id), ACTIVITY_FLUSH_MS);
			timer.unref();
			timers.set(id, timer);
		},
		onUnload(docName) {
			const room = parseRoom(docName);
			if (room?.kind !== 'board') return;
			// Counted now, while the board is still in memory.
			void flushOne(room.workshopId);
			// Loaded again, its first change is written as new: no figures kept for unloaded boards.
			counted.delete(room.workshopId);
			recorded.delete(room.workshopId);
		},
		async flush() {
			await Promise.all([...new Set([...pending.keys(), ...writing.keys()])].map(flushOne));
		}
	};
}
