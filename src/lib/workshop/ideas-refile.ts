import type { Idea } from './records/idea';

export interface Refile {
	/** Back into the member's private document: their area's silent round is still open. */
	toPrivate: Idea[];
	/** Into the board: the round was revealed (or ended) while the idea was on its way. */
	toBoard: Idea[];
}

/**
 * Where a member's ideas go again after the server refused a write to their private document
 * (typically an idea typed just as the facilitator revealed the round): every idea this
 * browser held that neither the server's private copy nor the board has is written anew,
 * where it may be written now, so nothing typed is lost. The reveal keeps ids, so an idea the
 * server did take is recognised in the board.
 */
export function refileIdeas(
	held: readonly Idea[],
	serverPrivateIds: Iterable<string>,
	boardIds: Iterable<string>,
	silentOpen: (areaId: string) => boolean
): Refile {
	const taken = new Set([...serverPrivateIds, ...boardIds]);
	const out: Refile = { toPrivate: [], toBoard: [] };
	for (const idea of held) {
		if (taken.has(idea.id)) continue;
		(silentOpen(idea.areaId) ? out.toPrivate : out.toBoard).push(idea);
	}
	return out;
}
