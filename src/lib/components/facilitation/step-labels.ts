import { m } from '$lib/paraglide/messages';
import type { StepKind } from '$lib/workshop/records/agenda';

const kindLabels: Record<StepKind, () => string> = {
	persona: m.agenda_kind_persona,
	journey: m.agenda_kind_journey,
	clustering: m.agenda_kind_clustering,
	prioritisation: m.agenda_kind_prioritisation,
	goals: m.agenda_kind_goals,
	ideas: m.agenda_kind_ideas,
	actions: m.agenda_kind_actions,
	summary: m.agenda_kind_summary,
	break: m.agenda_kind_break,
	presentation: m.agenda_kind_presentation,
	discussion: m.agenda_kind_discussion
};

export const stepKindLabel = (kind: StepKind): string => kindLabels[kind]();

/** A step's title, or its kind's name when the facilitator left it empty. */
export const stepTitle = (step: { kind: StepKind; title: string }): string =>
	step.title.trim() || stepKindLabel(step.kind);
