import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from '../ids';
import { declareRecord, idSchema, orderSchema, timeSchema, type RecordValue } from './declare';
import { orderAfter, orderAt } from './order-keys';

/**
 * An improvement area (förbättringsområde), or an underområde of one (`parentId` set): a
 * named, ordered group of insights. Facilitators alone create, rename, reorder and remove
 * areas; insights say which area they are in (insight.ts), so an area holds no list that two
 * people could edit into a duplicate.
 *
 *   doc.getMap('areas'): Y.Map<areaId, Y.Map<{ name, parentId, order, createdAt }>>
 */
export const AREA_NAME_MAX = 120;

export const areaRecord = declareRecord({
	name: 'area',
	root: 'areas',
	shape: 'collection',
	key: idSchema,
	fields: {
		name: z.string().min(1).max(AREA_NAME_MAX),
		parentId: idSchema.nullable(),
		order: orderSchema,
		createdAt: timeSchema
	},
	text: ['name'],
	refs: { parentId: 'areas' },
	hidden: false,
	create: ['facilitator'],
	change: { name: ['facilitator'], parentId: ['facilitator'], order: ['facilitator'] },
	fixed: ['createdAt'],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

/** `parentId`: null for a top-level area; else the top-level area this is an underområde of. */
export interface Area extends RecordValue<typeof areaRecord> {
	id: string;
}

export const areasMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('areas');

/**
 * Every area, read defensively: a parent that is missing, itself a sub-area, or the area
 * itself makes the area top-level, so the tree is never deeper than two levels nor a cycle.
 */
export function listAreas(doc: Y.Doc): Area[] {
	const raw = new Map<string, Area>();
	areasMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const name = map.get('name');
		const parentId = map.get('parentId');
		const order = map.get('order');
		const createdAt = map.get('createdAt');
		raw.set(id, {
			id,
			name: typeof name === 'string' ? name.slice(0, AREA_NAME_MAX) : '',
			parentId: typeof parentId === 'string' && parentId !== id ? parentId : null,
			order: typeof order === 'string' ? order : '',
			createdAt: typeof createdAt === 'number' ? createdAt : 0
		});
	});
	for (const area of raw.values()) {
		const parent = area.parentId === null ? undefined : raw.get(area.parentId);
		if (area.parentId !== null && (!parent || parent.parentId !== null)) area.parentId = null;
	}
	return [...raw.values()].sort(byOrder);
}

export const byOrder = (a: { order: string; id: string }, b: { order: string; id: string }) =>
	a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The areas beside one another: top-level areas, or the sub-areas of one parent. */
export function siblingAreas(doc: Y.Doc, parentId: string | null): Area[] {
	return listAreas(doc).filter((a) => a.parentId === parentId);
}

const cleanName = (name: string) => name.trim().replace(/\s+/g, ' ').slice(0, AREA_NAME_MAX);

export interface NewArea {
	name: string;
	parentId?: string | null;
	id?: string;
	now?: number;
}

/** Adds an area last among its siblings; returns its id, or null for an empty name. */
export function createArea(doc: Y.Doc, input: NewArea, origin?: unknown): string | null {
	const name = cleanName(input.name);
	if (name === '') return null;
	const id = input.id ?? newId();
	const parentId = input.parentId ?? null;
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		const last = siblingAreas(doc, parentId).at(-1)?.order ?? null;
		areasMap(doc).set(id, map);
		map.set('name', name);
		map.set('parentId', parentId);
		map.set('order', orderAfter(last));
		map.set('createdAt', input.now ?? Date.now());
	}, origin);
	return id;
}

export function renameArea(doc: Y.Doc, id: string, name: string, origin?: unknown): boolean {
	const map = areasMap(doc).get(id);
	const clean = cleanName(name);
	if (!(map instanceof Y.Map) || clean === '') return false;
	doc.transact(() => map.set('name', clean), origin);
	return true;
}

/** Moves an area to `index` among its siblings. */
export function reorderArea(doc: Y.Doc, id: string, index: number, origin?: unknown): boolean {
	const map = areasMap(doc).get(id);
	const area = listAreas(doc).find((a) => a.id === id);
	if (!(map instanceof Y.Map) || !area) return false;
	const orders = siblingAreas(doc, area.parentId)
		.filter((a) => a.id !== id)
		.map((a) => a.order);
	doc.transact(() => map.set('order', orderAt(orders, index)), origin);
	return true;
}

/** Moves an area one step up (-1) or down (+1) among its siblings: the keyboard path. */
export function nudgeArea(doc: Y.Doc, id: string, delta: -1 | 1, origin?: unknown): boolean {
	const area = listAreas(doc).find((a) => a.id === id);
	if (!area) return false;
	const ids = siblingAreas(doc, area.parentId).map((a) => a.id);
	const to = ids.indexOf(id) + delta;
	if (to < 0 || to >= ids.length) return false;
	return reorderArea(doc, id, to, origin);
}
