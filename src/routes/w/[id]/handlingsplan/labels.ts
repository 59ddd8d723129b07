import { m } from '$lib/paraglide/messages';
import type { ActionStatus, ActionTextField } from '$lib/workshop/records/action';

/** The plan's text columns in the seeds' order, with their headings. */
export const textColumns: readonly { field: ActionTextField; label: () => string }[] = [
	{ field: 'step', label: m.plan_col_step },
	{ field: 'current', label: m.plan_col_current },
	{ field: 'desired', label: m.plan_col_desired },
	{ field: 'proposal', label: m.plan_col_proposal },
	{ field: 'plan', label: m.plan_col_plan }
];

export const statusLabel: Record<ActionStatus, () => string> = {
	planerad: m.plan_status_planerad,
	pagar: m.plan_status_pagar,
	genomford: m.plan_status_genomford
};

/** The follow-up's group headings, as the seed reports name them. */
export const groupLabel: Record<ActionStatus, () => string> = {
	planerad: m.plan_group_planerad,
	pagar: m.plan_group_pagar,
	genomford: m.plan_group_genomford
};
