import type { BoardFile } from './workshop-json';

/**
 * What a new workshop in a series takes from the previous one, pure: the facilitator ticks
 * what to carry (areas, prioritisation, målbilder, action plan), and gets the previous board's
 * records of those kinds with a provenance entry each (records/carried.ts). The caller gives
 * the result fresh ids (workshop-import.ts remapBoard) and writes it as the new board's
 * first records. Whatever refers to an area brings that area along, so a målbild or an action
 * never points at an area the new board lacks.
 */

export const carryKinds = ['areas', 'prioritised', 'goals', 'actions'] as const;
export type CarryKind = (typeof carryKinds)[number];

export interface CarrySource {
	title: string;
	position: number;
	date: string | null;
}

type Row = Record<string, unknown> & { id: string };

const rows = (board: BoardFile, root: string): Row[] =>
	Array.isArray(board[root]) ? (board[root] as Row[]) : [];

/** The records to carry, still under the previous board's ids; empty when nothing is ticked. */
export function carryBoard(
	board: BoardFile,
	carry: ReadonlySet<CarryKind>,
	from: CarrySource
): BoardFile {
	const areas = rows(board, 'areas');
	const placements = rows(board, 'placements');
	const prioritised = new Set(placements.filter((p) => p.prioritised === true).map((p) => p.id));
	const goals = rows(board, 'goals');
	const actions = rows(board, 'actions');

	const wanted = new Set<string>();
	if (carry.has('areas')) for (const a of areas) wanted.add(a.id);
	if (carry.has('prioritised')) for (const id of prioritised) wanted.add(id);
	const carriedGoals = carry.has('goals') ? goals.filter((g) => prioritised.has(g.id)) : [];
	for (const g of carriedGoals) wanted.add(g.id);
	const carriedActions = carry.has('actions') ? actions : [];
	for (const a of carriedActions) wanted.add(a.areaId as string);
	// A sub-area brings its parent, so the tree stays whole.
	const byId = new Map(areas.map((a) => [a.id, a]));
	for (const id of [...wanted]) {
		const parent = byId.get(id)?.parentId;
		if (typeof parent === 'string' && byId.has(parent)) wanted.add(parent);
	}
	const carriedAreas = areas.filter((a) => wanted.has(a.id));
	if (carriedAreas.length === 0) return {};

	const provenance = (kind: 'area' | 'action') => (id: string) => ({
		id,
		kind,
		workshop: from.title,
		position: from.position,
		date: from.date
	});
	const out: BoardFile = {
		areas: carriedAreas,
		carried: [
			...carriedAreas.map((a) => provenance('area')(a.id)),
			...carriedActions.map((a) => provenance('action')(a.id))
		]
	};
	if (carry.has('prioritised')) {
		out.placements = placements
			.filter((p) => wanted.has(p.id))
			.map((p) => ({ id: p.id, final: null, prioritised: p.prioritised === true }));
	}
	if (carriedGoals.length > 0) out.goals = carriedGoals;
	// An action's idea stays behind with the previous workshop's ideas.
	if (carriedActions.length > 0) out.actions = carriedActions.map((a) => ({ ...a, ideaId: null }));
	return out;
}
