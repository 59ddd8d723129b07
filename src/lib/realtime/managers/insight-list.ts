import * as Y from 'yjs';
import { readInsight, sameInsight, type Insight } from '$lib/workshop/records/insight';

/**
 * The ids of the insights one transaction touched, from the events of a deep observer on the
 * insights map: an insight added or removed is a key of the map itself, a changed field is an
 * event on that insight's map, whose path starts with its id.
 */
export function touchedInsights(
	events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
	map: Y.Map<Y.Map<unknown>>
): Set<string> {
	const ids = new Set<string>();
	for (const event of events) {
		if (event instanceof Y.YMapEvent && event.target === map) {
			for (const key of event.keysChanged) ids.add(key);
		} else {
			const id = event.path[0];
			if (typeof id === 'string') ids.add(id);
		}
	}
	return ids;
}

/**
 * `previous` brought up to date for the insights in `touched` only, read from `map`: the rest
 * keep their objects without being read again (a move by anyone read all 500 in every
 * browser). A touched insight that reads the same keeps its object too; a new one comes last.
 */
export function rereadInsights(
	previous: readonly Insight[],
	touched: ReadonlySet<string>,
	map: Y.Map<Y.Map<unknown>>
): Insight[] {
	const next: Insight[] = [];
	const placed = new Set<string>();
	for (const old of previous) {
		if (!touched.has(old.id)) {
			next.push(old);
			continue;
		}
		placed.add(old.id);
		const value = map.get(old.id);
		if (!(value instanceof Y.Map)) continue;
		const fresh = readInsight(old.id, value);
		next.push(sameInsight(old, fresh) ? old : fresh);
	}
	for (const id of touched) {
		const value = map.get(id);
		if (!placed.has(id) && value instanceof Y.Map) next.push(readInsight(id, value));
	}
	return next;
}
