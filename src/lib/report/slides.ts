/**
 * How much text fits on a slide, estimated without a renderer: the PowerPoint deck continues a
 * long table or list on further slides instead of running past the slide's edge or cutting it
 * to "… och 47 till". The estimate is deliberately generous (wide characters, full line
 * height), so a page holds a little less than it could rather than more.
 */

/** Average glyph width as a share of the font size; Calibri's is about 0.5, wide text more. */
const CHAR_EM = 0.55;
const LINE = 1.2;
const PT_PER_IN = 72;

/** Lines a text takes in a box `widthIn` inches wide at `fontPt`, words never split. */
export function estimateLines(text: string, widthIn: number, fontPt: number): number {
	const perLine = Math.max(1, Math.floor((widthIn * PT_PER_IN) / (fontPt * CHAR_EM)));
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		let used = 0;
		let count = 1;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			// A word longer than a line wraps over as many lines as it needs.
			const len = word.length;
			if (used === 0) {
				count += Math.floor(Math.max(0, len - 1) / perLine);
				used = len % perLine || perLine;
			} else if (used + 1 + len <= perLine) {
				used += 1 + len;
			} else {
				count += 1 + Math.floor(Math.max(0, len - 1) / perLine);
				used = len % perLine || perLine;
			}
		}
		lines += count;
	}
	return lines;
}

/** Inches a text takes at `fontPt`, with `paddingIn` above and below. */
export function textHeight(text: string, widthIn: number, fontPt: number, paddingIn = 0): number {
	return (estimateLines(text, widthIn, fontPt) * fontPt * LINE) / PT_PER_IN + 2 * paddingIn;
}

/** Cell margin on every side, in inches: the renderer sets the same on its tables. */
export const CELL_MARGIN_IN = 0.06;

/** The height of a table row whose cells have these texts and column widths. */
export function rowHeight(cells: readonly string[], colW: readonly number[], fontPt: number) {
	return Math.max(
		...cells.map((text, i) =>
			textHeight(text || ' ', (colW[i] ?? 1) - 2 * CELL_MARGIN_IN, fontPt, CELL_MARGIN_IN)
		)
	);
}

/**
 * Splits items of the given heights into pages of at most `available` inches each (the first
 * page may have less, `firstAvailable`), in order, as evenly as that many pages allow: a list
 * that needs two slides gets two half-full ones, not a full one and a remnant. An item taller
 * than a page gets a page of its own (a renderer then shrinks its text).
 */
export function paginate(
	heights: readonly number[],
	available: number,
	firstAvailable = available
): number[][] {
	const pages = fill(heights, available, firstAvailable);
	if (pages.length < 2) return pages;
	let [low, high] = [0, available];
	for (let step = 0; step < 24; step++) {
		const mid = (low + high) / 2;
		if (fill(heights, mid, Math.min(firstAvailable, mid)).length <= pages.length) high = mid;
		else low = mid;
	}
	return fill(heights, high, Math.min(firstAvailable, high));
}

function fill(heights: readonly number[], available: number, firstAvailable: number): number[][] {
	const pages: number[][] = [];
	let page: number[] = [];
	let used = 0;
	let room = firstAvailable;
	heights.forEach((h, i) => {
		if (page.length > 0 && used + h > room) {
			pages.push(page);
			page = [];
			used = 0;
			room = available;
		}
		page.push(i);
		used += h;
	});
	if (page.length > 0) pages.push(page);
	return pages;
}

/**
 * Pages of a table: each holds the header row and as many body rows as fit in `available`
 * inches; `heights` are the estimated rows, `rowH` the heights to write so the file says what
 * was planned.
 */
export function paginateTable(
	head: readonly string[],
	rows: readonly string[][],
	colW: readonly number[],
	fontPt: number,
	available: number
): Array<{ rows: number[]; rowH: number[] }> {
	const headH = rowHeight(head, colW, fontPt);
	const heights = rows.map((r) => rowHeight(r, colW, fontPt));
	return paginate(heights, available - headH).map((indexes) => ({
		rows: indexes,
		rowH: [headH, ...indexes.map((i) => heights[i]!)]
	}));
}

/** Pages of a bullet list in a box `widthIn` × `heightIn` at `fontPt`. */
export function paginateBullets(
	items: readonly string[],
	widthIn: number,
	heightIn: number,
	fontPt: number,
	/** Space after each paragraph, in points. */
	afterPt = 6
): string[][] {
	// The bullet's indent takes about half an inch of the line.
	const heights = items.map(
		(text) => textHeight(text, widthIn - 0.5, fontPt) + afterPt / PT_PER_IN
	);
	return paginate(heights, heightIn).map((page) => page.map((i) => items[i]!));
}
