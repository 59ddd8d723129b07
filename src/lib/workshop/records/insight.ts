import * as Y from 'yjs';
import { z } from 'zod';
import { NOTE_TEXT_MAX } from '../doc';
import { newId } from '../ids';
import { organisations, professions } from '../people';
import { participantsMayMove } from './board-state';
import { dismissedNotesMap } from './dismissed-note';
import { declareRecord, idSchema, MEMBERS, orderSchema, timeSchema } from './declare';
import { orderAfter, orderAt } from './order-keys';

/**
 * An insight (insikt): a low point or a promoted note, or one a facilitator wrote, placed in
 * an improvement area or in the pile "Ej sorterade" (`areaId` null).
 *
 *   doc.getMap('insights'): Y.Map<insightId, Y.Map<InsightField>>
 *
 * An insight from a note has the id `n-<noteId>`, so whoever derives it (the server, after a
 * note becomes a bottennapp) or promotes it converges on one record. Provenance is stored as
 * whole arrays, because a merged insight carries the sources of both.
 */
export const insightSources = ['lowPoint', 'promoted', 'written'] as const;
export type InsightSource = (typeof insightSources)[number];

export const SOURCES_MAX = 100;

export interface Insight {
	id: string;
	text: string;
	source: InsightSource;
	sourceNoteIds: string[];
	eventIds: string[];
	questionIds: string[];
	professions: string[];
	organisations: string[];
	areaId: string | null;
	order: string;
	createdBy: string | null;
	createdAt: number;
	edited: boolean;
}

const ids = z.array(idSchema).max(SOURCES_MAX);

export const insightRecord = declareRecord({
	name: 'insight',
	root: 'insights',
	shape: 'collection',
	key: idSchema,
	fields: {
		text: z.string().min(1).max(NOTE_TEXT_MAX),
		source: z.enum(insightSources),
		sourceNoteIds: ids,
		eventIds: ids,
		questionIds: ids,
		professions: z.array(z.enum(professions)).max(professions.length),
		organisations: z.array(z.enum(organisations)).max(organisations.length),
		areaId: idSchema.nullable(),
		order: orderSchema,
		createdBy: idSchema.nullable(),
		createdAt: timeSchema,
		edited: z.boolean()
	},
	text: ['text'],
	refs: {
		sourceNoteIds: 'notes',
		eventIds: 'events',
		questionIds: 'questions',
		areaId: 'areas',
		createdBy: MEMBERS
	},
	keyRef: { kind: 'derived', prefix: 'n-', to: 'notes' },
	hidden: false,
	create: ['facilitator'],
	change: {
		text: ['facilitator'],
		sourceNoteIds: ['facilitator'],
		eventIds: ['facilitator'],
		questionIds: ['facilitator'],
		professions: ['facilitator'],
		organisations: ['facilitator'],
		edited: ['facilitator'],
		areaId: ['facilitator', 'member'],
		order: ['facilitator', 'member']
	},
	when: {
		areaId: (before) => (participantsMayMove(before) ? null : 'moving insights is not allowed now'),
		order: (before) => (participantsMayMove(before) ? null : 'moving insights is not allowed now')
	},
	conditions: {
		change: {
			areaId: '`state.participantsMayMove` is true',
			order: '`state.participantsMayMove` is true'
		}
	},
	fixed: ['source', 'createdBy', 'createdAt'],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’ (participants may move one when allowed)',
	owner: () => null
});

export const insightsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('insights');

/** The id of the insight made from a note. */
export const insightIdForNote = (noteId: string): string => `n-${noteId}`;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

/** Reads one insight defensively: the document may have been written by any client. */
export function readInsight(id: string, map: Y.Map<unknown>): Insight {
	const source = map.get('source');
	const areaId = map.get('areaId');
	const createdBy = map.get('createdBy');
	const createdAt = map.get('createdAt');
	return {
		id,
		text: str(map.get('text')).slice(0, NOTE_TEXT_MAX),
		source: insightSources.includes(source as InsightSource)
			? (source as InsightSource)
			: 'written',
		sourceNoteIds: strings(map.get('sourceNoteIds')),
		eventIds: strings(map.get('eventIds')),
		questionIds: strings(map.get('questionIds')),
		professions: strings(map.get('professions')),
		organisations: strings(map.get('organisations')),
		areaId: typeof areaId === 'string' ? areaId : null,
		order: str(map.get('order')),
		createdBy: typeof createdBy === 'string' ? createdBy : null,
		createdAt: typeof createdAt === 'number' ? createdAt : 0,
		edited: map.get('edited') === true
	};
}

const sameList = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two reads of an insight say the same thing (so a view may keep the old object). */
export function sameInsight(a: Insight, b: Insight): boolean {
	return (
		a.id === b.id &&
		a.text === b.text &&
		a.source === b.source &&
		a.areaId === b.areaId &&
		a.order === b.order &&
		a.createdBy === b.createdBy &&
		a.createdAt === b.createdAt &&
		a.edited === b.edited &&
		sameList(a.sourceNoteIds, b.sourceNoteIds) &&
		sameList(a.eventIds, b.eventIds) &&
		sameList(a.questionIds, b.questionIds) &&
		sameList(a.professions, b.professions) &&
		sameList(a.organisations, b.organisations)
	);
}

/** Every insight, in no particular order (views sort them by area and order). */
export function listInsights(doc: Y.Doc): Insight[] {
	const out: Insight[] = [];
	insightsMap(doc).forEach((map, id) => {
		if (map instanceof Y.Map) out.push(readInsight(id, map));
	});
	return out;
}

