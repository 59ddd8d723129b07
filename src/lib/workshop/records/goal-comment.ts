import * as Y from 'yjs';
import { z } from 'zod';
import type { NoteAuthor } from '../doc';
import { newId } from '../ids';
import { participantsMayComment } from './board-state';
import { declareRecord, idSchema, type RecordValue } from './declare';
import {
	authoredFields,
	authoredFixed,
	authoredOwner,
	authoredRefs,
	authoredText,
	signedByAuthor
} from './authored';

/**
 * A comment on an area's målbild. Participants read the målbild; they may comment only while a
 * facilitator allows it (`state.participantsMayComment`). A comment is written once and never
 * edited; its author or a facilitator removes it.
 *
 *   doc.getMap('goalComments'): Y.Map<commentId, Y.Map<{ areaId, text, authorId, authorName,
 *     profession, organisation, createdAt }>>
 */
export const GOAL_COMMENT_MAX = 1000;
export const GOAL_COMMENTS_PER_MEMBER = 500;

export const goalCommentRecord = declareRecord({
	name: 'goal comment',
	root: 'goalComments',
	shape: 'collection',
	key: idSchema,
	fields: {
		areaId: idSchema,
		text: z.string().min(1).max(GOAL_COMMENT_MAX),
		...authoredFields
	},
	text: ['text', ...authoredText],
	refs: { areaId: 'areas', ...authoredRefs },
	hidden: false,
	create: ['facilitator', 'owner'],
	createWhen: (before) =>
		participantsMayComment(before) ? null : 'commenting on the målbild is not allowed now',
	conditions: { create: '`state.participantsMayComment` is true' },
	change: {},
	fixed: ['areaId', 'text', ...authoredFixed],
	remove: ['facilitator', 'owner'],
	...authoredOwner,
	check: (get, writer, before) =>
		signedByAuthor(get, writer, 'a comment') ??
		(before.getMap('areas').has(get('areaId') as string) ? null : 'no such area'),
	checks: 'the area in `areaId` exists on the board',
	perOwner: GOAL_COMMENTS_PER_MEMBER
});

export interface GoalComment extends RecordValue<typeof goalCommentRecord> {
	id: string;
}

export const goalCommentsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('goalComments');

const commentSchema = z.object(goalCommentRecord.fields);

/** An area's well-formed comments, oldest first. */
export function listGoalComments(doc: Y.Doc, areaId: string): GoalComment[] {
	const out: GoalComment[] = [];
	goalCommentsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = commentSchema.safeParse(map.toJSON());
		if (parsed.success && parsed.data.areaId === areaId) {
			out.push({ id, ...parsed.data });
		}
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Adds a comment (trimmed, cut to the maximum); null when the text is empty. */
export function addGoalComment(
	doc: Y.Doc,
	input: { areaId: string; text: string; author: NoteAuthor; id?: string; now?: number }
): string | null {
	const text = input.text.trim().slice(0, GOAL_COMMENT_MAX);
	if (!text) return null;
	const id = input.id ?? newId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		map.set('areaId', input.areaId);
		map.set('text', text);
		map.set('authorId', input.author.id);
		map.set('authorName', input.author.name);
		map.set('profession', input.author.profession);
		map.set('organisation', input.author.organisation);
		map.set('createdAt', input.now ?? Date.now());
		goalCommentsMap(doc).set(id, map);
	});
	return id;
}

export function removeGoalComment(doc: Y.Doc, id: string) {
	doc.transact(() => goalCommentsMap(doc).delete(id));
}
