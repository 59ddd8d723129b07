import type * as Y from 'yjs';
import { z } from 'zod';
import { ID_PATTERN } from './declare';

/**
 * A member's own scores and dots, in their PRIVATE document (`w/<id>/p/<membershipId>`), never
 * in the board: nobody else's browser can receive them. The server reads them to count
 * progress and, on reveal, to compute the results (src/lib/server/board/rounds.ts), and
 * refuses any change of them once their round is no longer open (private-layout.ts).
 *
 *   doc.getMap('scores'): Y.Map<`${roundId}:${areaId}`, { worth?: 1–5, cost?: 1–5 }>
 *   doc.getMap('dots'):   Y.Map<`${roundId}:${areaId}`, 0–50>
 */
export const SCORE_ROOTS = ['scores', 'dots'] as const;

const id = ID_PATTERN.source.slice(1, -1);
const KEY = new RegExp(`^(${id}):(${id})$`);

export const scoreKey = (roundId: string, areaId: string) => `${roundId}:${areaId}`;

export function parseScoreKey(key: string): { roundId: string; areaId: string } | null {
	const m = KEY.exec(key);
	return m ? { roundId: m[1]!, areaId: m[2]! } : null;
}

const stepSchema = z.number().int().min(1).max(5);
export const scoreValueSchema = z
	.object({ worth: stepSchema.optional(), cost: stepSchema.optional() })
	.strict();
export const dotValueSchema = z.number().int().min(0).max(50);
export type ScoreValue = z.infer<typeof scoreValueSchema>;

export const scoresMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('scores');
export const dotsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('dots');

/** Sets one axis of one area's score in a round (the member's own private document). */
export function setScore(
	doc: Y.Doc,
	roundId: string,
	areaId: string,
	axis: 'worth' | 'cost',
	value: number,
	origin?: unknown
) {
	const key = scoreKey(roundId, areaId);
	const before = scoreValueSchema.safeParse(scoresMap(doc).get(key));
	doc.transact(
		() => scoresMap(doc).set(key, { ...(before.success ? before.data : {}), [axis]: value }),
		origin
	);
}

export function setDots(
	doc: Y.Doc,
	roundId: string,
	areaId: string,
	dots: number,
	origin?: unknown
) {
	doc.transact(() => dotsMap(doc).set(scoreKey(roundId, areaId), dots), origin);
}

/** This member's well-formed scores of a round, by area. */
export function readScores(doc: Y.Doc, roundId: string): Map<string, ScoreValue> {
	const out = new Map<string, ScoreValue>();
	scoresMap(doc).forEach((value, key) => {
		const k = parseScoreKey(key);
		const v = scoreValueSchema.safeParse(value);
		if (k && k.roundId === roundId && v.success) out.set(k.areaId, v.data);
	});
	return out;
}

/** This member's well-formed dots of a round, by area. */
export function readDots(doc: Y.Doc, roundId: string): Record<string, number> {
	const out: Record<string, number> = {};
	dotsMap(doc).forEach((value, key) => {
		const k = parseScoreKey(key);
		const v = dotValueSchema.safeParse(value);
		if (k && k.roundId === roundId && v.success && v.data > 0) out[k.areaId] = v.data;
	});
	return out;
}
