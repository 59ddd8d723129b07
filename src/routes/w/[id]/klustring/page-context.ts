import { getContext, setContext } from 'svelte';
import type { BoardClustering } from '$lib/realtime/managers/clustering.svelte';
import type { ClusterView } from '$lib/workshop/analysis/perspectives';
import type { Destination } from './labels';

/** What the clustering page's components share: the manager, the view and this person. */
export interface ClusterPage {
	readonly clustering: BoardClustering;
	readonly view: ClusterView;
	/** How many distinct professions the board's insights have: the "of 6" in "4 of 6". */
	readonly professionsTotal: number;
	readonly places: Destination[];
	readonly facilitator: boolean;
	/** Whether this person may move insights now. */
	readonly canMove: boolean;
	/** Insights highlighted by "Visa liknande", and the one they are like. */
	readonly similar: ReadonlySet<string>;
	readonly similarTo: string | null;
	/** The insight being dragged, if any. */
	dragging: string | null;
	/** The area being dragged to a new place among its siblings, if any. */
	draggingArea: string | null;
	eventTitle(id: string): string;
	move(insightId: string, areaId: string | null, index?: number): void;
	/** Drops `insightId` just before `targetId`, in the target's area (reordering by drag). */
	moveBefore(insightId: string, targetId: string): void;
	/** Drops area `areaId` just before its sibling `targetId` (reordering areas by drag). */
	moveAreaBefore(areaId: string, targetId: string): void;
	/** One step up (-1) or down (+1) within its area; whether it moved. */
	nudge(insightId: string, delta: -1 | 1): boolean;
	/** Highlights the insights like this one, or stops; done once they are highlighted. */
	toggleSimilar(insightId: string): Promise<void>;
	announce(message: string): void;
}

const KEY = Symbol('samskapa.clustering');

export const setClusterPage = (page: ClusterPage) => setContext(KEY, page);

export function getClusterPage(): ClusterPage {
	const page = getContext<ClusterPage | undefined>(KEY);
	if (!page) throw new Error('getClusterPage() outside the clustering page');
	return page;
}
