import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { tablesOf, type DB } from '../db';
import type { RealtimeServer } from '../realtime/server';
import { hasScored, type Ballot } from '$lib/workshop/analysis/round-results';
import { roundDots } from '$lib/workshop/private-layout';
import {
	scoreKey,
	scoresMap,
	scoreValueSchema,
	type ScoreValue
} from '$lib/workshop/records/score';
import { privateRoom } from '$lib/workshop/rooms';

/**
 * How often a workshop's progress is written into the board at most: a member scoring fast
 * changes the count per message, but everyone's board needs it a few times a second at most.
 */
export const PROGRESS_RECOUNT_MS = 250;

/** A round that takes ballots, as counting needs it (an idea dot vote: its ideas as areas). */
export interface BallotRound {
	id: string;
	type: 'scoring' | 'dots';
	areaIds: string[];
}

/** A member's ballot of one round, read key by key: it costs the round's areas, not the document. */
export function roundBallot(doc: Y.Doc, round: BallotRound): Ballot {
	const scores = new Map<string, ScoreValue>();
	if (round.type === 'scoring') {
		const map = scoresMap(doc);
		for (const areaId of round.areaIds) {
			const v = scoreValueSchema.safeParse(map.get(scoreKey(round.id, areaId)));
			if (v.success) scores.set(areaId, v.data);
		}
	}
	const dots = round.type === 'dots' ? roundDots(doc, round.id, round.areaIds) : {};
	return { scores, dots };
}

/** Every membership of a workshop, whatever its role: whose private documents may hold ballots. */
export async function memberIds(db: DB, workshopId: string): Promise<string[]> {
	const { memberships } = tablesOf(db);
	const rows = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(eq(memberships.workshopId, workshopId));
	return rows.map((m) => m.id);
}

/**
 * Who has handed in, per workshop and round, kept in memory and updated from each accepted
 * private-document write alone (the rounds whose keys it touched), so a hand-in costs that
 * member's ballot, never a read of every private document. Counted from every member's private
 * document only the first time a round is asked for after a restart; a round just opened
 * starts empty (no private document can hold a ballot of a round that did not exist).
 */
export class BallotProgress {
	#handedIn = new Map<string, Set<string>>();

	constructor(private readonly realtime: Pick<RealtimeServer, 'read'>) {}

	/** A round just opened: nobody has handed in yet. */
	start(workshopId: string, roundId: string) {
		this.#handedIn.set(key(workshopId, roundId), new Set());
	}

	/**
	 * Who has handed in each of `rounds`. A round not counted yet (after a restart) is counted
	 * now from the private documents of `members`, each read once for all such rounds.
	 */
	async handedIn(
		workshopId: string,
		rounds: readonly BallotRound[],
		members: () => Promise<readonly string[]>
	): Promise<ReadonlySet<string>[]> {
		const uncounted = rounds.filter((r) => !this.#handedIn.has(key(workshopId, r.id)));
		if (uncounted.length > 0) {
			const sets = uncounted.map(() => new Set<string>());
			for (const id of await members()) {
				await this.realtime.read(privateRoom(workshopId, id), (doc) => {
					uncounted.forEach((round, i) => {
						if (hasScored(round, roundBallot(doc, round))) sets[i]!.add(id);
					});
				});
			}
			uncounted.forEach((round, i) => {
				// Counted meanwhile by another caller: that count already follows the changes.
				if (!this.#handedIn.has(key(workshopId, round.id))) {
					this.#handedIn.set(key(workshopId, round.id), sets[i]!);
				}
			});
		}
		return rounds.map((r) => this.#handedIn.get(key(workshopId, r.id))!);
	}

	/**
	 * One member's accepted write touched their ballot of `round` (`doc`: their private document).
	 * A round not counted yet is left alone: its first count reads this document too.
	 */
	changed(workshopId: string, membershipId: string, doc: Y.Doc, round: BallotRound) {
		const set = this.#handedIn.get(key(workshopId, round.id));
		if (!set) return;
		if (hasScored(round, roundBallot(doc, round))) set.add(membershipId);
		else set.delete(membershipId);
	}

	/** A revealed round takes no more ballots. */
	forget(workshopId: string, roundId: string) {
		this.#handedIn.delete(key(workshopId, roundId));
	}
}

const key = (workshopId: string, roundId: string) => `${workshopId}\u0000${roundId}`;

const progresses = new WeakMap<object, BallotProgress>();

/** The progress of every workshop the realtime server holds. */
export function ballotProgress(realtime: Pick<RealtimeServer, 'read'>): BallotProgress {
	let progress = progresses.get(realtime);
	if (!progress) progresses.set(realtime, (progress = new BallotProgress(realtime)));
	return progress;
}
