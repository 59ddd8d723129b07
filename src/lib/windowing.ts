/**
 * Long lists rendered a page at a time, the next page on request ("Visa fler"), so a
 * 2,000-note board renders what fits a screen or two instead of every note, while a
 * keyboard or a screen reader still reaches every one: the request is an ordinary button, and
 * after it focus moves to the first item it brought in (firstRevealed), not to the page.
 * (Chosen over a scroll-driven virtual list: notes have any height, a cell grows with its
 * notes, and a screen reader's reading cursor does not scroll a virtual list.)
 */

/**
 * Which end of the list stays in view: `start` for a newest-first list that grows downwards
 * (more below), `end` for an oldest-first list whose newest are at the bottom (older above).
 */
export type KeptEnd = 'start' | 'end';

export interface Slice {
	/** First index rendered. */
	start: number;
	/** One past the last index rendered. */
	end: number;
	/** Items not rendered. */
	hidden: number;
	/** How many the next request adds. */
	next: number;
}

/** The part of a list of `total` items rendered while `shown` are asked for. */
export function pageSlice(total: number, shown: number, page: number, kept: KeptEnd): Slice {
	const count = Math.max(0, Math.min(total, Math.floor(shown)));
	const hidden = total - count;
	const next = Math.min(page, hidden);
	return kept === 'start'
		? { start: 0, end: count, hidden, next }
		: { start: total - count, end: total, hidden, next };
}

/**
 * The index (in the whole list) of the first item that going from `before` to `after` shown
 * items brought in, top to bottom: where focus goes after "Visa fler". Null when none came in.
 */
export function firstRevealed(
	total: number,
	before: number,
	after: number,
	kept: KeptEnd
): number | null {
	const was = pageSlice(total, before, 0, kept);
	const now = pageSlice(total, after, 0, kept);
	if (now.end - now.start <= was.end - was.start) return null;
	return kept === 'start' ? was.end : now.start;
}
