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
 */
export function clusterView(insights: readonly Insight[], areas: readonly Area[]): ClusterView {
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
	const leaf = (area: Area): AreaView => {
		const own = byArea.get(area.id) ?? [];
		return { area, insights: own, children: [], perspective: perspectiveOf(own) };
	};
	const top = sorted.filter((a) => a.parentId === null).map(leaf);
	const flat: AreaView[] = [];
	for (const view of top) {
		view.children = sorted.filter((a) => a.parentId === view.area.id).map(leaf);
		if (view.children.length > 0) {
			view.perspective = perspectiveOf([
				...view.insights,
				...view.children.flatMap((c) => c.insights)
			]);
		}
		flat.push(view, ...view.children);
	}
	return {
		unsorted: byArea.get(null) ?? [],
		areas: top,
		flat,
		professions: distinct(insights.map((i) => i.professions)),
		organisations: distinct(insights.map((i) => i.organisations))
	};
}

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
