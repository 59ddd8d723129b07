import { z } from 'zod';
import { JOURNEY_STEP_CONDITION, journeyStepCondition } from '../step-rules';
import { NOTE_TEXT_MAX, noteKinds } from '../doc';
import {
	authoredFields,
	authoredFixed,
	authoredOwner,
	authoredRefs,
	authoredText,
	signedByAuthor
} from './authored';
import { declareRecord, idSchema, timeSchema } from './declare';
import { noSilentRound } from './note-round';

export { AUTHOR_NAME_MAX } from './authored';

/**
 * At most this many notes per member in one board: room for a long offline session or a
 * restore (thousands of notes in one catch-up), not for one member filling the board alone.
 */
export const NOTES_PER_MEMBER = 5_000;

/**
 * A sticky note in an event × question cell (accessors in ../doc.ts). Its author writes and
 * edits it; facilitators moderate any note. Provenance (who, profession, organisation, when)
 * is fixed once written. A participant signs with their current display name or, as in an
 * anonymous workshop, with none; profession and organisation are checked against the known
 * values only, because a member may change them by joining again while a board tab still
 * writes the old profile.
 */
export const noteRecord = declareRecord({
	name: 'note',
	root: 'notes',
	shape: 'collection',
	key: idSchema,
	fields: {
		text: z.string().min(1).max(NOTE_TEXT_MAX),
		kind: z.enum(noteKinds),
		eventId: idSchema.nullable(),
		questionId: idSchema.nullable(),
		...authoredFields,
		updatedAt: timeSchema
	},
	text: ['text', ...authoredText],
	refs: { eventId: 'events', questionId: 'questions', ...authoredRefs },
	hidden: false,
	create: ['facilitator', 'owner'],
	// In a silent round on the journey a participant's new notes stay in their private document.
	createWhen: (before) => noSilentRound(before) ?? journeyStepCondition(before),
	change: {
		text: ['facilitator', 'owner'],
		kind: ['facilitator', 'owner'],
		eventId: ['facilitator', 'owner'],
		questionId: ['facilitator', 'owner'],
		updatedAt: ['facilitator', 'owner']
	},
	when: {
		text: journeyStepCondition,
		kind: journeyStepCondition,
		eventId: journeyStepCondition,
		questionId: journeyStepCondition,
		updatedAt: journeyStepCondition
	},
	conditions: {
		create: `no silent round is open on the journey, and ${JOURNEY_STEP_CONDITION}`,
		change: {
			text: JOURNEY_STEP_CONDITION,
			kind: JOURNEY_STEP_CONDITION,
			eventId: JOURNEY_STEP_CONDITION,
			questionId: JOURNEY_STEP_CONDITION,
			updatedAt: JOURNEY_STEP_CONDITION
		}
	},
	fixed: authoredFixed,
	remove: ['facilitator', 'owner'],
	...authoredOwner,
	check: (get, writer) => signedByAuthor(get, writer, 'a note'),
	perOwner: NOTES_PER_MEMBER,
	derives: {
		count: (get) => (get('kind') === 'bottennapp' && get('text') !== '' ? 1 : 0),
		what: 'a bottennapp its insight (insights-from-notes.ts)'
	}
});
