import * as Y from 'yjs';
import { z } from 'zod';
import { NOTE_TEXT_MAX } from '../doc';
import { newId } from '../ids';
import type { Organisation, Profession } from '../people';
import {
	authoredFields,
	authoredFixed,
	authoredOwner,
	authoredRefs,
	authoredText,
	signedByAuthor
} from './authored';
import { listPlacements } from './placement';
import {
	declareRecord,
	idSchema,
	orderSchema,
	timeSchema,
	type RecordValue,
	type Writer
} from './declare';
import { listIdeaRounds, silentRoundOf } from './idea-round';
import { generateNKeysBetween } from 'fractional-indexing';
import { orderAfter, usableKey } from './order-keys';

/**
 * An idea (idé) for a prioritised area, answering its "Hur kan vi …?" (method step 9). A note
 * of its own kind: the same provenance as a note (author, profession, organisation, when), but
 * it belongs to an area, not to a cell of the journey. Its author writes and edits it;
 * facilitators moderate any idea and group them (`group`, a short label shared by the ideas
 * of one group; null: ungrouped).
 *
 *   doc.getMap('ideas'): Y.Map<ideaId, Y.Map<{ text, areaId, group, order, authorId,
 *     authorName, profession, organisation, createdAt, updatedAt }>>
 *
 * In a silent round an idea first lives in its author's private document (`ideas` there, the
 * same fields); on reveal the server copies it into the board with its provenance.
 */
export const IDEAS_PER_MEMBER = 1_000;
export const IDEA_GROUP_MAX = 80;

export const ideaRecord = declareRecord({
	name: 'idea',
	root: 'ideas',
	shape: 'collection',
	key: idSchema,
	fields: {
		text: z.string().min(1).max(NOTE_TEXT_MAX),
		areaId: idSchema,
		group: z.string().min(1).max(IDEA_GROUP_MAX).nullable(),
		order: orderSchema,
		...authoredFields,
		updatedAt: timeSchema,
		/** The sticky on the area's canvas it was made from (records/canvas-shape.ts). */
		canvasKey: idSchema
	},
	optional: ['canvasKey'],
	text: ['text', 'group', ...authoredText],
	refs: { areaId: 'areas', ...authoredRefs, canvasKey: 'canvas' },
	hidden: false,
	create: ['facilitator', 'owner'],
	change: {
		text: ['facilitator', 'owner'],
		updatedAt: ['facilitator', 'owner'],
		group: ['facilitator'],
		order: ['facilitator'],
		areaId: ['facilitator']
	},
	fixed: authoredFixed,
	remove: ['facilitator', 'owner'],
	...authoredOwner,
	check(get, writer: Writer, before: Y.Doc) {
		const unsigned = signedByAuthor(get, writer, 'an idea');
		if (unsigned) return unsigned;
		if (get('group') !== null) return 'facilitators group ideas';
		// Ideas answer a prioritised area's "Hur kan vi …?"; nowhere else can a participant file one.
		if (listPlacements(before).get(get('areaId') as string)?.prioritised !== true) {
			return 'ideas are written for a prioritised area';
		}
		// In a silent round a participant's ideas stay in their private document until revealed.
		if (silentRoundOf(listIdeaRounds(before), get('areaId') as string)) {
			return 'the area is in a silent round';
		}
		return null;
	},
	perOwner: IDEAS_PER_MEMBER
});

export interface Idea extends Omit<RecordValue<typeof ideaRecord>, 'canvasKey'> {
	id: string;
	canvasKey?: string;
}

export const ideasMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('ideas');

const ideaSchema = z.object({
	...ideaRecord.fields,
	canvasKey: ideaRecord.fields.canvasKey.optional()
});

/** Every well-formed idea (of one area, when given), in display order. */
export function listIdeas(doc: Y.Doc, areaId?: string): Idea[] {
	const out: Idea[] = [];
	ideasMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = ideaSchema.safeParse(map.toJSON());
		if (!parsed.success) return;
		const idea: Idea = { id, ...parsed.data };
		if (areaId === undefined || idea.areaId === areaId) out.push(idea);
	});
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1
	);
}

export interface NewIdea {
	text: string;
	areaId: string;
	author: {
		id: string;
		name: string | null;
		profession: Profession;
		organisation: Organisation;
	};
	id?: string;
	now?: number;
	/** The canvas sticky it comes from. */
	canvasKey?: string;
}

