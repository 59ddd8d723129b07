import * as Y from 'yjs';
import type { RealtimeServer } from '../realtime/server';
import { ideasMap } from '$lib/workshop/records/idea';
import { privateRoom } from '$lib/workshop/rooms';

/** An open silent idea round, as counting needs it. */
export interface SilentRound {
	id: string;
	areaIds: readonly string[];
}

/**
 * A member's private ideas in a silent round's areas. Their private document holds only ideas
 * signed by them and judged well-formed (private-layout.ts), so each counts for this member;
 * read by area alone, since this runs after every write of the member's ideas.
 */
export function silentIdeas(doc: Y.Doc, round: SilentRound): number {
	let n = 0;
	ideasMap(doc).forEach((idea) => {
		if (idea instanceof Y.Map && round.areaIds.includes(idea.get('areaId') as string)) n++;
	});
	return n;
}

/**
 * How many private ideas each member has written in each open silent round ("8 idéer från 5
 * personer", never their text), kept in memory and updated from each accepted write to one
 * member's private ideas, so a new idea costs that member's document, never a read of every
 * private document. Counted from every member's private document only the first time a round
 * is asked for after a restart.
 */
export class SilentIdeaProgress {
	#rounds = new Map<string, { areaIds: readonly string[]; ideas: Map<string, number> }>();

	constructor(private readonly realtime: Pick<RealtimeServer, 'read'>) {}

	/** Ideas and authors of each round. */
	async counts(
		workshopId: string,
		rounds: readonly SilentRound[],
		members: () => Promise<readonly string[]>
	): Promise<{ ideas: number; authors: number }[]> {
		const uncounted = rounds.filter((r) => !this.#rounds.has(key(workshopId, r.id)));
		if (uncounted.length > 0) {
			const maps = uncounted.map(() => new Map<string, number>());
			for (const id of await members()) {
				await this.realtime.read(privateRoom(workshopId, id), (doc) => {
					uncounted.forEach((round, i) => {
						const n = silentIdeas(doc, round);
						if (n > 0) maps[i]!.set(id, n);
					});
				});
			}
			uncounted.forEach((round, i) => {
				// Counted meanwhile by another caller: that count already follows the changes.
				if (this.#rounds.has(key(workshopId, round.id))) return;
				this.#rounds.set(key(workshopId, round.id), { areaIds: round.areaIds, ideas: maps[i]! });
			});
		}
		return rounds.map((r) => {
			const { ideas } = this.#rounds.get(key(workshopId, r.id))!;
			let total = 0;
			for (const n of ideas.values()) total += n;
			return { ideas: total, authors: ideas.size };
		});
	}

	/** A member's private ideas changed (`doc`: their private document): recount theirs. */
	changed(workshopId: string, membershipId: string, doc: Y.Doc) {
		const prefix = key(workshopId, '');
		for (const [k, round] of this.#rounds) {
			if (!k.startsWith(prefix)) continue;
			const n = silentIdeas(doc, { id: k.slice(prefix.length), areaIds: round.areaIds });
			if (n > 0) round.ideas.set(membershipId, n);
			else round.ideas.delete(membershipId);
		}
	}

	/** A revealed round takes no more private ideas. */
	forget(workshopId: string, roundId: string) {
		this.#rounds.delete(key(workshopId, roundId));
	}
}

const key = (workshopId: string, roundId: string) => `${workshopId}\u0000${roundId}`;

const progresses = new WeakMap<object, SilentIdeaProgress>();

/** The silent rounds' progress of every workshop the realtime server holds. */
export function silentIdeaProgress(realtime: Pick<RealtimeServer, 'read'>): SilentIdeaProgress {
	let progress = progresses.get(realtime);
	if (!progress) progresses.set(realtime, (progress = new SilentIdeaProgress(realtime)));
	return progress;
}
