import { describe, expect, it } from 'vitest';
import type { Area } from '../records/area';
import type { Insight } from '../records/insight';
import { clusterView } from './perspectives';

const area = (id: string, order: string, parentId: string | null = null): Area => ({
	id,
	name: `Område ${id}`,
	parentId,
	order,
	createdAt: 1
});

const insight = (id: string, areaId: string | null, order: string): Insight => ({
	id,
	text: `Insikt ${id}`,
	source: 'written',
	sourceNoteIds: [],
	eventIds: [`e-${id}`],
	questionIds: [],
	professions: [id === 'i1' ? 'lakare' : 'chef'],
	organisations: ['region'],
	areaId,
	order,
	createdBy: null,
	createdAt: 1,
	edited: false
});

const areas = [area('a', 'a0'), area('b', 'a1'), area('c', 'a2'), area('s', 'a0', 'a')];
const insights = [
	insight('i1', 'a', 'b0'),
	insight('i2', 'a', 'b1'),
	insight('i3', 'b', 'b0'),
	insight('i4', 'c', 'b0'),
	insight('i5', 's', 'b0'),
	insight('i6', null, 'b0')
];

describe('clusterView on the previous view', () => {
	it('gives new views of only the two areas a move touched, the rest the same objects', () => {
		const before = clusterView(insights, areas);
		const moved = insights.map((i) => (i.id === 'i3' ? { ...i, areaId: 'c', order: 'b1' } : i));
		const after = clusterView(
			moved,
			areas.map((a) => ({ ...a })),
			before
		);

		expect(after).toEqual(clusterView(moved, areas));
		const byId = (view: typeof after, id: string) => view.flat.find((v) => v.area.id === id)!;
		expect(byId(after, 'a')).toBe(byId(before, 'a'));
		expect(byId(after, 's')).toBe(byId(before, 's'));
		expect(byId(after, 'b')).not.toBe(byId(before, 'b'));
		expect(byId(after, 'c')).not.toBe(byId(before, 'c'));
		expect(byId(after, 'c').area).toBe(byId(before, 'c').area);
		expect(after.unsorted).toBe(before.unsorted);
		expect(after.professions).toBe(before.professions);
	});

	it('is the previous view itself when nothing it shows changed', () => {
		const before = clusterView(insights, areas);
		expect(
			clusterView(
				[...insights],
				areas.map((a) => ({ ...a })),
				before
			)
		).toBe(before);
	});

	it('renews a parent whose underområde changed, with the perspective counting it', () => {
		const before = clusterView(insights, areas);
		const moved = insights.map((i) => (i.id === 'i6' ? { ...i, areaId: 's', order: 'b1' } : i));
		const after = clusterView(moved, areas, before);

		expect(after).toEqual(clusterView(moved, areas));
		expect(after.areas[0]).not.toBe(before.areas[0]);
		expect(after.areas[0]!.perspective.insights).toBe(4);
		expect(after.areas[1]).toBe(before.areas[1]);
		expect(after.unsorted).toEqual([]);
	});

	it('takes a renamed area', () => {
		const before = clusterView(insights, areas);
		const renamed = areas.map((a) => (a.id === 'b' ? { ...a, name: 'Nytt namn' } : a));
		const after = clusterView(insights, renamed, before);
		expect(after.flat.find((v) => v.area.id === 'b')!.area.name).toBe('Nytt namn');
		expect(after.flat.find((v) => v.area.id === 'a')).toBe(before.flat[0]);
	});
});
