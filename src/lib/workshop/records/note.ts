import { z } from 'zod';
import { NOTE_TEXT_MAX, noteKinds } from '../doc';
import { organisations, professions } from '../people';
import { idSchema, timeSchema, type RecordDeclaration } from './declare';

/**
 * At most this many notes per member in one board: room for a long offline session or a
 * restore (thousands of notes in one catch-up), not for one member filling the board alone.
 */
export const NOTES_PER_MEMBER = 5_000;
/** A display name's length, as the join form allows it. */
export const AUTHOR_NAME_MAX = 60;

/**
 * A sticky note in an event × question cell (accessors in ../doc.ts). Its author writes and
 * edits it; facilitators moderate any note. Provenance (who, profession, organisation, when)
 * is fixed once written. A participant signs with their current display name or, as in an
 * anonymous workshop, with none; profession and organisation are checked against the known
 * values only, because a member may change them by joining again while a board tab still
 * writes the old profile.
 */
export const noteRecord: RecordDeclaration = {
	name: 'note',
	root: 'notes',
	shape: 'collection',
	key: idSchema,
	fields: {
		text: z.string().min(1).max(NOTE_TEXT_MAX),
		kind: z.enum(noteKinds),
		eventId: idSchema.nullable(),
		questionId: idSchema.nullable(),
		authorId: idSchema,
		authorName: z.string().max(AUTHOR_NAME_MAX).nullable(),
		profession: z.enum(professions),
		organisation: z.enum(organisations),
		createdAt: timeSchema,
		updatedAt: timeSchema
	},
	create: ['facilitator', 'owner'],
	change: {
		text: ['facilitator', 'owner'],
		kind: ['facilitator', 'owner'],
		eventId: ['facilitator', 'owner'],
		questionId: ['facilitator', 'owner'],
		updatedAt: ['facilitator', 'owner']
	},
	fixed: ['authorId', 'authorName', 'profession', 'organisation', 'createdAt'],
	remove: ['facilitator', 'owner'],
	ownedBy: 'the member in `authorId`',
	owner: (_key, get) => {
		const id = get('authorId');
		return typeof id === 'string' ? id : null;
	},
	check(get, writer) {
		const name = get('authorName');
		if (name !== null && !writer.names().includes(name as string)) {
			return 'a note carries its author’s own name or none';
		}
		return null;
	},
	perOwner: NOTES_PER_MEMBER
};
