import type { Action, ActionStatus } from './records/action';
import type { Area } from './records/area';
import { orderAt } from './records/order-keys';
import type { Placement } from './records/placement';

/** The prioritised areas, in the areas' own order: the ones that get an action plan. */
export function prioritisedAreas(
	areas: readonly Area[],
	placements: ReadonlyMap<string, Placement>
): Area[] {
	return areas.filter((area) => placements.get(area.id)?.prioritised === true);
}

/**
 * The follow-up's groups in the order the seed reports hand them over: "Genomfört och
 * fortgår" first, then "Pågår", then what is still planned.
 */
export const followUpStatuses: readonly ActionStatus[] = ['genomford', 'pagar', 'planerad'];

export type StatusFilter = ActionStatus | 'all';

export interface FollowUpGroup {
	status: ActionStatus;
	actions: Action[];
}

/**
 * Every action grouped by status (only one status when filtered); within a group by area, in
 * `areaOrder` (areas not in it last), then in plan order. Empty groups are kept so the view
 * can say that nothing has that status yet.
 */
export function followUp(
	actions: readonly Action[],
	areaOrder: readonly string[],
	filter: StatusFilter = 'all'
): FollowUpGroup[] {
	const rank = new Map(areaOrder.map((id, i) => [id, i]));
	const place = (a: Action) => rank.get(a.areaId) ?? areaOrder.length;
	const sorted = [...actions].sort(
		(a, b) =>
			place(a) - place(b) || (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1)
	);
	return followUpStatuses
		.filter((status) => filter === 'all' || status === filter)
		.map((status) => ({ status, actions: sorted.filter((a) => a.status === status) }));
}

/** True when an action not yet done is past its date (`today` as YYYY-MM-DD). */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, today: string): boolean {
	return action.status !== 'genomford' && action.due !== null && action.due < today;
}

/** Today's date in this browser's time zone, as <input type="date"> writes it. */
export function localToday(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The order key that moves `id` by `delta` places among `list` (sorted, as listActions gives
 * it); null when it is already at that end or not in the list.
 */
export function movedOrder(
	list: readonly { id: string; order: string }[],
	id: string,
	delta: number
): string | null {
	const from = list.findIndex((item) => item.id === id);
	const to = from + delta;
	if (from < 0 || delta === 0 || to < 0 || to >= list.length) return null;
	const rest = list.filter((item) => item.id !== id).map((item) => item.order);
	return orderAt(rest, to);
}

/** Items by id, for looking up an action's idea or area. */
export function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}
