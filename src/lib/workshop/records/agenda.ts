import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, orderSchema, type RecordValue } from './declare';

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
	agendaMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = stepSchema.safeParse(map.toJSON());
		if (parsed.success) out.push({ id, ...parsed.data });
	});
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1
	);
}
