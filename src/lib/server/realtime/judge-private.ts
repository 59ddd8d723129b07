import * as Y from 'yjs';
import type { RoundStatus } from '$lib/workshop/records/round';
import {
	dotValueSchema,
	parseScoreKey,
	SCORE_ROOTS,
	scoreValueSchema
} from '$lib/workshop/records/score';
import type { WriteCheck } from './judge';
import { judgePrivateIdeas, type PrivateIdeaRules } from './judge-private-ideas';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The write check of a member's private document: drafts stay the owner's to write freely, but
 * a score or dot must be well-formed and may only change while its round is open in the board,
 * so closing a round means the server takes no more. Judged on a shadow copy, like the board.
 * With `ideas`, the ideas of a silent round are judged too (judge-private-ideas.ts); without,
 * the `ideas` root is refused outright.
 */
export function judgePrivateWrites(
	roundStatus: (roundId: string) => RoundStatus | null,
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
					if (roundStatus(parsed.roundId) !== 'open') {
						return { reason: `${root}: round is not open`, malformed: false };
					}
				}
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
