/**
 * Dot voting (prickröstning): each person has N dots to spread over the round's areas, at most
 * M on one area. Votes are counted, ranked, and hidden until revealed like scores.
 */

/** About a third of the areas, at least one. */
export const defaultDots = (areaCount: number): number => Math.max(1, Math.round(areaCount / 3));

export interface DotLimits {
	/** Dots per person. */
	perPerson: number;
	/** At most this many dots on one area. */
	perArea: number;
}

export const defaultDotLimits = (areaCount: number): DotLimits => {
	const perPerson = defaultDots(areaCount);
	return { perPerson, perArea: Math.min(perPerson, 3) };
};

/** Why an allocation of dots breaks the round's limits, or null when it keeps them. */
export function dotProblem(
	dots: Readonly<Record<string, number>>,
	areaIds: readonly string[],
	limits: DotLimits
): string | null {
	let total = 0;
	for (const [areaId, count] of Object.entries(dots)) {
		if (!areaIds.includes(areaId)) return `area ${areaId} is not in this round`;
		if (!Number.isInteger(count) || count < 0) return `dots on ${areaId} must be a whole number`;
		if (count > limits.perArea) return `at most ${limits.perArea} dots on one area`;
		total += count;
	}
	return total > limits.perPerson ? `at most ${limits.perPerson} dots in all` : null;
}

/** Dots a person may still place on an area, given what they placed so far. */
export function dotsLeft(
	dots: Readonly<Record<string, number>>,
	areaId: string,
	limits: DotLimits
): number {
	const total = Object.values(dots).reduce((a, b) => a + b, 0);
	const here = dots[areaId] ?? 0;
	return Math.max(0, Math.min(limits.perPerson - total, limits.perArea - here));
}

export interface DotTally {
	areaId: string;
	dots: number;
	/** How many people put at least one dot here. */
	voters: number;
	/** 1-based; equal counts share a rank. */
	rank: number;
}

/** Counts everyone's valid allocations per area, most dots first; ties share a rank. */
export function tallyDots(
	allocations: ReadonlyArray<Readonly<Record<string, number>>>,
	areaIds: readonly string[],
	limits: DotLimits
): DotTally[] {
	const tally = new Map(areaIds.map((id) => [id, { dots: 0, voters: 0 }]));
	for (const dots of allocations) {
		if (dotProblem(dots, areaIds, limits) !== null) continue;
		for (const [areaId, count] of Object.entries(dots)) {
			const entry = tally.get(areaId);
			if (!entry || count === 0) continue;
			entry.dots += count;
			entry.voters += 1;
		}
	}
	const sorted = [...tally].sort((a, b) => b[1].dots - a[1].dots);
	return sorted.map(([areaId, t]) => ({
		areaId,
		...t,
		rank: 1 + sorted.filter(([, o]) => o.dots > t.dots).length
	}));
}
