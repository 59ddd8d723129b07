import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { tablesOf, type DB } from '../../db';
import { noteRecord } from '$lib/workshop/records/note';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

/** The last activity is written at most this often per workshop (a keystroke is activity). */
export const ACTIVITY_WRITE_MS = 60_000;

/** The board's note count, as the dashboard shows it. */
export function countNotes(doc: Y.Doc): number {
	return doc.getMap(noteRecord.root).size;
}

/**
 * Keeps the dashboard's figures in the workshop's row as its documents change, so listing
 * fifty workshops reads fifty rows instead of loading fifty boards: the note count when it
 * changes, the last activity at most once a minute. Server writes (progress, switches) are
 * not a member's activity.
 */
export function activityFeature(db: DB): Feature {
	const { workshops } = tablesOf(db);
	// Written after the update is stored and not waited for: a lost count is recounted by the
	// dashboard (services/dashboard.ts), a lost time is the next minute's.
	const write = (id: string, count: number | null, at: number | null) =>
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
	const written = new Map<string, number>();
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
			const active = tr.origin !== 'server' && now - (written.get(id) ?? 0) >= ACTIVITY_WRITE_MS;
			if (newCount === null && !active) return;
			if (newCount !== null) counted.set(id, newCount);
			if (active) written.set(id, now);
			void write(id, newCount, active ? now : null);
		}
	};
}
