import type { Area } from './records/area';
import type { Idea } from './records/idea';
import type { IdeaDotResult } from './records/idea-round';
import type { Placement } from './records/placement';

/** The prioritised areas in the areas' own order (the idea generation works on these). */
export function prioritisedAreas(
	areas: readonly Area[],
	placements: ReadonlyMap<string, Placement>
): Area[] {
	return areas.filter((a) => placements.get(a.id)?.prioritised === true);
}

export interface IdeaGroup {
	/** The facilitator's label; null for the ideas in no group. */
	label: string | null;
	ideas: Idea[];
}

/**
 * Ideas as shown: ungrouped first, then each group in the order its first idea appears, ideas
 * keeping their order inside a group. Labels that differ only in case or spaces are one group.
 */
export function groupIdeas(ideas: readonly Idea[]): IdeaGroup[] {
	const ungrouped: Idea[] = [];
	const groups = new Map<string, IdeaGroup>();
	for (const idea of ideas) {
		const label = idea.group?.trim() ?? '';
		if (label === '') {
			ungrouped.push(idea);
			continue;
		}
		const key = label.toLocaleLowerCase('sv').replace(/\s+/g, ' ');
		const group = groups.get(key) ?? { label, ideas: [] };
		group.ideas.push(idea);
		groups.set(key, group);
	}
	const out = [...groups.values()];
	return ungrouped.length > 0 ? [{ label: null, ideas: ungrouped }, ...out] : out;
}

/** The labels in use, for the facilitator's group field to suggest. */
export const groupLabels = (ideas: readonly Idea[]): string[] =>
	groupIdeas(ideas).flatMap((g) => (g.label === null ? [] : [g.label]));

export interface RankedIdea {
	idea: Idea;
	result: IdeaDotResult;
}

/** A revealed dot vote's ideas, most dots first; ideas removed since are left out. */
export function rankedIdeas(
	results: readonly IdeaDotResult[],
	ideas: readonly Idea[]
): RankedIdea[] {
	const byId = new Map(ideas.map((i) => [i.id, i]));
	return [...results]
		.sort((a, b) => a.rank - b.rank || b.dots - a.dots)
		.flatMap((result) => {
			const idea = byId.get(result.ideaId);
			return idea ? [{ idea, result }] : [];
		});
}
