import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, timeSchema, type RecordValue } from './declare';
import { dotLimitsSchema, ROUND_AREAS_MAX } from './round';

/**
 * A round of the idea generation (method step 9), in the shared board, written by the server
 * alone (src/lib/server/board/idea-rounds.ts), like prioritisation rounds:
 * - `silent`: a tyst runda over some prioritised areas; while it is open, participants' new
 *   ideas for those areas live in their private documents; revealing copies them into the
 *   board with their provenance.
 * - `dots`: dot voting (prickröstning) over the ideas of one area; each member's dots live in
 *   their private document (`dots`, keyed `<roundId>:<ideaId>`), only the tally is written here.
 * Kept apart from `rounds` so that the prioritisation page, which lists every round over
 * areas, never sees a round over ideas.
 *
 *   doc.getMap('ideaRounds'): Y.Map<roundId, Y.Map<{ type, areaIds, ideaIds, dotLimits,
 *     status, progress, ideaCount, eligible, results, createdAt }>>
 */
/** At most this many ideas on one dot-voting ballot. */
export const IDEA_BALLOT_MAX = 1_000;

export const ideaRoundTypeSchema = z.enum(['silent', 'dots']);
export const ideaRoundStatusSchema = z.enum(['open', 'closed', 'revealed']);
export type IdeaRoundType = z.infer<typeof ideaRoundTypeSchema>;
export type IdeaRoundStatus = z.infer<typeof ideaRoundStatusSchema>;

export const ideaDotResultSchema = z.object({
	ideaId: idSchema,
	dots: z.number().int().nonnegative(),
	voters: z.number().int().nonnegative(),
	rank: z.number().int().positive()
});
export type IdeaDotResult = z.infer<typeof ideaDotResultSchema>;

export const ideaRoundRecord = declareRecord({
	name: 'ideaRound',
	root: 'ideaRounds',
	shape: 'collection',
	key: idSchema,
	fields: {
		type: ideaRoundTypeSchema,
		areaIds: z.array(idSchema).min(1).max(ROUND_AREAS_MAX),
		ideaIds: z.array(idSchema).max(IDEA_BALLOT_MAX),
		dotLimits: dotLimitsSchema.nullable(),
		status: ideaRoundStatusSchema,
		/** Dots: who has placed dots; silent: who has written ideas (their count in ideaCount). */
		progress: z.number().int().nonnegative(),
		/** A silent round's private ideas so far, never their text ("8 idéer från 5 personer"). */
		ideaCount: z.number().int().nonnegative().optional(),
		eligible: z.number().int().nonnegative(),
		results: z.array(ideaDotResultSchema).max(IDEA_BALLOT_MAX).nullable(),
		createdAt: timeSchema
	},
	optional: ['ideaCount'],
	text: [],
	refs: { areaIds: 'areas', ideaIds: 'ideas', 'results[].ideaId': 'ideas' },
	hidden: false,
	create: [],
	change: {},
	fixed: ['type', 'areaIds', 'ideaIds', 'dotLimits', 'createdAt'],
	remove: [],
	ownedBy: 'nobody: only the server writes idea rounds',
	owner: () => null
});

export interface IdeaRound extends Omit<RecordValue<typeof ideaRoundRecord>, 'ideaCount'> {
	id: string;
	/** Absent in rounds written before it was counted. */
	ideaCount?: number;
}

export const ideaRoundsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('ideaRounds');

const ideaRoundSchema = z.object(ideaRoundRecord.fields);

/** Every well-formed idea round, oldest first. */
export function listIdeaRounds(doc: Y.Doc): IdeaRound[] {
	const out: IdeaRound[] = [];
	ideaRoundsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = ideaRoundSchema.safeParse(map.toJSON());
		if (parsed.success) out.push({ id, ...parsed.data });
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The open silent round covering an area, if any: its ideas go to private documents. */
export const silentRoundOf = (rounds: readonly IdeaRound[], areaId: string) =>
	rounds.find((r) => r.type === 'silent' && r.status === 'open' && r.areaIds.includes(areaId));

/** The latest dot-voting round over an area's ideas, if any. */
export const dotsRoundOf = (rounds: readonly IdeaRound[], areaId: string) =>
	rounds.findLast((r) => r.type === 'dots' && r.areaIds.includes(areaId));

/** Writes a whole idea round (server side); fields not given keep their value. */
export function writeIdeaRound(doc: Y.Doc, id: string, fields: Partial<Omit<IdeaRound, 'id'>>) {
	doc.transact(() => {
		let map = ideaRoundsMap(doc).get(id);
		if (!(map instanceof Y.Map)) {
			map = new Y.Map<unknown>();
			ideaRoundsMap(doc).set(id, map);
		}
		for (const [key, value] of Object.entries(fields)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
	});
}
