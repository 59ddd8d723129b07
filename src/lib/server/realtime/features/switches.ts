import { writeSwitches, type WorkshopSwitches } from '$lib/workshop/records/workshop-switches';
import { parseRoom } from '$lib/workshop/rooms';
import type { Feature } from '../hooks';

/**
 * A board just loaded holds the workshop's switches as the database has them: a board from
 * before the switches lived in it gets them, and one whose copy is behind (the server stopped
 * between the two writes, or an import) is brought up to date. While loaded, the board is the
 * live value (services/switches.ts writes both).
 */
export function switchesFeature(stored: (workshopId: string) => WorkshopSwitches | null): Feature {
	return {
		name: 'workshop switches',
		onLoad(docName, doc) {
			const room = parseRoom(docName);
			if (room?.kind !== 'board') return;
			const switches = stored(room.workshopId);
			if (switches) writeSwitches(doc, switches);
		}
	};
}
