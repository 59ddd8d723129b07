import type * as Y from 'yjs';
import { z } from 'zod';
import { MEMBERS, declareRecord, idSchema, timeSchema, type RecordValue } from './declare';

/**
 * Where the room is: the agenda's current step, who leads, the step's timer. Written by the
 * server alone, from a facilitator's request, so that every time in it is the server's clock
 * (clients correct for their own clock's skew) and a step change is one server write every
 * client applies in the same order:
 *
 *   doc.getMap('facilitation'): { stepId, stepStartedAt, startedAt, leaderId, gatheredAt,
 *     notesOpen, timer }
 *
 * `stepId`: the current step of the agenda (null: none yet; then nothing follows the agenda).
 * `stepStartedAt`: when the current step began; `startedAt`: when the first step began (the
 * agenda's planned-versus-actual time counts from it).
 * `leaderId`: the facilitator membership that leads now; participants follow its steps.
 * `gatheredAt`: the last "Samla alla hit": every participant's screen goes to the current step,
 * typing or not (what they typed stays in its draft).
 * `notesOpen`: participants may write notes on the journey outside the journey's steps.
 * `timer`: the current step's timer (null: none). Running: `endsAt` is the server time it ends;
 * paused: `endsAt` is null and `remainingMs` holds what is left.
 */
export const TIMER_MINUTES_MAX = 60;

export const timerSchema = z
	.object({
		stepId: idSchema,
		/** The time set, extensions included, in ms (for the progress bar). */
		durationMs: z
			.number()
			.int()
			.positive()
			.max(3 * TIMER_MINUTES_MAX * 60_000),
		endsAt: timeSchema.nullable(),
		remainingMs: z
			.number()
			.int()
			.nonnegative()
			.max(3 * TIMER_MINUTES_MAX * 60_000)
			.nullable()
	})
	.strict();
export type Timer = z.infer<typeof timerSchema>;

export const facilitationRecord = declareRecord({
	name: 'facilitation',
	root: 'facilitation',
	shape: 'singleton',
	key: z.string(),
	fields: {
		stepId: idSchema.nullable(),
		stepStartedAt: timeSchema.nullable(),
		startedAt: timeSchema.nullable(),
		leaderId: idSchema.nullable(),
		gatheredAt: timeSchema.nullable(),
		notesOpen: z.boolean(),
		timer: timerSchema.nullable()
	},
	text: [],
	refs: { stepId: 'agenda', leaderId: MEMBERS, 'timer.stepId': 'agenda' },
	hidden: false,
	// The server's alone (src/lib/server/board/facilitation.ts): its times are the server's.
	create: [],
	change: {},
	fixed: [],
	remove: [],
	ownedBy: 'nobody: only the server writes it, on a facilitator’s request',
	owner: () => null
});

export type Facilitation = RecordValue<typeof facilitationRecord>;

export const facilitationMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('facilitation');

const EMPTY: Facilitation = {
	stepId: null,
	stepStartedAt: null,
	startedAt: null,
	leaderId: null,
	gatheredAt: null,
	notesOpen: false,
	timer: null
};

/** The room's state, each field read on its own so one malformed field does not hide the rest. */
export function readFacilitation(doc: Y.Doc): Facilitation {
	const out: Record<string, unknown> = {};
	for (const field of FIELDS) out[field] = facilitationField(doc, field);
	return out as Facilitation;
}

const FIELDS = Object.keys(facilitationRecord.fields) as (keyof Facilitation)[];

/**
 * One field of the room's state, as readFacilitation reads it (its empty value when absent or
 * malformed): for the judge's conditions, which ask for one or two fields on every update.
 */
export function facilitationField<K extends keyof Facilitation>(
	doc: Y.Doc,
	field: K
): Facilitation[K] {
	// The judge reads this on the server's own document: reading must not add a root to it.
	if (!doc.share.has('facilitation')) return EMPTY[field];
	const map = facilitationMap(doc);
	// An absent field is never parsed: a failing parse builds its issues for nothing.
	if (!map.has(field)) return EMPTY[field];
	const parsed = facilitationRecord.fields[field].safeParse(map.get(field));
	return parsed.success ? (parsed.data as Facilitation[K]) : EMPTY[field];
}
