import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { tablesOf, type DB } from '../../db';
import { noteRecord } from '$lib/workshop/records/note';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

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

interface Pending {
	count: number | null;
	at: number | null;
}

/**
 * Keeps the dashboard's figures in the workshop's row as its documents change, so listing
 * fifty workshops reads fifty rows instead of loading fifty boards: the note count when it
 * changes, the last activity at most once a minute, both held back up to a second and written
 * together. Written when the board unloads, when the server closes, and before the dashboard
 * reads (flush()). Server writes (progress, switches) are not a member's activity.
 */
export function activityFeature(db: DB): Feature {
	const { workshops } = tablesOf(db);
	// Not waited for by the update: a lost count is recounted by the dashboard
	// (services/dashboard.ts), a lost time is the next minute's.
	const write = (id: string, { count, at }: Pending) =>
		db
			.update(workshops)
			.set({
				...(count !== null && { noteCount: count }),
				...(at !== null && { lastActivityAt: new Date(at) })
			})
			.where(eq(workshops.id, id))
			.then(
				() => {},
				(error: unknown) => console.error('[realtime] could not write activity', error)
			);
	const counted = new Map<string, number>();
	const recorded = new Map<string, number>();
	const pending = new Map<string, Pending>();
	const timers = new Map<string, NodeJS.Timeout>();
	// One write at a time per workshop: on a pool, a later count must not land before an earlier.
	const writing = new Map<string, Promise<void>>();

	const flushOne = (id: string): Promise<void> => {
		clearTimeout(timers.get(id));
		timers.delete(id);
		const values = pending.get(id);
		const previous = writing.get(id);
		if (!values) return previous ?? Promise.resolve();
		pending.delete(id);
		const next = (previous ?? Promise.resolve()).then(() => write(id, values));
		writing.set(id, next);
		void next.then(() => {
			if (writing.get(id) === next) writing.delete(id);
		});
		return next;
	};

	return {
		name: 'dashboard activity',
		onLoad(docName, doc) {
			// The notes root as a map from the start: a root Yjs first creates while integrating an
			// update is a plain type, replaced when first read as a map, and onStore compares types.
			if (parseRoom(docName)?.kind === 'board') doc.getMap(noteRecord.root);
		},
		onStore(docName, _update, tr) {
			const room = parseRoom(docName);
			if (!room) return;
			const id = room.workshopId;
			// Only a key added to or removed from the notes map changes the count; reading the
			// map's size walks every key, so edits inside notes never do.
			const notesChanged =
				room.kind === 'board' && tr.changed.has(tr.doc.getMap(noteRecord.root) as never);
			const count = notesChanged ? countNotes(tr.doc) : null;
			const newCount = count !== null && counted.get(id) !== count ? count : null;
			const now = Date.now();
			const active = tr.origin !== 'server' && now - (recorded.get(id) ?? 0) >= ACTIVITY_WRITE_MS;
			if (newCount === null && !active) return;
			const values = pending.get(id) ?? { count: null, at: null };
			if (newCount !== null) {
				counted.set(id, newCount);
				values.count = newCount;
			}
			if (active) {
				recorded.set(id, now);
				values.at = now;
			}
			pending.set(id, values);
			if (timers.has(id)) return;
			const timer = setTimeout(() => void flushOne(id), ACTIVITY_FLUSH_MS);
			timer.unref();
			timers.set(id, timer);
		},
		onUnload(docName) {
			const room = parseRoom(docName);
			if (room?.kind !== 'board') return;
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
