import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { App } from '../app';
import type { DB } from '../db';
import { workshops } from '../db/schema';
import { scrubAuthorNames } from '$lib/workshop/anonymity';
import {
	readSwitches,
	writeSwitches,
	type WorkshopSwitches
} from '$lib/workshop/records/workshop-switches';
import { boardRoom } from '$lib/workshop/rooms';

/**
 * A workshop's switches (anonymity, participants' exports) live in its board, where every open
 * browser sees a change at once (records/workshop-switches.ts). The database row is a
 * write-through copy, read while the board is not loaded, and the value a board is set to when
 * it is loaded (features/switches.ts).
 */

type Deps = Pick<App, 'db' | 'realtime'>;

/** Where the loaded boards are (the realtime server's rooms). */
export interface BoardRooms {
	rooms: ReadonlyMap<string, { doc: Y.Doc }>;
}

/** The copy in the database; null when the workshop does not exist. */
export function storedSwitches(db: DB, workshopId: string): WorkshopSwitches | null {
	return (
		db
			.select({
				anonymous: workshops.anonymous,
				participantsMayExport: workshops.participantsMayExport
			})
			.from(workshops)
			.where(eq(workshops.id, workshopId))
			.get() ?? null
	);
}

/** The switches as they are now: the loaded board's, else the database's copy. */
export function liveSwitches(
	server: BoardRooms,
	workshopId: string,
	stored: () => WorkshopSwitches | null
): WorkshopSwitches | null {
	const board = server.rooms.get(boardRoom(workshopId));
	const live = board ? readSwitches(board.doc) : {};
	if (live.anonymous !== undefined && live.participantsMayExport !== undefined) {
		return { anonymous: live.anonymous, participantsMayExport: live.participantsMayExport };
	}
	const copy = stored();
	return copy && { ...copy, ...live };
}

/** The switches as they are now, for requests (exports, reveal); null: no such workshop. */
export function workshopSwitches(deps: Deps, workshopId: string): WorkshopSwitches | null {
	return liveSwitches(deps.realtime, workshopId, () => storedSwitches(deps.db, workshopId));
}

/**
 * Changes a workshop's switches: the database copy, then the board (loading it if needed), in
 * one server update that every open board receives. Switching anonymity on also removes the
 * names from every record already on the board, for good (gone from the document and, by a
 * compaction, from the stored log), and rewrites every presence shown in the workshop's rooms
 * at once. Returns how many records lost their name.
 */
export function setSwitches(
	deps: Deps,
	workshopId: string,
	change: Partial<WorkshopSwitches>
): number {
	const set: Partial<WorkshopSwitches> = {};
	if (change.anonymous !== undefined) set.anonymous = change.anonymous;
	if (change.participantsMayExport !== undefined) {
		set.participantsMayExport = change.participantsMayExport;
	}
	if (Object.keys(set).length === 0) return 0;
	deps.db.update(workshops).set(set).where(eq(workshops.id, workshopId)).run();
	const room = boardRoom(workshopId);
	const scrubbed = deps.realtime.edit(room, (doc) => {
		writeSwitches(doc, set);
		return set.anonymous ? scrubAuthorNames(doc) : 0;
	});
	// The log still holds the updates that carried the names.
	if (scrubbed > 0) deps.realtime.compact(room);
	if (set.anonymous !== undefined) deps.realtime.renewPresence(workshopId);
	return scrubbed;
}