/** Adds an idea at the end of its area's list; returns its id. */
export function addIdea(doc: Y.Doc, input: NewIdea, origin?: unknown): string {
	const id = input.id ?? newId();
	const now = input.now ?? Date.now();
	// The last key it can go after: one a participant crafted would make orderAfter start over.
	const ideas = listIdeas(doc, input.areaId);
	let last: string | null = null;
	for (let i = ideas.length - 1; i >= 0 && last === null; i--) last = usableKey(ideas[i]!.order);
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		ideasMap(doc).set(id, map);
		map.set('text', input.text.trim().slice(0, NOTE_TEXT_MAX));
		map.set('areaId', input.areaId);
		map.set('group', null);
		map.set('order', orderAfter(last));
		map.set('authorId', input.author.id);
		map.set('authorName', input.author.name);
		map.set('profession', input.author.profession);
		map.set('organisation', input.author.organisation);
		map.set('createdAt', now);
		map.set('updatedAt', now);
		if (input.canvasKey !== undefined) map.set('canvasKey', input.canvasKey);
	}, origin);
	return id;
}

/**
 * Adds ideas at the end of their areas' lists, in the order given (ids and times given): each
 * area's last key is read once and the batch's keys made in one pass, so a reveal of thousands
 * costs the board once, not once per idea.
 */
export function appendIdeas(
	doc: Y.Doc,
	inputs: readonly Required<Omit<NewIdea, 'canvasKey'>>[],
	origin?: unknown,
	/** Runs before each idea is written (a reveal writes each in its author's name). */
	beforeEach?: (input: Required<Omit<NewIdea, 'canvasKey'>>) => void
) {
	const byArea = new Map<string, Required<Omit<NewIdea, 'canvasKey'>>[]>();
	for (const input of inputs) {
		const list = byArea.get(input.areaId);
		if (list) list.push(input);
		else byArea.set(input.areaId, [input]);
	}
	const last = new Map<string, string | null>();
	ideasMap(doc).forEach((map) => {
		if (!(map instanceof Y.Map)) return;
		const areaId = map.get('areaId');
		const order = map.get('order');
		if (typeof areaId !== 'string' || !byArea.has(areaId)) return;
		if (typeof order !== 'string') return;
		const before = last.get(areaId);
		const later = before === undefined || before === null || order > before;
		// Checked only for a new last key: a reveal reads every idea of the board.
		if (later && usableKey(order) !== null) last.set(areaId, order);
	});
	doc.transact(() => {
		for (const [areaId, list] of byArea) {
			const orders = generateNKeysBetween(last.get(areaId) ?? null, null, list.length);
			list.forEach((input, i) => {
				beforeEach?.(input);
				const map = new Y.Map<unknown>();
				ideasMap(doc).set(input.id, map);
				map.set('text', input.text.trim().slice(0, NOTE_TEXT_MAX));
				map.set('areaId', areaId);
				map.set('group', null);
				map.set('order', orders[i]);
				map.set('authorId', input.author.id);
				map.set('authorName', input.author.name);
				map.set('profession', input.author.profession);
				map.set('organisation', input.author.organisation);
				map.set('createdAt', input.now);
				map.set('updatedAt', input.now);
			});
		}
	}, origin);
}

export function editIdea(doc: Y.Doc, id: string, text: string, origin?: unknown): boolean {
	const map = ideasMap(doc).get(id);
	const clean = text.trim().slice(0, NOTE_TEXT_MAX);
	if (!(map instanceof Y.Map) || clean === '') return false;
	doc.transact(() => {
		map.set('text', clean);
		map.set('updatedAt', Date.now());
	}, origin);
	return true;
}

/** Puts an idea in a group (facilitators); null takes it out of any group. */
export function groupIdea(doc: Y.Doc, id: string, group: string | null, origin?: unknown) {
	const map = ideasMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const clean = group === null ? null : group.trim().slice(0, IDEA_GROUP_MAX) || null;
	doc.transact(() => map.set('group', clean), origin);
	return true;
}

export function removeIdea(doc: Y.Doc, id: string, origin?: unknown): boolean {
	if (!ideasMap(doc).has(id)) return false;
	doc.transact(() => ideasMap(doc).delete(id), origin);
	return true;
}
