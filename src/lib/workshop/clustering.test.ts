import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clusterView, perspectiveOf, sortOverview } from './analysis/perspectives';
import { acceptSuggestion, deleteArea, mergeAreas, splitArea } from './clustering';
import { createArea, listAreas, nudgeArea, renameArea } from './records/area';
import {
	addInsight,
	insightsMap,
	listInsights,
	mergeInsights,
	moveInsight,
	nudgeInsight,
	type NewInsight
} from './records/insight';
import { suggestionKey } from './records/rejected-suggestion';

const local = Symbol('me');

/** Every insight id as often as the view model shows it. */
function shown(doc: Y.Doc): string[] {
	const view = clusterView(listInsights(doc), listAreas(doc));
	return [...view.unsorted, ...view.flat.flatMap((a) => a.insights)].map((i) => i.id).sort();
}

function board(count = 6) {
	const doc = new Y.Doc();
	const a = createArea(doc, { name: 'Kontinuitet' })!;
	const b = createArea(doc, { name: 'Information' })!;
	const sub = createArea(doc, { name: 'Telefon', parentId: b })!;
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const input: NewInsight = {
			text: `Insikt ${i}`,
			source: 'written',
			createdBy: 'bo',
			eventIds: [`e${i % 3}`],
			questionIds: ['q1'],
			professions: [i % 2 ? 'lakare' : 'sjukskoterska'],
			organisations: [i % 2 ? 'region' : 'kommun']
		};
		ids.push(addInsight(doc, input));
	}
	moveInsight(doc, ids[0]!, a);
	moveInsight(doc, ids[1]!, a);
	moveInsight(doc, ids[2]!, b);
	moveInsight(doc, ids[3]!, sub);
	return { doc, a, b, sub, ids, all: [...ids].sort() };
}

describe('clustering operations keep every insight exactly once', () => {
	it('move: to an area, to a position, back to Ej sorterade', () => {
		const { doc, a, ids, all } = board();
		moveInsight(doc, ids[4]!, a, 0);
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.flat[0]!.insights.map((i) => i.id)).toEqual([ids[4], ids[0], ids[1]]);
		moveInsight(doc, ids[0]!, null);
		expect(shown(doc)).toEqual(all);
	});

	it('merge: all insights and underområden of the merged area are kept', () => {
		const { doc, a, b, sub, ids, all } = board();
		mergeAreas(doc, a, b);
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.areas.map((v) => v.area.id)).toEqual([a]);
		expect(view.areas[0]!.insights.map((i) => i.id)).toEqual([ids[0], ids[1], ids[2]]);
		expect(view.areas[0]!.children.map((c) => c.area.id)).toEqual([sub]);
		expect(view.areas[0]!.perspective.insights).toBe(4);
		expect(shown(doc)).toEqual(all);
	});

	it('merge of a parent into its own underområde keeps both levels consistent', () => {
		const { doc, b, sub, all } = board();
		mergeAreas(doc, sub, b);
		const areas = listAreas(doc);
		expect(areas.find((x) => x.id === sub)!.parentId).toBeNull();
		expect(shown(doc)).toEqual(all);
	});

	it('split: the chosen insights move to a new area beside the old one', () => {
		const { doc, a, ids, all } = board();
		const fresh = splitArea(doc, a, [ids[1]!, ids[5]!], 'Utbrutet')!;
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.flat.find((v) => v.area.id === fresh)!.insights.map((i) => i.id)).toEqual([ids[1]]);
		expect(view.flat.find((v) => v.area.id === a)!.insights.map((i) => i.id)).toEqual([ids[0]]);
		expect(shown(doc)).toEqual(all);
	});

	it('delete: the area and its underområden go, their insights back to Ej sorterade', () => {
		const { doc, b, ids, all } = board();
		deleteArea(doc, b);
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.flat).toHaveLength(1);
		expect(view.unsorted.map((i) => i.id)).toEqual([ids[4], ids[5], ids[2], ids[3]]);
		expect(shown(doc)).toEqual(all);
	});

	it('an insight whose area vanished (a concurrent delete) shows in Ej sorterade', () => {
		const { doc, a, all } = board();
		doc.getMap('areas').delete(a);
		expect(shown(doc)).toEqual(all);
	});

	it('accepting a suggestion moves only what is still unsorted', () => {
		const { doc, a, ids, all } = board();
		const area = acceptSuggestion(doc, 'Förslag', [ids[0]!, ids[4]!, ids[5]!])!;
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.flat.find((v) => v.area.id === area)!.insights.map((i) => i.id)).toEqual([
			ids[4],
			ids[5]
		]);
		expect(view.flat.find((v) => v.area.id === a)!.insights[0]!.id).toBe(ids[0]);
		expect(acceptSuggestion(doc, 'Tom', [ids[0]!])).toBeNull();
		expect(shown(doc)).toEqual(all);
	});

	it('rename and reorder change only the area', () => {
		const { doc, a, b } = board();
		renameArea(doc, a, '  Kontinuitet   i vården ');
		nudgeArea(doc, b, -1);
		expect(
			listAreas(doc)
				.filter((x) => x.parentId === null)
				.map((x) => x.name)
		).toEqual(['Information', 'Kontinuitet i vården']);
	});

	it('merging duplicate insights keeps both sources and removes one record', () => {
		const doc = new Y.Doc();
		const x = addInsight(doc, {
			text: 'Svårt att nå',
			source: 'lowPoint',
			createdBy: null,
			sourceNoteIds: ['n1'],
			professions: ['lakare']
		});
		const y = addInsight(doc, {
			text: 'Ingen svarar',
			source: 'lowPoint',
			createdBy: null,
			sourceNoteIds: ['n2'],
			professions: ['sjukskoterska']
		});
		expect(mergeInsights(doc, x, y)).toBe(true);
		const [kept] = listInsights(doc);
		expect(kept).toMatchObject({ id: x, text: 'Svårt att nå', sourceNoteIds: ['n1', 'n2'] });
		expect(kept!.professions).toEqual(['lakare', 'sjukskoterska']);
		expect(insightsMap(doc).size).toBe(1);
	});
});

