import { boardRecords } from '$lib/workshop/layout';
import { convertCollaborative } from '$lib/workshop/records/collab-text';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

/**
 * Fields declared collaborative (Y.Text) were plain strings in boards stored before: on load
 * the server turns them into Y.Text, as the server, so the judge (which refuses a plain value
 * in a collaborative field) and every browser see one form. Idempotent, so it runs every load.
 */
export const collabTextFeature: Feature = {
	name: 'collaborative text of older boards',
	onLoad(docName, doc) {
		if (parseRoom(docName)?.kind === 'board') convertCollaborative(doc, boardRecords);
	}
};
