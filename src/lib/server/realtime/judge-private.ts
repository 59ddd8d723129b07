import * as Y from 'yjs';
import { dotProblem } from '$lib/workshop/analysis/dots';
import type { Round } from '$lib/workshop/records/round';
import {
	dotValueSchema,
	parseScoreKey,
	readDots,
	SCORE_ROOTS,
	scoreValueSchema
} from '$lib/workshop/records/score';
import type { WriteCheck } from './judge';
import { judgePrivateIdeas, type PrivateIdeaRules } from './judge-private-ideas';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the check needs to know of a round, read from the board. */
export type RoundRules = Pick<Round, 'status' | 'type' | 'areaIds' | 'dotLimits'>;

/**
 * The write check of a member's private document: drafts stay the owner's to write freely, but
 * a score or dot must be well-formed, name an area of its round, and may only change while its
 * round is open in the board, so closing a round means the server takes no more. Dots must
 * keep the round's limits (N in all, M on one area) after the update: a crafted write over
 * them is refused here, and the tally ignores an over-limit ballot besides. Judged on a shadow
 * copy, like the board. With `ideas`, the ideas of a silent round are judged too
 * (judge-private-ideas.ts); without, the `ideas` root is refused outright.
 */
export function judgePrivateWrites(
	roundOf: (roundId: string) => RoundRules | null,
	ideas?: PrivateIdeaRules
): WriteCheck {
	return (real, update) => {
		const shadow = new Y.Doc({ gc: true });
		try {
			Y.applyUpdate(shadow, Y.encodeStateAsUpdate(real));
			Y.applyUpdate(shadow, update);
		} catch {
			return { reason: 'not a Yjs update', malformed: true };
		}
		try {
			if (shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null) {
				return { reason: 'depends on changes the server does not have', malformed: false };
			}
			const dotRounds = new Set<string>();
			for (const root of SCORE_ROOTS) {
				const before = real.getMap<unknown>(root);
				const after = shadow.getMap<unknown>(root);
				for (const key of new Set([...before.keys(), ...after.keys()])) {
					const value = after.get(key);
					if (same(before.get(key), value)) continue;
					const parsed = parseScoreKey(key);
					if (!parsed) return { reason: `${root}: bad key`, malformed: false };
					const schema = root === 'scores' ? scoreValueSchema : dotValueSchema;
					if (value !== undefined && !schema.safeParse(value).success) {
						return { reason: `${root}: bad value`, malformed: false };
					}
					const round = roundOf(parsed.roundId);
					if (round?.status !== 'open') {
						return { reason: `${root}: round is not open`, malformed: false };
					}
					if (round.type !== (root === 'scores' ? 'scoring' : 'dots')) {
						return { reason: `${root}: not this kind of round`, malformed: false };
					}
					if (value !== undefined && !round.areaIds.includes(parsed.areaId)) {
						return { reason: `${root}: area is not in the round`, malformed: false };
					}
					if (root === 'dots') dotRounds.add(parsed.roundId);
				}
			}
			for (const roundId of dotRounds) {
				const round = roundOf(roundId)!;
				const problem = round.dotLimits
					? dotProblem(readDots(shadow, roundId), round.areaIds, round.dotLimits)
					: 'no limits';
				if (problem) return { reason: 'dots: over the round’s limits', malformed: false };
			}
			const ideaRefusal = ideas
				? judgePrivateIdeas(real, shadow, ideas)
				: same(real.getMap('ideas').toJSON(), shadow.getMap('ideas').toJSON())
					? null
					: 'ideas: not accepted here';
			if (ideaRefusal) return { reason: ideaRefusal, malformed: false };
			return null;
		} finally {
			shadow.destroy();
		}
	};
}
