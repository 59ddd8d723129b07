import type * as Y from 'yjs';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

/** Told that an update of a member's private document changed their silent-round notes. */
export type NotesChanged = (workshopId: string, membershipId: string, doc: Y.Doc) => void;

/**
 * The facilitator's count of a silent round on the journey ("12 lappar från 5 personer")
 * follows each note: after an update of a private document that touched its notes is stored,
 * the member is named to the board's workflow (board/note-rounds.ts), which recounts that
 * member alone and writes the count into the board later, at most once per interval.
 */
export function noteProgressFeature(notesChanged: NotesChanged): Feature {
	return {
		name: 'note progress',
		onStore(docName, _update, tr) {
			const room = parseRoom(docName);
			if (room?.kind !== 'private') return;
			// Looked up, not created: most private documents never hold a note.
			const notes = tr.doc.share.get('notes');
			if (notes && tr.changed.has(notes as never)) {
				notesChanged(room.workshopId, room.membershipId, tr.doc);
			}
		}
	};
}
