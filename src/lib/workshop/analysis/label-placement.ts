/**
 * Greedy label placement for the matrix: each label takes the nearest free spot around its
 * point (rings of candidates, growing outward); a label placed away from its point gets a
 * leader line. Labels that find no spot inside the plot go to a numbered list below it, so
 * no two labels ever overlap, however many areas share one median.
 */

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LabelRequest {
	id: string;
	/** The point's centre and radius. */
	x: number;
	y: number;
	r: number;
	width: number;
	height: number;
}

export interface PlacedLabel {
	id: string;
	box: Box;
	/** Whether a leader line joins the label to its point. */
	leader: boolean;
	/** True when the label went to the list below the plot. */
	overflow: boolean;
}

export const overlaps = (a: Box, b: Box, gap = 0): boolean =>
	a.x < b.x + b.width + gap &&
	b.x < a.x + a.width + gap &&
	a.y < b.y + b.height + gap &&
	b.y < a.y + a.height + gap;

const inside = (box: Box, bounds: Box): boolean =>
	box.x >= bounds.x &&
	box.y >= bounds.y &&
	box.x + box.width <= bounds.x + bounds.width &&
	box.y + box.height <= bounds.y + bounds.height;

/** Candidate boxes around a point, nearest first: right, left, above, below, then diagonals. */
function* candidates(label: LabelRequest, step: number, rings: number): Generator<Box> {
	const { x, y, r, width: w, height: h } = label;
	for (let ring = 0; ring < rings; ring++) {
		const d = r + 3 + ring * step;
		const spots: Array<[number, number]> = [
			[x + d, y - h / 2],
			[x - d - w, y - h / 2],
			[x - w / 2, y - d - h],
			[x - w / 2, y + d],
			[x + d * 0.7, y - d * 0.7 - h],
			[x - d * 0.7 - w, y - d * 0.7 - h],
			[x + d * 0.7, y + d * 0.7],
			[x - d * 0.7 - w, y + d * 0.7]
		];
		for (const [bx, by] of spots) yield { x: bx, y: by, width: w, height: h };
		if (ring > 0) {
			// Between the compass points, slide along the ring's sides.
			for (let t = -2; t <= 2; t++) {
				if (t === 0) continue;
				const shift = t * h * 1.2;
				yield { x: x + d, y: y - h / 2 + shift, width: w, height: h };
				yield { x: x - d - w, y: y - h / 2 + shift, width: w, height: h };
			}
		}
	}
}

/**
 * Places every label without overlap: against each other, the points and the `obstacles`
 * (quadrant names), inside `bounds`. Points nearest the centre of crowding go first.
 */
export function placeLabels(
	labels: readonly LabelRequest[],
	bounds: Box,
	obstacles: readonly Box[] = [],
	options: { step?: number; rings?: number; gap?: number; overflowTop?: number } = {}
): PlacedLabel[] {
	const step = options.step ?? 8;
	const rings = options.rings ?? 24;
	const gap = options.gap ?? 1;
	const taken: Box[] = [...obstacles];
	const dots = labels.map((l) => ({ x: l.x - l.r, y: l.y - l.r, width: 2 * l.r, height: 2 * l.r }));
	const placed: PlacedLabel[] = [];
	const overflow: LabelRequest[] = [];
	const order = [...labels].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
	for (const label of order) {
		let chosen: Box | null = null;
		let index = 0;
		for (const box of candidates(label, step, rings)) {
			index += 1;
			if (!inside(box, bounds)) continue;
			if (taken.some((t) => overlaps(box, t, gap))) continue;
			if (dots.some((d) => overlaps(box, d))) continue;
			chosen = box;
			break;
		}
		if (!chosen) {
			overflow.push(label);
			continue;
		}
		taken.push(chosen);
		placed.push({ id: label.id, box: chosen, leader: index > 8, overflow: false });
	}
	let y = options.overflowTop ?? bounds.y + bounds.height + 8;
	for (const label of overflow) {
		placed.push({
			id: label.id,
			box: { x: bounds.x, y, width: label.width, height: label.height },
			leader: false,
			overflow: true
		});
		y += label.height + gap + 2;
	}
	return placed;
}
