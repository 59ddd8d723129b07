import { byOrder, type Area } from '../records/area';
import type { Insight } from '../records/insight';

/**
 * Where an area's insights came from: how many, from which events and questions, and how
 * many distinct professions and organisations raised them ("lyft av 4 av 6 yrkesroller,
 * både region och kommun"). An area counts the insights of its underområden too.
 */
export interface Perspective {
	insights: number;
	eventIds: string[];
	questionIds: string[];
	professions: string[];
	organisations: string[];
}

export interface AreaView {
	area: Area;
	/** The area's own insights, in order (not those of its underområden). */
	insights: Insight[];
	/** Underområden, in order (always empty for an underområde). */
	children: AreaView[];
	perspective: Perspective;
}

export interface ClusterView {
	/** Ej sorterade, in order. */
	unsorted: Insight[];
	/** Top-level areas in order, each with its underområden. */
	areas: AreaView[];
	/** Every area, top-level ones each followed by their underområden. */
	flat: AreaView[];
	/** Distinct professions and organisations across all insights: the "of 6" in "4 of 6". */
	professions: string[];
	organisations: string[];
}

const distinct = (lists: Iterable<string[]>): string[] => {
	const set = new Set<string>();
	for (const list of lists) for (const value of list) set.add(value);
	return [...set].sort();
};

/** The perspective of a set of insights. */
export function perspectiveOf(insights: readonly Insight[]): Perspective {
	return {
		insights: insights.length,
		eventIds: distinct(insights.map((i) => i.eventIds)),
		questionIds: distinct(insights.map((i) => i.questionIds)),
		professions: distinct(insights.map((i) => i.professions)),
		organisations: distinct(insights.map((i) => i.organisations))
	};
}

/**
 * The clustering page's view model from the board's insights and areas (as listAreas reads
 * them: at most two levels). An insight whose area is gone shows in Ej sorterade, so every
 * insight appears exactly once.
 *
 * Given the `previous` view, every part that reads the same is that part of the previous view
 * (the same object): a move between two areas gives new views of those two areas only, so a
 * page keyed on these objects re-renders only what moved.
 */
export function clusterView(
	insights: readonly Insight[],
	areas: readonly Area[],
	previous?: ClusterView
): ClusterView {
	const byArea = new Map<string | null, Insight[]>();
	const known = new Set(areas.map((a) => a.id));
	for (const insight of insights) {
		const key = insight.areaId !== null && known.has(insight.areaId) ? insight.areaId : null;
		const list = byArea.get(key);
		if (list) list.push(insight);
		else byArea.set(key, [insight]);
	}
	for (const list of byArea.values()) list.sort(byOrder);
	const sorted = [...areas].sort(byOrder);
	const before = new Map(previous?.flat.map((v) => [v.area.id, v]));
	const view = (area: Area, own: Insight[], children: AreaView[]): AreaView => {
		const old = before.get(area.id);
		const keptArea = old && sameArea(old.area, area) ? old.area : area;
		const keptOwn = old && sameItems(old.insights, own) ? old.insights : own;
		const keptChildren = old && sameItems(old.children, children) ? old.children : children;
		if (old && old.area === keptArea && old.insights === keptOwn && old.children === keptChildren) {
			return old;
		}
		const perspective =
			old && old.insights === keptOwn && old.children === keptChildren
				? old.perspective
				: perspectiveOf([...keptOwn, ...keptChildren.flatMap((c) => c.insights)]);
		return { area: keptArea, insights: keptOwn, children: keptChildren, perspective };
	};
	const top: AreaView[] = [];
	const flat: AreaView[] = [];
	for (const area of sorted) {
		if (area.parentId !== null) continue;
		const children = sorted
			.filter((a) => a.parentId === area.id)
			.map((a) => view(a, byArea.get(a.id) ?? [], []));
		const parent = view(area, byArea.get(area.id) ?? [], children);
		top.push(parent);
		flat.push(parent, ...parent.children);
	}
	const unsorted = byArea.get(null) ?? [];
	const professions = distinct(insights.map((i) => i.professions));
	const organisations = distinct(insights.map((i) => i.organisations));
	const next: ClusterView = {
		unsorted: keep(previous?.unsorted, unsorted),
		areas: keep(previous?.areas, top),
		flat: keep(previous?.flat, flat),
		professions: keep(previous?.professions, professions),
		organisations: keep(previous?.organisations, organisations)
	};
	return previous &&
		(Object.keys(next) as (keyof ClusterView)[]).every((k) => next[k] === previous[k])
		? previous
		: next;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** The previous list when it holds the same items, so that it stays the same object. */
const keep = <T>(previous: T[] | undefined, next: T[]): T[] =>
	previous && sameItems(previous, next) ? previous : next;

const sameArea = (a: Area, b: Area) =>
	a.id === b.id &&
	a.name === b.name &&
	a.parentId === b.parentId &&
	a.order === b.order &&
	a.createdAt === b.createdAt;

export type OverviewKey = 'order' | 'name' | 'insights' | 'events' | 'questions' | 'professions';

/** The overview table's rows sorted by a column; ties keep the board's order. */
export function sortOverview(
	rows: readonly AreaView[],
	key: OverviewKey,
	direction: 'ascending' | 'descending'
): AreaView[] {
	const value = (row: AreaView): number | string => {
		const p = row.perspective;
		switch (key) {
			case 'name':
				return row.area.name.toLocaleLowerCase('sv');
			case 'insights':
				return p.insights;
			case 'events':
				return p.eventIds.length;
			case 'questions':
				return p.questionIds.length;
			case 'professions':
				return p.professions.length;
			default:
				return 0;
		}
	};
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, index) => ({ row, index, v: value(row) }))
		.sort((a, b) => {
			const c =
				typeof a.v === 'string' && typeof b.v === 'string'
					? a.v.localeCompare(b.v, 'sv')
					: (a.v as number) - (b.v as number);
			return c !== 0 ? sign * c : a.index - b.index;
		})
		.map((x) => x.row);
}
