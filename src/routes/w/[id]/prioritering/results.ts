import type { MatrixPoint } from '$lib/workshop/analysis/matrix-svg';
import type { Axes } from '$lib/workshop/analysis/axes';
import type { Area } from '$lib/workshop/records/area';
import type { Placement } from '$lib/workshop/records/placement';
import type { Round } from '$lib/workshop/records/round';

export interface AreaOutcome {
	point: MatrixPoint;
	/** How many scored the area. */
	n: number;
	iqr: { worth: number; cost: number };
	/** The same area's medians in the round before, when it was scored again. */
	previous: { worth: number; cost: number } | null;
}

/**
 * Per area the newest revealed scoring result (a re-opened round replaces the flagged areas'
 * results and keeps the earlier medians beside them), as matrix points.
 */
export function outcomes(
	rounds: readonly Round[],
	areas: readonly Area[],
	placements: ReadonlyMap<string, Placement>,
	insights: (areaId: string) => number
): { axes: Axes | null; items: AreaOutcome[] } {
	const names = new Map(areas.map((a) => [a.id, a.name]));
	const byArea = new Map<string, AreaOutcome>();
	let axes: Axes | null = null;
	for (const round of rounds) {
		if (round.type !== 'scoring' || round.status !== 'revealed' || !round.results?.scores) continue;
		axes = round.axes;
		for (const [areaId, r] of Object.entries(round.results.scores)) {
			if (r.worth.median === null || r.cost.median === null || !names.has(areaId)) continue;
			const before = byArea.get(areaId);
			const placement = placements.get(areaId);
			byArea.set(areaId, {
				n: Math.max(r.worth.n, r.cost.n),
				iqr: { worth: r.worth.iqr ?? 0, cost: r.cost.iqr ?? 0 },
				previous: before
					? { worth: before.point.worth.median, cost: before.point.cost.median }
					: null,
				point: {
					id: areaId,
					name: names.get(areaId)!,
					insights: insights(areaId),
					worth: { median: r.worth.median, q1: r.worth.q1!, q3: r.worth.q3! },
					cost: { median: r.cost.median, q1: r.cost.q1!, q3: r.cost.q3! },
					flagged: r.flagged,
					final: placement?.final ?? null,
					prioritised: placement?.prioritised ?? false
				}
			});
		}
	}
	return { axes, items: [...byArea.values()] };
}
