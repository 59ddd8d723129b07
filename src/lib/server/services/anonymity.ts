import { eq } from 'drizzle-orm';
import { workshops } from '../db/schema';
import type { App } from '../app';
import { scrubAuthorNames } from '$lib/workshop/doc';
import { scrubCommentNames } from '$lib/workshop/records/goal-comment';
import { boardRoom } from '$lib/workshop/rooms';

/**
 * Turns a workshop's anonymity on or off. Turning it on also removes the names from the notes
 * already on the board, for good: they are gone from the shared document, not merely hidden,
 * nor left in the stored log, so turning anonymity off again shows names on new notes only. Returns how many notes lost
 * their name.
 */
export function setAnonymous(
	app: Pick<App, 'db' | 'realtime'>,
	workshopId: string,
	anonymous: boolean
): number {
	app.db.update(workshops).set({ anonymous }).where(eq(workshops.id, workshopId)).run();
	if (!anonymous) return 0;
	const room = boardRoom(workshopId);
	const scrubbed = app.realtime.edit(room, (doc) => scrubAuthorNames(doc) + scrubCommentNames(doc));
	// The log still holds the updates that carried the names.
	if (scrubbed > 0) app.realtime.compact(room);
	return scrubbed;
}
