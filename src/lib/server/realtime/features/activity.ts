import { eq, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { DB } from '../../db';
import { workshops } from '../../db/schema';
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
	const write = db
		.update(workshops)
		.set({
			noteCount: sql`coalesce(${sql.placeholder('count')}, ${workshops.noteCount})`,
			lastActivityAt: sql`coalesce(${sql.placeholder('at')}, ${workshops.lastActivityAt})`
		})
		.where(eq(workshops.id, sql.placeholder('id')))
		.prepare();
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
			write.run({ id, count: newCount, at: active ? now : null });
		}
	};
}
