import * as Y from 'yjs';
import { areasMap, createArea, listAreas } from './records/area';
import { insightsMap } from './records/insight';
import { orderAfter } from './records/order-keys';

/**
 * Operations on areas that touch several records, each one transaction (so one undo step):
 * merge, split, delete, and accepting a suggested group. Insights are never copied or
 * removed here, only re-pointed, so every insight stays in exactly one place.
 */

/** Insight ids in an area (null: Ej sorterade), in display order. */
function insightsIn(doc: Y.Doc, areaId: string | null): { id: string; map: Y.Map<unknown> }[] {
	const out: { id: string; map: Y.Map<unknown>; order: string }[] = [];
	insightsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map) || (map.get('areaId') ?? null) !== areaId) return;
		const order = map.get('order');
		out.push({ id, map, order: typeof order === 'string' ? order : '' });
	});
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1
	);
}

/** Appends insights to the end of an area, keeping their order among themselves. */
function appendTo(doc: Y.Doc, areaId: string | null, moving: { map: Y.Map<unknown> }[]) {
	const last = insightsIn(doc, areaId).at(-1)?.map.get('order');
	let key = typeof last === 'string' ? last : null;
	for (const { map } of moving) {
		key = orderAfter(key);
		map.set('areaId', areaId);
		map.set('order', key);
	}
}

/**
 * Merges area `fromId` into `intoId` ("åtta områden blev fem"): its insights follow after
 * the target's, its underområden become the target's (or, when the target is itself an
 * underområde, its siblings), and `fromId` is removed.
 */
export function mergeAreas(doc: Y.Doc, intoId: string, fromId: string, origin?: unknown): boolean {
	const areas = listAreas(doc);
	const into = areas.find((a) => a.id === intoId);
	const from = areas.find((a) => a.id === fromId);
	if (!into || !from || intoId === fromId) return false;
	doc.transact(() => {
		// Merging a parent into its own underområde: the underområde takes the parent's place.
		const intoMap = areasMap(doc).get(intoId)!;
		if (into.parentId === fromId) intoMap.set('parentId', from.parentId);
		const home = into.parentId === fromId ? from.parentId : into.parentId;
		const subParent = home === null ? intoId : home;
		for (const sub of areas) {
			if (sub.parentId === fromId && sub.id !== intoId) {
				areasMap(doc).get(sub.id)!.set('parentId', subParent);
			}
		}
		appendTo(doc, intoId, insightsIn(doc, fromId));
		areasMap(doc).delete(fromId);
	}, origin);
	return true;
}

/**
 * Splits the chosen insights out of their area into a new area named `name`, placed after
 * the area they came from among its siblings; returns the new area's id.
 */
export function splitArea(
	doc: Y.Doc,
	fromId: string,
	insightIds: readonly string[],
	name: string,
	origin?: unknown
): string | null {
	const from = listAreas(doc).find((a) => a.id === fromId);
	const chosen = new Set(insightIds);
	const moving = insightsIn(doc, fromId).filter((i) => chosen.has(i.id));
	if (!from || moving.length === 0) return null;
	let id: string | null = null;
	doc.transact(() => {
		id = createArea(doc, { name, parentId: from.parentId }, origin);
		if (id) appendTo(doc, id, moving);
	}, origin);
	return id;
}

/** Removes an area and its underområden; their insights go back to Ej sorterade. */
export function deleteArea(doc: Y.Doc, id: string, origin?: unknown): boolean {
	if (!areasMap(doc).has(id)) return false;
	const gone = [
		id,
		...listAreas(doc)
			.filter((a) => a.parentId === id)
			.map((a) => a.id)
	];
	doc.transact(() => {
		for (const areaId of gone) {
			appendTo(doc, null, insightsIn(doc, areaId));
			areasMap(doc).delete(areaId);
		}
	}, origin);
	return true;
}

/**
 * Accepts a suggested group: a new area named `name` with those of `ids` that are still in
 * Ej sorterade (what someone sorted meanwhile stays where they put it). Returns the area's id,
 * or null when nothing is left to move.
 */
export function acceptSuggestion(
	doc: Y.Doc,
	name: string,
	ids: readonly string[],
	origin?: unknown
): string | null {
	const wanted = new Set(ids);
	const moving = insightsIn(doc, null).filter((i) => wanted.has(i.id));
	if (moving.length === 0) return null;
	let id: string | null = null;
	doc.transact(() => {
		id = createArea(doc, { name }, origin);
		if (id) appendTo(doc, id, moving);
	}, origin);
	return id;
}
