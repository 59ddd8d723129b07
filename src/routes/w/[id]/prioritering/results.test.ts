import { describe, expect, it } from 'vitest';
import { NYTTA_INSATS } from '$lib/workshop/analysis/axes';
import { roundResults } from '$lib/workshop/analysis/round-results';
import type { Area } from '$lib/workshop/records/area';
import type { Placement } from '$lib/workshop/records/placement';
import type { Round } from '$lib/workshop/records/round';
import type { ScoreValue } from '$lib/workshop/records/score';
import { outcomes } from './results';

const area = (id: string): Area => ({
	id,
	name: id.toUpperCase(),
	parentId: null,
	order: 'a',
	createdAt: 1
});

/** A revealed scoring round over `areaIds` from each person's [worth, cost] per area. */
function revealed(
	id: string,
	createdAt: number,
	given: Array<Record<string, [number, number]>>,
	previousId: string | null = null
): Round {
	const areaIds = Object.keys(given[0]!);
	const base = { type: 'scoring' as const, areaIds, dotLimits: null };
	const ballots = given.map((g) => ({
		scores: new Map<string, ScoreValue>(
			Object.entries(g).map(([a, [worth, cost]]) => [a, { worth, cost }])
		),
		dots: {}
	}));
	return {
		id,
		...base,
		axes: NYTTA_INSATS,
		status: 'revealed',
		progress: given.length,
		eligible: given.length,
		results: roundResults(base, ballots),
		previousId,
		createdAt
	};
}

describe('outcomes of the rounds, as the page shows them', () => {
	it('shows a re-scored area’s new result with the earlier medians beside it', () => {
		const first = revealed('r1', 1, [
			{ a: [5, 1], b: [1, 5] },
			{ a: [5, 1], b: [5, 1] },
			{ a: [4, 2], b: [3, 3] },
			{ a: [5, 1], b: [1, 5] }
		]);
		expect(first.results?.scores?.b?.flagged).toBe(true);
		expect(first.results?.scores?.a?.flagged).toBe(false);
		const second = revealed('r2', 2, [{ b: [4, 2] }, { b: [4, 2] }, { b: [5, 2] }], 'r1');
		const { items } = outcomes([first, second], [area('a'), area('b')], new Map(), () => 0);
		const byId = new Map(items.map((o) => [o.point.id, o]));
		expect(byId.get('a')).toMatchObject({ previous: null, point: { worth: { median: 5 } } });
		expect(byId.get('b')).toMatchObject({
			previous: { worth: 2, cost: 4 },
			point: { worth: { median: 4 }, cost: { median: 2 }, flagged: false },
			n: 3
		});
	});

	it('keeps the median when the facilitator moved the area, and marks it prioritised', () => {
		const round = revealed('r1', 1, [{ a: [2, 4] }, { a: [2, 4] }]);
		const placements = new Map<string, Placement>([
			['a', { areaId: 'a', final: { worth: 5, cost: 1 }, prioritised: true }]
		]);
		const [o] = outcomes([round], [area('a')], placements, () => 7).items;
		expect(o!.point).toMatchObject({
			worth: { median: 2 },
			cost: { median: 4 },
			final: { worth: 5, cost: 1 },
			prioritised: true,
			insights: 7
		});
	});

	it('ignores open, closed and dot rounds, and areas that no longer exist', () => {
		const round = revealed('r1', 1, [{ a: [2, 4], gone: [3, 3] }]);
		const open: Round = { ...round, id: 'r2', createdAt: 2, status: 'open', results: null };
		const { items } = outcomes([round, open], [area('a')], new Map(), () => 0);
		expect(items.map((o) => o.point.id)).toEqual(['a']);
	});
});
