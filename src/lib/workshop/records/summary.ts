import * as Y from 'yjs';
import { declareRecord, linesSchema, type RecordValue } from './declare';
import { z } from 'zod';

/**
 * The workshop's sammanfattning (method step 11): the facilitator's summary bullets and the
 * next steps, as the seed reports end ("förslag till fortsatt arbete"). Facilitators write,
 * everyone reads; each list is one whole value, last writer wins.
 *
 *   doc.getMap('summary'): { bullets: string[], nextSteps: string[] }
 */
export const SUMMARY_LINE_MAX = 1000;
export const SUMMARY_LINES_MAX = 50;

export const summaryRecord = declareRecord({
	name: 'summary',
	root: 'summary',
	shape: 'singleton',
	key: z.string(),
	fields: {
		bullets: linesSchema(SUMMARY_LINE_MAX, SUMMARY_LINES_MAX),
		nextSteps: linesSchema(SUMMARY_LINE_MAX, SUMMARY_LINES_MAX)
	},
	text: ['bullets', 'nextSteps'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: { bullets: ['facilitator'], nextSteps: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export type Summary = RecordValue<typeof summaryRecord>;

export const summaryMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('summary');

const lines = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];

export function readSummary(doc: Y.Doc): Summary {
	const map = summaryMap(doc);
	return { bullets: lines(map.get('bullets')), nextSteps: lines(map.get('nextSteps')) };
}

const trimLines = (list: string[]) =>
	list
		.map((s) => s.trim().slice(0, SUMMARY_LINE_MAX))
		.filter((s) => s !== '')
		.slice(0, SUMMARY_LINES_MAX);

/** Writes one or both lists (facilitators); empty lines are dropped. */
export function writeSummary(doc: Y.Doc, change: Partial<Summary>, origin?: unknown) {
	doc.transact(() => {
		if (change.bullets !== undefined) summaryMap(doc).set('bullets', trimLines(change.bullets));
		if (change.nextSteps !== undefined) {
			summaryMap(doc).set('nextSteps', trimLines(change.nextSteps));
		}
	}, origin);
}
