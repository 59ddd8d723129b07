import type * as Y from 'yjs';
import { privateIdeaRecord } from '$lib/workshop/private-layout';
import { parseScoreKey, SCORE_ROOTS } from '$lib/workshop/records/score';
import { parseRoom } from '$lib/workshop/rooms';
import { LOAD_ORIGIN } from '../doc-store';
import type { Feature } from '../hooks';

/** Told which rounds' ballots an update of a member's private document changed. */
export type BallotsChanged = (
	workshopId: string,
	membershipId: string,
	doc: Y.Doc,
	roundIds: ReadonlySet<string>
) => void;

/** Told that an update of a member's private document changed their private ideas. */
export type IdeasChanged = (workshopId: string, membershipId: string, doc: Y.Doc) => void;

/**
 * A round's progress ("12 of 15 have scored") follows each hand-in: after an update of a
 * private document is stored (the member's or the server's), the rounds whose score or dot
 * keys it touched are named to the board's workflows (board/progress.ts counts from those keys
 * alone, never by re-reading every private document), which write the count into the board
 * later, at most once per interval. A silent idea round's progress ("8 idéer från 5 personer")
 * follows each change of a member's private ideas the same way.
 */
export function roundProgressFeature(
	ballotsChanged: BallotsChanged,
	ideasChanged?: IdeasChanged
): Feature {
	return {
		name: 'round progress',
		onStore(docName, _update, tr) {
			const room = parseRoom(docName);
			// A load changes no ballot: what is on disk is what the counts were made from.
			if (room?.kind !== 'private' || tr.origin === LOAD_ORIGIN) return;
			const doc = tr.doc;
			const roundIds = new Set<string>();
			for (const root of SCORE_ROOTS) {
				for (const key of tr.changed.get(doc.getMap(root) as never) ?? []) {
					const roundId = key === null ? undefined : parseScoreKey(key)?.roundId;
					if (roundId) roundIds.add(roundId);
				}
			}
			if (roundIds.size > 0) ballotsChanged(room.workshopId, room.membershipId, doc, roundIds);
			if (ideasChanged && tr.changed.has(doc.getMap(privateIdeaRecord.root) as never)) {
				ideasChanged(room.workshopId, room.membershipId, doc);
			}
		}
	};
}
