import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../ids';
import { declareRecord, idSchema, orderSchema, type RecordValue } from './declare';
import { orderAt } from './order-keys';

/**
 * The workshop's agenda: an ordered list of steps, each one page of the method or a free step
 * (paus, presentation, diskussion), with a planned duration and a short instruction the
 * participants see. Facilitators write it; everyone reads it. Which step is current is held
 * in `facilitation` (facilitation.ts).
 *
 *   doc.getMap('agenda'): Y.Map<stepId, Y.Map<{ kind, title, minutes, instruction, order }>>
 */

/** The method's pages a step can open, in the method's order, then the free steps. */
export const methodStepKinds = [
	'persona',
	'journey',
	'clustering',
	'prioritisation',
	'goals',
	'ideas',
	'actions',
	'summary'
] as const;
export const freeStepKinds = ['break', 'presentation', 'discussion'] as const;
export const stepKindSchema = z.enum([...methodStepKinds, ...freeStepKinds]);
export type StepKind = z.infer<typeof stepKindSchema>;

export const AGENDA_STEPS_MAX = 50;
export const STEP_TITLE_MAX = 80;
export const STEP_INSTRUCTION_MAX = 500;
export const STEP_MINUTES_MAX = 240;

export const stepRecord = declareRecord({
	name: 'step',
	root: 'agenda',
	shape: 'collection',
	key: idSchema,
	fields: {
		kind: stepKindSchema,
		/** Empty: the kind's own name (persona, resan …) in the reader's language. */
		title: z.string().max(STEP_TITLE_MAX),
		minutes: z.number().int().min(1).max(STEP_MINUTES_MAX),
		instruction: z.string().max(STEP_INSTRUCTION_MAX),
		order: orderSchema
	},
	text: ['title', 'instruction'],
	refs: {},
	hidden: false,
	create: ['facilitator'],
	change: {
		kind: ['facilitator'],
		title: ['facilitator'],
		minutes: ['facilitator'],
		instruction: ['facilitator'],
		order: ['facilitator']
	},
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export interface Step extends RecordValue<typeof stepRecord> {
	id: string;
}

export const agendaMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('agenda');

const stepSchema = z.object(stepRecord.fields);

/** The agenda's well-formed steps in order (a malformed one is left out, never thrown on). */
export function listSteps(doc: Y.Doc): Step[] {
	const out: Step[] = [];
	// Read by the judge on the server's own document: reading must not add a root to it.
	if (!doc.share.has('agenda')) return out;
	agendaMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = stepSchema.safeParse(map.toJSON());
		if (parsed.success) out.push({ id, ...parsed.data });
	});
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1
	);
}

/** What a facilitator writes of a step (its order is the agenda's business). */
export type StepFields = Pick<Step, 'kind' | 'title' | 'minutes' | 'instruction'>;

/** Adds a step at `index` (default: the end); returns its id. */
export function addStep(
	doc: Y.Doc,
	fields: StepFields,
	index = Number.POSITIVE_INFINITY,
	id = newId()
): string {
	const orders = listSteps(doc).map((step) => step.order);
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		for (const [field, value] of Object.entries(fields)) map.set(field, value);
		map.set('order', orderAt(orders, index));
		agendaMap(doc).set(id, map);
	});
	return id;
}

/** Changes a step's fields; only the ones that differ are written. False for an unknown id. */
export function updateStep(doc: Y.Doc, id: string, fields: Partial<StepFields>): boolean {
	const map = agendaMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	doc.transact(() => {
		for (const [field, value] of Object.entries(fields)) {
			if (value !== undefined && map.get(field) !== value) map.set(field, value);
		}
	});
	return true;
}

/** Moves a step to `index` of the agenda (the others keep their keys). */
export function moveStep(doc: Y.Doc, id: string, index: number): boolean {
	const map = agendaMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const others = listSteps(doc).filter((step) => step.id !== id);
	doc.transact(() =>
		map.set(
			'order',
			orderAt(
				others.map((step) => step.order),
				index
			)
		)
	);
	return true;
}

/** Moves a step one place earlier (-1) or later (+1): the keyboard path for reordering. */
export function nudgeStep(doc: Y.Doc, id: string, delta: -1 | 1): boolean {
	const ids = listSteps(doc).map((step) => step.id);
	const from = ids.indexOf(id);
	const to = from + delta;
	if (from < 0 || to < 0 || to >= ids.length) return false;
	return moveStep(doc, id, to);
}

export function removeStep(doc: Y.Doc, id: string): boolean {
	if (!agendaMap(doc).has(id)) return false;
	doc.transact(() => agendaMap(doc).delete(id));
	return true;
}

/** The agenda's planned minutes in all. */
export const plannedMinutes = (steps: readonly Pick<Step, 'minutes'>[]): number =>
	steps.reduce((sum, step) => sum + step.minutes, 0);
