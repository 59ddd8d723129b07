import { SCORE_ROOTS } from '$lib/workshop/records/score';
import { parseRoom } from '$lib/workshop/rooms';
import { coalesce } from '../coalesce';
import type { Feature } from '../hooks';

/**
 * How often a round's progress is recounted at most per workshop: each recount reads every
 * participant's private document, so it must not run once per message of one fast writer.
 */
export const PROGRESS_RECOUNT_MS = 250;

/**
 * A round's progress ("12 of 15 have scored") is recounted when a private document's scores
 * or dots changed: after the update is stored, outside its transaction (the count is written
 * into the board), and at most once per interval per workshop.
 */
export function roundProgressFeature(privateChanged: (workshopId: string) => void): Feature {
	const recount = coalesce(PROGRESS_RECOUNT_MS, (workshopId) => {
		try {
			privateChanged(workshopId);
		} catch (error) {
			console.error('[realtime] could not count progress', error);
		}
	});
	return {
		name: 'round progress',
		onStore(docName, _update, tr) {
			const room = parseRoom(docName);
			if (room?.kind !== 'private') return;
			const doc = tr.doc;
			if (SCORE_ROOTS.some((root) => tr.changed.has(doc.getMap(root) as never))) {
				recount(room.workshopId);
			}
		}
	};
}
