import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, timeSchema, type RecordValue } from './declare';

/**
 * A prioritisation round in the shared board: which areas, which axes, open, closed or
 * revealed, how many have scored and, once revealed, the results. The server alone writes
 * rounds (src/lib/server/board/rounds.ts): no client, facilitators included, may create or
 * change one, so nothing in the board ever says who gave which score.
 *
 *   doc.getMap('rounds'): Y.Map<roundId, Y.Map<{ type, areaIds, axes, dotLimits, status,
 *     progress, eligible, results, previousId, createdAt }>>
 */
export const ROUND_AREAS_MAX = 100;

const axisSchema = z.object({
	label: z.string().min(1).max(60),
	better: z.enum(['high', 'low'])
});
export const axesSchema = z.object({ worth: axisSchema, cost: axisSchema });

export const dotLimitsSchema = z.object({
	perPerson: z.number().int().min(1).max(50),
	perArea: z.number().int().min(1).max(50)
});

export const roundTypeSchema = z.enum(['scoring', 'dots']);
export const roundStatusSchema = z.enum(['open', 'closed', 'revealed']);
export type RoundType = z.infer<typeof roundTypeSchema>;
export type RoundStatus = z.infer<typeof roundStatusSchema>;

const step = z.number().min(1).max(5);
const axisResultSchema = z.object({
	n: z.number().int().nonnegative(),
	median: step.nullable(),
	q1: step.nullable(),
	q3: step.nullable(),
	iqr: z.number().min(0).max(4).nullable(),
	distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()])
});
export const areaResultSchema = z.object({
	worth: axisResultSchema,
	cost: axisResultSchema,
	flagged: z.boolean()
});
export const dotResultSchema = z.object({
	areaId: idSchema,
	dots: z.number().int().nonnegative(),
	voters: z.number().int().nonnegative(),
	rank: z.number().int().positive()
});
/** Per area, never per person. */
export const resultsSchema = z.object({
	scores: z.record(idSchema, areaResultSchema).optional(),
	dots: z.array(dotResultSchema).optional()
});
export type RoundResults = z.infer<typeof resultsSchema>;

export const roundRecord = declareRecord({
	name: 'round',
	root: 'rounds',
	shape: 'collection',
	key: idSchema,
	fields: {
		type: roundTypeSchema,
		areaIds: z.array(idSchema).min(1).max(ROUND_AREAS_MAX),
		axes: axesSchema,
		dotLimits: dotLimitsSchema.nullable(),
		status: roundStatusSchema,
		progress: z.number().int().nonnegative(),
		eligible: z.number().int().nonnegative(),
		results: resultsSchema.nullable(),
		previousId: idSchema.nullable(),
		createdAt: timeSchema
	},
	// A facilitator may name the axes of a round in their own words.
	text: ['axes'],
	refs: {
		areaIds: 'areas',
		previousId: 'rounds',
		'results.scores{}': 'areas',
		'results.dots[].areaId': 'areas'
	},
	hidden: false,
	create: [],
	change: {},
	fixed: ['type', 'areaIds', 'axes', 'dotLimits', 'previousId', 'createdAt'],
	remove: [],
	ownedBy: 'nobody: only the server writes rounds',
	owner: () => null
});

export interface Round extends RecordValue<typeof roundRecord> {
	id: string;
}

export const roundsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('rounds');

const roundSchema = z.object(roundRecord.fields);

/** Every well-formed round, oldest first. */
export function listRounds(doc: Y.Doc): Round[] {
	const rounds: Round[] = [];
	roundsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = roundSchema.safeParse(map.toJSON());
		if (parsed.success) rounds.push({ id, ...parsed.data });
	});
	return rounds.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export const findRound = (doc: Y.Doc, id: string): Round | undefined =>
	listRounds(doc).find((r) => r.id === id);

/** Writes a whole round (server side); fields not given keep their value. */
export function writeRound(doc: Y.Doc, id: string, fields: Partial<Omit<Round, 'id'>>) {
	doc.transact(() => {
		let map = roundsMap(doc).get(id);
		if (!(map instanceof Y.Map)) {
			map = new Y.Map<unknown>();
			roundsMap(doc).set(id, map);
		}
		for (const [key, value] of Object.entries(fields)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
	});
}
