import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, linesSchema, type RecordValue } from './declare';

/**
 * The målbild of a prioritised area: the facilitator's summary of its insights, goal
 * statements from the patient's point of view ("Jag vet vem jag ska ringa, dygnet runt") and
 * the "Hur kan vi …?" question that frames the idea generation. Facilitators write, everyone
 * reads; each field is one whole value, last writer wins.
 *
 *   doc.getMap('goals'): Y.Map<areaId, Y.Map<{ summary, statements, question }>>
 */
export const GOAL_TEXT_MAX = 2000;
export const GOAL_STATEMENTS_MAX = 20;

export const goalRecord = declareRecord({
	name: 'goal',
	root: 'goals',
	shape: 'collection',
	key: idSchema,
	fields: {
		summary: z.string().max(GOAL_TEXT_MAX),
		statements: linesSchema(300, GOAL_STATEMENTS_MAX),
		question: z.string().max(300)
	},
	text: ['summary', 'statements', 'question'],
	refs: {},
	keyRef: { kind: 'ids', to: ['areas'] },
	hidden: false,
	create: ['facilitator'],
	change: { summary: ['facilitator'], statements: ['facilitator'], question: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export type Goal = RecordValue<typeof goalRecord>;

export const goalsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('goals');

export function readGoal(doc: Y.Doc, areaId: string): Goal {
	const map = goalsMap(doc).get(areaId);
	const get = (k: string) => (map instanceof Y.Map ? map.get(k) : undefined);
	const statements = get('statements');
	return {
		summary: typeof get('summary') === 'string' ? (get('summary') as string) : '',
		statements: Array.isArray(statements)
			? statements.filter((s): s is string => typeof s === 'string')
			: [],
		question: typeof get('question') === 'string' ? (get('question') as string) : ''
	};
}

/** Writes some fields of an area's målbild (facilitators). */
export function writeGoal(doc: Y.Doc, areaId: string, change: Partial<Goal>, origin?: unknown) {
	doc.transact(() => {
		let map = goalsMap(doc).get(areaId);
		if (!(map instanceof Y.Map)) {
			map = new Y.Map<unknown>();
			goalsMap(doc).set(areaId, map);
			map.set('summary', '');
			map.set('statements', []);
			map.set('question', '');
		}
		if (change.summary !== undefined) map.set('summary', change.summary.slice(0, GOAL_TEXT_MAX));
		if (change.statements !== undefined) {
			map.set(
				'statements',
				change.statements.slice(0, GOAL_STATEMENTS_MAX).map((s) => s.slice(0, 300))
			);
		}
		if (change.question !== undefined) map.set('question', change.question.slice(0, 300));
	}, origin);
}
