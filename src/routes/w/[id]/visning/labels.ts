import { m } from '$lib/paraglide/messages';
import type { Step, StepKind } from '$lib/workshop/records/agenda';

/** A step's own name when the facilitator gave it none: the page's tab name, or the free step's. */
const kindLabel: Record<StepKind, () => string> = {
	persona: m.grid_tab_persona,
	journey: m.grid_tab_journey,
	clustering: m.grid_tab_clustering,
	prioritisation: m.grid_tab_prioritisation,
	goals: m.present_kind_goals,
	ideas: m.grid_tab_ideas,
	actions: m.grid_tab_action_plan,
	summary: m.grid_tab_summary,
	break: m.present_kind_break,
	presentation: m.present_kind_presentation,
	discussion: m.present_kind_discussion
};

export const stepTitle = (step: Pick<Step, 'kind' | 'title'>): string =>
	step.title.trim() || kindLabel[step.kind]();
