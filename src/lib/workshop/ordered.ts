import { generateKeyBetween } from 'fractional-indexing';
import { usableKey } from './records/order-keys';
import * as Y from 'yjs';
import { newId } from './ids';

/**
 * An ordered, editable collection in the shared document: `Y.Map<id, Y.Map<field>>` where each
 * item carries a fractional `order` key. Moving an item rewrites only its own key, so two
 * people reordering at once converge without duplicates (a Y.Array move is delete + insert
 * and can duplicate). Removal is soft (`removedAt`) so it can be undone and notes keep their
 * provenance.
 */
export interface OrderedItem {
	id: string;
	order: string;
	removedAt: number | null;
}

export function orderedMap(doc: Y.Doc, name: string): Y.Map<Y.Map<unknown>> {
	return doc.getMap(name);
}

function itemsOf(map: Y.Map<Y.Map<unknown>>, includeRemoved: boolean): OrderedItem[] {
	const out: OrderedItem[] = [];
	map.forEach((item, id) => {
		if (!(item instanceof Y.Map)) return;
		const order = item.get('order');
		const removedAt = item.get('removedAt');
		const entry = {
			id,
			order: typeof order === 'string' ? order : '',
			removedAt: typeof removedAt === 'number' ? removedAt : null
		};
		if (includeRemoved || entry.removedAt === null) out.push(entry);
	});
	// Equal keys can arise from concurrent inserts at one spot; the id breaks the tie everywhere alike.
	return out.sort((a, b) =>
		a.order < b.order ? -1 : a.order > b.order ? 1 : a.id.localeCompare(b.id)
	);
}

/** Ids in display order, without removed items. */
export function orderedIds(map: Y.Map<Y.Map<unknown>>): string[] {
	return itemsOf(map, false).map((i) => i.id);
}

/** Removed items, most recently removed first (for undo). */
export function removedIds(map: Y.Map<Y.Map<unknown>>): string[] {
	return itemsOf(map, true)
		.filter((i) => i.removedAt !== null)
		.sort((a, b) => (b.removedAt ?? 0) - (a.removedAt ?? 0))
		.map((i) => i.id);
}

function keyAt(map: Y.Map<Y.Map<unknown>>, index: number, exclude?: string): string {
	const items = itemsOf(map, false).filter((i) => i.id !== exclude);
	const clamped = Math.max(0, Math.min(index, items.length));
	// A key fractional-indexing cannot build on (a crafted 'zz') is passed over, never thrown on.
	const before = usableKey(items[clamped - 1]?.order);
	const after = usableKey(items[clamped]?.order);
	// Identical neighbours (a tie) leave no room between them: place after the lower one.
	if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
	return generateKeyBetween(before, after);
}

/** Inserts an item with `fields` at `index` (default: the end); returns its id. */
export function insertItem(
	doc: Y.Doc,
	map: Y.Map<Y.Map<unknown>>,
	fields: Record<string, unknown>,
	index = Number.POSITIVE_INFINITY,
	id = newId()
): string {
	doc.transact(() => {
		const item = new Y.Map<unknown>();
		for (const [key, value] of Object.entries(fields)) item.set(key, value);
		item.set('order', keyAt(map, index));
		item.set('removedAt', null);
		map.set(id, item);
	});
	return id;
}

/** Moves an item to `index` among the visible items; false for an unknown id. */
export function moveItem(doc: Y.Doc, map: Y.Map<Y.Map<unknown>>, id: string, index: number) {
	const item = map.get(id);
	if (!item) return false;
	doc.transact(() => item.set('order', keyAt(map, index, id)));
	return true;
}

/** Moves an item one step up (-1) or down (+1): the keyboard path for reordering. */
export function nudgeItem(doc: Y.Doc, map: Y.Map<Y.Map<unknown>>, id: string, delta: -1 | 1) {
	const ids = orderedIds(map);
	const from = ids.indexOf(id);
	if (from < 0) return false;
	const to = from + delta;
	if (to < 0 || to >= ids.length) return false;
	return moveItem(doc, map, id, to);
}

export function setItemFields(
	doc: Y.Doc,
	map: Y.Map<Y.Map<unknown>>,
	id: string,
	fields: Record<string, unknown>
) {
	const item = map.get(id);
	if (!item) return false;
	doc.transact(() => {
		for (const [key, value] of Object.entries(fields)) item.set(key, value);
	});
	return true;
}

export function removeItem(doc: Y.Doc, map: Y.Map<Y.Map<unknown>>, id: string, now = Date.now()) {
	return setItemFields(doc, map, id, { removedAt: now });
}

export function restoreItem(doc: Y.Doc, map: Y.Map<Y.Map<unknown>>, id: string) {
	return setItemFields(doc, map, id, { removedAt: null });
}
