import { z } from 'zod';
import { organisations, professions } from '../people';
import { idSchema, MEMBERS, timeSchema, type RecordDeclaration, type Writer } from './declare';

/** A display name's length, as the join form allows it. */
export const AUTHOR_NAME_MAX = 60;

/**
 * What every record a member writes in their own name carries (notes, ideas, goal comments):
 * who, their profession and organisation, and when. Fixed once written, so the provenance a
 * report shows is the one the author wrote with.
 */
export const authoredFields = {
	authorId: idSchema,
	authorName: z.string().max(AUTHOR_NAME_MAX).nullable(),
	profession: z.enum(professions),
	organisation: z.enum(organisations),
	createdAt: timeSchema
};

/** The author's display name is text they typed: the patient-data guard reads it too. */
export const authoredText = ['authorName'] as const;

export const authoredRefs = { authorId: MEMBERS } as const;

export const authoredFixed = [
	'authorId',
	'authorName',
	'profession',
	'organisation',
	'createdAt'
] as const;

/** The owner of an authored record: the member in `authorId`. */
export const authoredOwner: Pick<RecordDeclaration, 'ownedBy' | 'owner'> = {
	ownedBy: 'the member in `authorId`',
	owner: (_key, get) => {
		const id = get('authorId');
		return typeof id === 'string' ? id : null;
	}
};

/**
 * A participant signs with their current display name or, as in an anonymous workshop, with
 * none; a reason naming `what` when not.
 */
export function signedByAuthor(
	get: (field: string) => unknown,
	writer: Writer,
	what: string
): string | null {
	const name = get('authorName');
	return name !== null && !writer.names().includes(name as string)
		? `${what} carries its author’s own name or none`
		: null;
}
