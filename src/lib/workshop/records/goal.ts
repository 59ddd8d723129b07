import * as Y from 'yjs';
import { z } from 'zod';
import { newText, plainValue, textField, writeText } from './collab-text';
import { declareRecord, idSchema, linesSchema, type RecordValue } from './declare';

/**
 * The målbild of a prioritised area: the facilitator's summary of its insights, goal
 * statements from the patient's point of view ("Jag vet vem jag ska ringa, dygnet runt") and
 * the "Hur kan vi …?" question that frames the idea generation. Facilitators write, everyone
 * reads. The summary and the question are collaborative text (Y.Text): two facilitators typing
 * in one both keep their text; the statements are one whole value, last writer wins.
 *
 *   doc.getMap('goals'): Y.Map<areaId, Y.Map<{ summary: Y.Text, statements, question: Y.Text }>>
 */
export const GOAL_TEXT_MAX = 2000;
export const GOAL_STATEMENTS_MAX = 20;

export const goalRecord = declareRecord({
	name: 'goal',
	root: 'goals',
	shape: 'collection',
	key: idSchema,
	collaborative: ['summary', 'question'],
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
	const get = (k: string) => (map instanceof Y.Map ? plainValue(map.get(k)) : undefined);
	const statements = get('statements');
	return {
		summary: typeof get('summary') === 'string' ? (get('summary') as string) : '',
		statements: Array.isArray(statements)
			? statements.filter((s): s is string => typeof s === 'string')
			: [],
		question: typeof get('question') === 'string' ? (get('question') as string) : ''
	};
}

/** An area's målbild record, made empty when it has none yet (call inside a transaction). */
function goalRecordOf(doc: Y.Doc, areaId: string): Y.Map<unknown> {
	const existing = goalsMap(doc).get(areaId);
	if (existing instanceof Y.Map) return existing;
	const map = new Y.Map<unknown>();
	goalsMap(doc).set(areaId, map);
	map.set('summary', newText(''));
	map.set('statements', []);
	map.set('question', newText(''));
	return map;
}

const textMax = { summary: GOAL_TEXT_MAX, question: 300 } as const;
export type GoalTextField = keyof typeof textMax;

/**
 * Writes what a facilitator typed into the summary or the question as the characters that
 * differ (`caret`: where the caret is in `after`), so someone else's typing in it stays.
 */
export function editGoalText(
	doc: Y.Doc,
	areaId: string,
	field: GoalTextField,
	after: string,
	caret?: number,
	origin?: unknown
) {
	doc.transact(() => {
		writeText(textField(goalRecordOf(doc, areaId), field), after.slice(0, textMax[field]), caret);
	}, origin);
}

/** Writes some fields of an area's målbild (facilitators). */
export function writeGoal(doc: Y.Doc, areaId: string, change: Partial<Goal>, origin?: unknown) {
	doc.transact(() => {
		const map = goalRecordOf(doc, areaId);
		if (change.summary !== undefined) {
			writeText(textField(map, 'summary'), change.summary.slice(0, GOAL_TEXT_MAX));
		}
		if (change.statements !== undefined) {
			map.set(
				'statements',
				change.statements.slice(0, GOAL_STATEMENTS_MAX).map((s) => s.slice(0, 300))
			);
		}
		if (change.question !== undefined) {
			writeText(textField(map, 'question'), change.question.slice(0, textMax.question));
		}
	}, origin);
}