export interface NewInsight {
	text: string;
	source: InsightSource;
	sourceNoteIds?: string[];
	eventIds?: string[];
	questionIds?: string[];
	professions?: string[];
	organisations?: string[];
	areaId?: string | null;
	createdBy: string | null;
	id?: string;
	now?: number;
}

/** Order keys of the insights in one area (null: the pile), in display order. */
function ordersIn(doc: Y.Doc, areaId: string | null, exclude?: string): string[] {
	const out: string[] = [];
	insightsMap(doc).forEach((map, id) => {
		if (id === exclude || !(map instanceof Y.Map)) return;
		if ((map.get('areaId') ?? null) === areaId) out.push(str(map.get('order')));
	});
	return out.sort();
}

function fillInsight(map: Y.Map<unknown>, input: NewInsight, order: string) {
	map.set('text', input.text.trim().slice(0, NOTE_TEXT_MAX));
	map.set('source', input.source);
	map.set('sourceNoteIds', input.sourceNoteIds ?? []);
	map.set('eventIds', input.eventIds ?? []);
	map.set('questionIds', input.questionIds ?? []);
	map.set('professions', input.professions ?? []);
	map.set('organisations', input.organisations ?? []);
	map.set('areaId', input.areaId ?? null);
	map.set('order', order);
	map.set('createdBy', input.createdBy);
	map.set('createdAt', input.now ?? Date.now());
	map.set('edited', false);
}

/** Adds an insight at the end of its area (or of the pile); returns its id. */
export function addInsight(doc: Y.Doc, input: NewInsight, origin?: unknown): string {
	const id = input.id ?? newId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		const order = orderAfter(ordersIn(doc, input.areaId ?? null).at(-1) ?? null);
		insightsMap(doc).set(id, map);
		fillInsight(map, input, order);
	}, origin);
	return id;
}

/** Rewords an insight; its source notes stay as they are. */
export function editInsight(doc: Y.Doc, id: string, text: string, origin?: unknown): boolean {
	const map = insightsMap(doc).get(id);
	const clean = text.trim().slice(0, NOTE_TEXT_MAX);
	if (!(map instanceof Y.Map) || clean === '') return false;
	doc.transact(() => {
		map.set('text', clean);
		map.set('edited', true);
	}, origin);
	return true;
}

/**
 * Moves an insight into an area (null: Ej sorterade) at `index` among that area's insights
 * (default: last). Only `areaId` and `order` change, so two people moving the same insight at
 * once end with one of the two places, the same everywhere.
 */
export function moveInsight(
	doc: Y.Doc,
	id: string,
	areaId: string | null,
	index?: number,
	origin?: unknown
): boolean {
	const map = insightsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const orders = ordersIn(doc, areaId, id);
	doc.transact(() => {
		if ((map.get('areaId') ?? null) !== areaId) map.set('areaId', areaId);
		map.set('order', orderAt(orders, index ?? orders.length));
	}, origin);
	return true;
}

/**
 * Moves an insight one step up (-1) or down (+1) among the insights of its area: the
 * single-click and keyboard path for reordering by drag. False at either end.
 */
export function nudgeInsight(doc: Y.Doc, id: string, delta: -1 | 1, origin?: unknown): boolean {
	const map = insightsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const areaId = (map.get('areaId') as string | null | undefined) ?? null;
	const siblings: { id: string; order: string }[] = [];
	insightsMap(doc).forEach((m, key) => {
		if (m instanceof Y.Map && (m.get('areaId') ?? null) === areaId) {
			siblings.push({ id: key, order: str(m.get('order')) });
		}
	});
	siblings.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
	const to = siblings.findIndex((s) => s.id === id) + delta;
	if (to < 0 || to >= siblings.length) return false;
	return moveInsight(doc, id, areaId, to, origin);
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Merges a duplicate into `keepId`: the kept insight gets both texts' sources and provenance
 * (its own wording stays), the duplicate is removed.
 */
export function mergeInsights(
	doc: Y.Doc,
	keepId: string,
	duplicateId: string,
	origin?: unknown
): boolean {
	const keep = insightsMap(doc).get(keepId);
	const dup = insightsMap(doc).get(duplicateId);
	if (!(keep instanceof Y.Map) || !(dup instanceof Y.Map) || keepId === duplicateId) return false;
	const a = readInsight(keepId, keep);
	const b = readInsight(duplicateId, dup);
	doc.transact(() => {
		keep.set('sourceNoteIds', union(a.sourceNoteIds, b.sourceNoteIds).slice(0, SOURCES_MAX));
		keep.set('eventIds', union(a.eventIds, b.eventIds).slice(0, SOURCES_MAX));
		keep.set('questionIds', union(a.questionIds, b.questionIds).slice(0, SOURCES_MAX));
		keep.set('professions', union(a.professions, b.professions));
		keep.set('organisations', union(a.organisations, b.organisations));
		keep.set('edited', true);
		insightsMap(doc).delete(duplicateId);
	}, origin);
	return true;
}

/**
 * Removes an insight. Its source notes are marked as dismissed in the same transaction, so the
 * server does not derive their insight again (dismissed-note.ts) and an undo restores both.
 */
export function removeInsight(doc: Y.Doc, id: string, origin?: unknown, now = Date.now()): boolean {
	const map = insightsMap(doc).get(id);
	if (!(map instanceof Y.Map)) return false;
	const sources = readInsight(id, map).sourceNoteIds;
	doc.transact(() => {
		for (const noteId of sources) dismissedNotesMap(doc).set(noteId, now);
		insightsMap(doc).delete(id);
	}, origin);
	return true;
}