describe('reordering by single click ("Flytta upp/ned")', () => {
	const inArea = (doc: Y.Doc, areaId: string) =>
		clusterView(listInsights(doc), listAreas(doc))
			.flat.find((v) => v.area.id === areaId)!
			.insights.map((i) => i.id);

	it('moves an insight one step within its area, and not past either end', () => {
		const { doc, a, ids, all } = board();
		moveInsight(doc, ids[4]!, a);
		expect(inArea(doc, a)).toEqual([ids[0], ids[1], ids[4]]);
		expect(nudgeInsight(doc, ids[4]!, -1)).toBe(true);
		expect(inArea(doc, a)).toEqual([ids[0], ids[4], ids[1]]);
		expect(nudgeInsight(doc, ids[4]!, -1)).toBe(true);
		expect(nudgeInsight(doc, ids[4]!, -1)).toBe(false);
		expect(inArea(doc, a)).toEqual([ids[4], ids[0], ids[1]]);
		expect(nudgeInsight(doc, ids[0]!, 1)).toBe(true);
		expect(nudgeInsight(doc, ids[0]!, 1)).toBe(false);
		expect(inArea(doc, a)).toEqual([ids[4], ids[1], ids[0]]);
		expect(shown(doc)).toEqual(all);
	});

	it('moves an area one step among its siblings', () => {
		const { doc, a, b } = board();
		const c = createArea(doc, { name: 'Hjälpmedel' })!;
		expect(nudgeArea(doc, c, -1)).toBe(true);
		expect(
			listAreas(doc)
				.filter((x) => x.parentId === null)
				.map((x) => x.id)
		).toEqual([a, c, b]);
		expect(nudgeArea(doc, a, -1)).toBe(false);
	});
});

describe('the key of a suggested group', () => {
	it('is the same whatever the order of the ids, and differs when the set differs', () => {
		expect(suggestionKey(['b', 'a', 'c'])).toBe(suggestionKey(['c', 'b', 'a']));
		expect(suggestionKey(['a', 'b'])).not.toBe(suggestionKey(['a', 'b', 'c']));
		expect(suggestionKey(['a', 'b'])).toMatch(/^g[0-9a-f]{16}-2$/);
	});
});

describe('undo per person', () => {
	it('restores the state before a merge, and redo merges again', () => {
		const { doc, a, b, sub, all } = board();
		const undo = new Y.UndoManager([doc.getMap('insights'), doc.getMap('areas')], {
			trackedOrigins: new Set([local])
		});
		const before = JSON.stringify(clusterView(listInsights(doc), listAreas(doc)).flat);
		mergeAreas(doc, a, b, local);
		expect(listAreas(doc)).toHaveLength(2);
		undo.undo();
		const restored = clusterView(listInsights(doc), listAreas(doc));
		expect(restored.flat.map((v) => v.area.id)).toEqual([a, b, sub]);
		expect(JSON.stringify(restored.flat.map((v) => v.insights.map((i) => i.id)))).toEqual(
			JSON.stringify(
				JSON.parse(before).map((v: { insights: { id: string }[] }) => v.insights.map((i) => i.id))
			)
		);
		expect(shown(doc)).toEqual(all);
		undo.redo();
		expect(listAreas(doc)).toHaveLength(2);
		expect(shown(doc)).toEqual(all);
	});

	it('does not undo what someone else did', () => {
		const { doc, a, ids } = board();
		const undo = new Y.UndoManager([doc.getMap('insights'), doc.getMap('areas')], {
			trackedOrigins: new Set([local])
		});
		moveInsight(doc, ids[4]!, a, undefined, local);
		moveInsight(doc, ids[5]!, a, undefined, 'someone else');
		undo.undo();
		const view = clusterView(listInsights(doc), listAreas(doc));
		expect(view.unsorted.map((i) => i.id)).toEqual([ids[4]]);
	});
});

describe('perspectives', () => {
	it('counts insights, events, questions, professions and organisations', () => {
		const { doc, b } = board();
		const view = clusterView(listInsights(doc), listAreas(doc));
		const info = view.areas.find((v) => v.area.id === b)!;
		expect(info.perspective).toEqual({
			insights: 2,
			eventIds: ['e0', 'e2'],
			questionIds: ['q1'],
			professions: ['lakare', 'sjukskoterska'],
			organisations: ['kommun', 'region']
		});
		expect(view.professions).toEqual(['lakare', 'sjukskoterska']);
		expect(perspectiveOf([])).toEqual({
			insights: 0,
			eventIds: [],
			questionIds: [],
			professions: [],
			organisations: []
		});
	});

	it('sorts the overview table by a column, ties in board order', () => {
		const { doc } = board();
		const view = clusterView(listInsights(doc), listAreas(doc));
		const names = (key: Parameters<typeof sortOverview>[1], dir: 'ascending' | 'descending') =>
			sortOverview(view.flat, key, dir).map((v) => v.area.name);
		expect(names('name', 'ascending')).toEqual(['Information', 'Kontinuitet', 'Telefon']);
		expect(names('insights', 'descending')).toEqual(['Kontinuitet', 'Information', 'Telefon']);
		expect(names('order', 'descending')).toEqual(['Kontinuitet', 'Information', 'Telefon']);
	});
});
