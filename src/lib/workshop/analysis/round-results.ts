import type { Round, RoundResults } from '../records/round';
import type { ScoreValue } from '../records/score';
import { tallyDots } from './dots';
import { disagrees, summarise } from './scores';

/** What one member handed in for a round, read from their private document. */
export interface Ballot {
	scores: ReadonlyMap<string, ScoreValue>;
	dots: Readonly<Record<string, number>>;
}

/** Whether a member has handed in: every area scored on both axes, or at least one dot. */
export function hasScored(round: Pick<Round, 'type' | 'areaIds'>, ballot: Ballot): boolean {
	if (round.type === 'dots') return Object.values(ballot.dots).some((d) => d > 0);
	return round.areaIds.every((id) => {
		const s = ballot.scores.get(id);
		return s?.worth !== undefined && s.cost !== undefined;
	});
}

/**
 * The results of a round from everyone's ballots: per area and axis the median, quartiles,
 * IQR and how many gave each step, or the dot tally; never who gave which.
 */
export function roundResults(
	round: Pick<Round, 'type' | 'areaIds' | 'dotLimits'>,
	ballots: readonly Ballot[]
): RoundResults {
	if (round.type === 'dots') {
		const limits = round.dotLimits ?? { perPerson: 1, perArea: 1 };
		return {
			dots: tallyDots(
				ballots.map((b) => b.dots),
				round.areaIds,
				limits
			)
		};
	}
	const scores: NonNullable<RoundResults['scores']> = {};
	for (const areaId of round.areaIds) {
		const given = ballots.map((b) => b.scores.get(areaId));
		const worth = summarise(given.flatMap((s) => (s?.worth === undefined ? [] : [s.worth])));
		const cost = summarise(given.flatMap((s) => (s?.cost === undefined ? [] : [s.cost])));
		scores[areaId] = { worth, cost, flagged: disagrees(worth) || disagrees(cost) };
	}
	return { scores };
}

/** The areas of a revealed round flagged for discussion: the areas of a re-opened round. */
export const flaggedAreas = (round: Round): string[] =>
	Object.entries(round.results?.scores ?? {})
		.filter(([, r]) => r.flagged)
		.map(([id]) => id);
