import { eq, sql } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { App } from '../app';
import { tablesOf, type DB } from '../db';
import { preparedRead } from '../db/prepared';
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

/** Read at every load of a board. */
const switchesOf = preparedRead<WorkshopSwitches, { id: string }>('workshop_switches', (db) => {
	const { workshops } = tablesOf(db);
	return db
		.select({
			anonymous: workshops.anonymous,
			participantsMayExport: workshops.participantsMayExport
		})
		.from(workshops)
		.where(eq(workshops.id, sql.placeholder('id')));
});

/** The copy in the database; null when the workshop does not exist. */
export async function storedSwitches(db: DB, workshopId: string): Promise<WorkshopSwitches | null> {
	const [row] = await switchesOf(db, { id: workshopId });
	return row ?? null;
}

/**
 * The database copy as the realtime features read it, synchronously per update and on load:
 * read whenever the workshop's board is loaded (realtime/authorize.ts beforeLoad), in the load
 * itself, and written through by setSwitches. While the board stays loaded the copy stays the
 * database's: only the process holding a workshop changes its switches. Read earlier (when a
 * socket authenticated), the board could unload and another process change the switches before
 * the load, which would write the stale copy back into the board (anonymity off again).
 */
export function storedSwitchesCache(db: DB) {
	const copies = new Map<string, WorkshopSwitches | null>();
	caches.set(tablesOf(db), copies);
	return {
		async load(workshopId: string) {
			copies.set(workshopId, await storedSwitches(db, workshopId));
		},
		get: (workshopId: string) => copies.get(workshopId) ?? null
	};
}
export type SwitchesCache = ReturnType<typeof storedSwitchesCache>;

const caches = new WeakMap<object, Map<string, WorkshopSwitches | null>>();

/** The switches as they are now: the loaded board's, else the database's copy. */
export function liveSwitches<T extends WorkshopSwitches | null | Promise<WorkshopSwitches | null>>(
	server: BoardRooms,
	workshopId: string,
	stored: () => T
): WorkshopSwitches | T {
	const board = server.rooms.get(boardRoom(workshopId));
	const live = board ? readSwitches(board.doc) : {};
	if (live.anonymous !== undefined && live.participantsMayExport !== undefined) {
		return { anonymous: live.anonymous, participantsMayExport: live.participantsMayExport };
	}
	const copy = stored();
	const merge = (copy: WorkshopSwitches | null) => copy && { ...copy, ...live };
	return (copy instanceof Promise ? copy.then(merge) : merge(copy)) as T;
}

/** The switches as they are now, for requests (exports, reveal); null: no such workshop. */
export async function workshopSwitches(
	deps: Deps,
	workshopId: string
): Promise<WorkshopSwitches | null> {
	return liveSwitches(
		deps.realtime,
		workshopId,
		async () => await storedSwitches(deps.db, workshopId)
	);
}

/**
 * Changes a workshop's switches: the database copy, then the board (loading it if needed), in
 * one server update that every open board receives. Switching anonymity on also removes the
 * names from every record already on the board, for good (gone from the document and, by a
 * compaction, from the stored log), and rewrites every presence shown in the workshop's rooms
 * at once. Returns how many records lost their name.
 */
export async function setSwitches(
	deps: Deps,
	workshopId: string,
	change: Partial<WorkshopSwitches>
): Promise<number> {
	const set: Partial<WorkshopSwitches> = {};
	if (change.anonymous !== undefined) set.anonymous = change.anonymous;
	if (change.participantsMayExport !== undefined) {
		set.participantsMayExport = change.participantsMayExport;
	}
	if (Object.keys(set).length === 0) return 0;
	const { workshops } = tablesOf(deps.db);
	const [copy] = await deps.db
		.update(workshops)
		.set(set)
		.where(eq(workshops.id, workshopId))
		.returning({
			anonymous: workshops.anonymous,
			participantsMayExport: workshops.participantsMayExport
		});
	if (copy) caches.get(tablesOf(deps.db))?.set(workshopId, copy);
	const room = boardRoom(workshopId);
	const scrubbed = await deps.realtime.edit(room, (doc) => {
		writeSwitches(doc, set);
		return set.anonymous ? scrubAuthorNames(doc) : 0;
	});
	// The log still holds the updates that carried the names.
	if (scrubbed > 0) await deps.realtime.compact(room);
	if (set.anonymous !== undefined) deps.realtime.renewPresence(workshopId);
	return scrubbed;
}
