import type { DB } from '../../db';
import { liveSwitches, type BoardRooms, type SwitchesCache } from '../../services/switches';
import type { Feature } from '../hooks';
import { activityFeature } from './activity';
import { anonymityFeature } from './anonymity';
import { collabTextFeature } from './collab-text';
import { insightsFeature } from './insights';
import { noteProgressFeature, type NotesChanged } from './note-progress';
import { roundProgressFeature, type BallotsChanged, type IdeasChanged } from './round-progress';
import { switchesFeature } from './switches';

export interface FeatureDeps {
	db: DB;
	/** The database copy of each workshop's switches, read when its board loads (authorize.ts). */
	switches: Pick<SwitchesCache, 'get'>;
	secret: string;
	/** Counts a hand-in of round progress (app.ts, board/progress.ts); none: not counted. */
	ballotsChanged?: BallotsChanged;
	/** Counts a silent-round note on the journey (app.ts, board/note-rounds.ts); none: not counted. */
	notesChanged?: NotesChanged;
	/** Counts a silent idea round's private ideas (app.ts, board/silent-progress.ts). */
	ideasChanged?: IdeasChanged;
	/** The server's loaded rooms, where the live switches are; none: the database copy only. */
	rooms?: () => BoardRooms;
}

/**
 * The features of the realtime server, in the order their hooks run: the one place a
 * behaviour is plugged into the server (see hooks.ts for the moments). The switches are set
 * first on load, so the others see them; insights come before anonymity, so an insight derived
 * in the same transaction is scrubbed too.
 */
export function realtimeFeatures(deps: FeatureDeps): Feature[] {
	// Read on every accepted update and presence state while the board is not loaded.
	const stored = deps.switches.get;
	const rooms = deps.rooms;
	const live = (id: string) => (rooms ? liveSwitches(rooms(), id, () => stored(id)) : stored(id));
	return [
		switchesFeature(stored),
		collabTextFeature,
		insightsFeature,
		anonymityFeature(deps.secret, (id) => live(id)?.anonymous ?? false),
		...(deps.ballotsChanged ? [roundProgressFeature(deps.ballotsChanged, deps.ideasChanged)] : []),
		...(deps.notesChanged ? [noteProgressFeature(deps.notesChanged)] : []),
		activityFeature(deps.db)
	];
}
