import type * as Y from 'yjs';
import {
	privateLayout,
	privateRules,
	type PrivateOwner,
	type RoundRules
} from '$lib/workshop/private-layout';
import type { ClientIds } from './client-ids';
import { capDocument } from './doc-cap';
import { judgeWrites, type WriteCheck } from './judge';

/** What a member's private document needs from the board's workflows (board/rounds.ts …). */
export interface PrivateHooks {
	/** A round of the workshop's board that takes ballots (status, type, areas, dot limits). */
	round(workshopId: string, roundId: string): RoundRules | null;
	/** Whether a silent idea round is open over an area (board/idea-rounds.ts). */
	silentOpen(workshopId: string, areaId: string): boolean;
	/**
	 * Whether the workshop is closed (the board's `closed` switch): then its owner writes nothing
	 * here either, as on the board, so no ballot or silent-round draft changes after the close
	 * and reaches the board later. Absent: never closed.
	 */
	closed?(workshopId: string): boolean;
	/** Whether a silent round is open on the journey (board/note-rounds.ts); absent: never. */
	notesOpen?(workshopId: string): boolean;
	/**
	 * After an accepted write touched a member's silent-round notes, with their live private
	 * document (the facilitator's count of notes, board/note-rounds.ts); absent: not counted.
	 */
	notesChanged?(workshopId: string, membershipId: string, doc: Y.Doc): void;
	/**
	 * After an accepted write to a member's private document, with the rounds whose ballot it
	 * changed (from the keys the update touched), read from `doc`, the live document.
	 */
	ballotsChanged(
		workshopId: string,
		membershipId: string,
		doc: Y.Doc,
		roundIds: ReadonlySet<string>
	): void;
	/**
	 * After an accepted write that changed a member's private ideas (a silent round's), read
	 * from `doc`: the round's progress counts them without their text.
	 */
	ideasChanged?(workshopId: string, membershipId: string, doc: Y.Doc): void;
}

/**
 * One judge per loaded document, whichever of the owner's sockets writes (each socket's would
 * be the same: the document's name fixes its owner and workshop): its shadow counts records
 * per declaration, so every socket must judge with the same declarations.
 */
const judges = new WeakMap<Y.Doc, WriteCheck>();

/** Without a board's workflows (tools, tests): no round takes ballots, no silent round is open. */
const noRounds: PrivateHooks = {
	round: () => null,
	silentOpen: () => false,
	ballotsChanged: () => {}
};

/**
 * Its owner's write access to their private document: judged by the same judge as the board,
 * against the private layout (private-layout.ts) and its round rules, within the document's
 * byte cap (doc-cap.ts). One judge per loaded document, whichever of the owner's sockets
 * writes. After each accepted write the round-progress feature (features/round-progress.ts)
 * tells the board's workflows which rounds' ballots it touched.
 */
export function privateDocument(
	workshopId: string,
	owner: PrivateOwner,
	hooks: PrivateHooks = noRounds
): WriteCheck {
	return (real, update) => {
		let judge = judges.get(real);
		if (!judge) judges.set(real, (judge = privateJudge(workshopId, owner, hooks)));
		return judge(real, update);
	};
}

/** The judge of one member's private document. */
export function privateJudge(
	workshopId: string,
	owner: PrivateOwner,
	hooks: PrivateHooks = noRounds
): WriteCheck {
	const board = {
		round: (roundId: string) => hooks.round(workshopId, roundId),
		silentOpen: (areaId: string) => hooks.silentOpen(workshopId, areaId),
		notesOpen: () => hooks.notesOpen?.(workshopId) ?? false
	};
	return capDocument(
		judgeWrites({
			// The owner alone writes here, a facilitator's own document included, by the same rules.
			writer: {
				membershipId: owner.membershipId,
				role: 'participant',
				ids: owner.ids,
				names: owner.names
			},
			clientIds: ownersClientIds(owner.membershipId),
			layout: privateLayout(owner.membershipId),
			conditions: [() => (hooks.closed?.(workshopId) ? 'the workshop is closed' : null)],
			touchedRule: privateRules(board, owner)
		})
	);
}

/**
 * Every client id in a private document is its owner's: nobody else may open it, and the
 * server writes there only to take a silent round's revealed ideas out.
 */
const ownersClientIds = (membershipId: string): ClientIds => ({
	owner: () => membershipId,
	bind: () => {}
});
