import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addInsight,
	editInsight,
	insightsMap,
	listInsights,
	mergeInsights,
	moveInsight,
	removeInsight,
	type Insight
} from '$lib/workshop/records/insight';
import { rereadInsights, touchedInsights } from './insight-list';

const byId = (list: readonly Insight[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** A browser's list kept up to date the way the clustering manager keeps it. */
function follow(doc: Y.Doc) {
	const map = insightsMap(doc);
	const state = { list: listInsights(doc), touched: new Set<string>() };
	map.observeDeep((events) => {
		state.touched = touchedInsights(events, map);
		state.list = rereadInsights(state.list, state.touched, map);
	});
	return state;
}

describe('rereadInsights', () => {
	it('reads again only what a change touched, and ends where a full read does', () => {
		const doc = new Y.Doc();
		const ids = Array.from({ length: 6 }, (_, i) =>
			addInsight(doc, { text: `Insikt ${i}`, source: 'written', createdBy: null, areaId: null })
		);
		// Another browser, receiving every change as an update.
		const remote = new Y.Doc();
		Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
		doc.on('update', (update: Uint8Array) => Y.applyUpdate(remote, update));
		const here = follow(doc);
		const there = follow(remote);
		const undo = new Y.UndoManager(insightsMap(doc));

		const before = there.list;
		moveInsight(doc, ids[2]!, 'area-1');
		expect(there.touched).toEqual(new Set([ids[2]]));
		for (const [i, insight] of there.list.entries()) {
			if (insight.id === ids[2]) expect(insight.areaId).toBe('area-1');
			else expect(insight).toBe(before[i]);
		}

		const steps = [
			() => editInsight(doc, ids[0]!, 'Omskriven'),
			() => addInsight(doc, { text: 'Ny', source: 'written', createdBy: null, areaId: null }),
			() => mergeInsights(doc, ids[1]!, ids[3]!),
			() => removeInsight(doc, ids[4]!),
			() => undo.undo(),
			() => undo.undo(),
			() => moveInsight(doc, ids[5]!, 'area-2', 0)
		];
		for (const step of steps) {
			undo.stopCapturing();
			step();
			for (const [state, d] of [
				[here, doc],
				[there, remote]
			] as const) {
				expect(byId(state.list)).toEqual(byId(listInsights(d)));
			}
		}
	});
});
