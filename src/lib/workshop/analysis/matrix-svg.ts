import { goodness, QUADRANT_NAMES, quadrantOf, type Axes, type Quadrant } from './axes';
import { formatNumber } from '$lib/format/number';
import { placeLabels, type Box } from './label-placement';

/**
 * The prioriteringsmatris as one SVG string, without a DOM: the browser puts it in the page,
 * the server embeds it in the report. Both axes are turned so the good corner (high worth,
 * low cost) is top left: Snabba vinster top left, Stora satsningar top right, Kanske bottom
 * left, Tidstjuvar bottom right.
 */

export interface AxisSpread {
	median: number;
	q1: number;
	q3: number;
}

export interface MatrixPoint {
	id: string;
	name: string;
	/** How many insights the area holds; sizes the point. */
	insights: number;
	worth: AxisSpread;
	cost: AxisSpread;
	/** Where the facilitator moved the area; the median stays drawn hollow. */
	final?: { worth: number; cost: number } | null;
	prioritised?: boolean;
	flagged?: boolean;
}

export interface MatrixOptions {
	axes: Axes;
	title: string;
	/** Read by screen readers; defaults to a Swedish summary per quadrant. */
	desc?: string;
	/** Unique within the page: the ids of title and desc. */
	idPrefix?: string;
	size?: number;
	quadrantNames?: Readonly<Record<Quadrant, string>>;
	/** How the medians read in the points' titles: the page's language ("4,5" in Swedish). */
	formatNumber?: (value: number) => string;
}

const FONT = 12;
const LABEL_CHARS = 32;
const MARGIN = 48;

const escapeXml = (s: string): string =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!
	);

const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

/** A generous width estimate for a label in the sans-serif font at FONT px. */
export const labelWidth = (text: string): number => Math.ceil(text.length * FONT * 0.62) + 6;

/** The radius of a point holding `insights` insights. */
export const pointRadius = (insights: number): number =>
	Math.min(16, 4 + 2 * Math.sqrt(Math.max(0, insights)));

/** Where a point sits: its final position when moved, else its medians. */
export const positionOf = (p: MatrixPoint) =>
	p.final ?? { worth: p.worth.median, cost: p.cost.median };

export function quadrantOfPoint(axes: Axes, p: MatrixPoint): Quadrant {
	const at = positionOf(p);
	return quadrantOf(axes, at.worth, at.cost);
}

/** A Swedish summary of the matrix, quadrant by quadrant. */
export function describeMatrix(axes: Axes, points: readonly MatrixPoint[], names = QUADRANT_NAMES) {
	const parts = (Object.keys(names) as Quadrant[]).map((q) => {
		const inQ = points.filter((p) => quadrantOfPoint(axes, p) === q).map((p) => p.name);
		return `${names[q]}: ${inQ.length === 0 ? 'inga' : inQ.join(', ')}.`;
	});
	return `${axes.worth.label} uppåt, ${axes.cost.label} åt vänster är bättre. ${points.length} områden. ${parts.join(' ')}`;
}

export interface MatrixLayout {
	width: number;
	height: number;
	plot: Box;
	labels: Array<{ id: string; box: Box; leader: boolean; overflow: boolean }>;
}

/** The geometry of the matrix: plot area, point positions and label boxes. */
export function layoutMatrix(axes: Axes, points: readonly MatrixPoint[], size = 720) {
	const plot: Box = {
		x: MARGIN,
		y: MARGIN / 2,
		width: size - MARGIN * 1.5,
		height: size - MARGIN * 2
	};
	// goodness 5 at the left/top edge, 1 at the right/bottom edge.
	const x = (cost: number) => plot.x + ((5 - goodness(axes.cost, cost)) / 4) * plot.width;
	const y = (worth: number) => plot.y + ((5 - goodness(axes.worth, worth)) / 4) * plot.height;
	const quadrantBoxes = quadrantLabelBoxes(plot);
	const placed = placeLabels(
		points.map((p) => {
			const at = positionOf(p);
			const text = short(p.name);
			return {
				id: p.id,
				x: x(at.cost),
				y: y(at.worth),
				r: pointRadius(p.insights),
				width: labelWidth(text),
				height: FONT + 4
			};
		}),
		plot,
		Object.values(quadrantBoxes),
		{ overflowTop: plot.y + plot.height + 32 }
	);
	const bottom = Math.max(
		plot.y + plot.height + MARGIN * 1.5,
		...placed.map((l) => l.box.y + l.box.height + 8)
	);
	return { x, y, plot, quadrantBoxes, labels: placed, width: size, height: Math.ceil(bottom) };
}

function quadrantLabelBoxes(plot: Box): Record<Quadrant, Box> {
	const w = 130;
	const h = FONT + 6;
	const left = plot.x + 4;
	const right = plot.x + plot.width - w - 4;
	const top = plot.y + 4;
	const bottom = plot.y + plot.height - h - 4;
	return {
		'snabba-vinster': { x: left, y: top, width: w, height: h },
		'stora-satsningar': { x: right, y: top, width: w, height: h },
		kanske: { x: left, y: bottom, width: w, height: h },
		tidstjuvar: { x: right, y: bottom, width: w, height: h }
	};
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** The matrix as a standalone SVG string (role img, title and desc for screen readers). */
export function renderMatrixSvg(points: readonly MatrixPoint[], options: MatrixOptions): string {
	const { axes } = options;
	const names = options.quadrantNames ?? QUADRANT_NAMES;
	const prefix = options.idPrefix ?? 'matrix';
	const shown = options.formatNumber ?? ((v: number) => formatNumber(v, 'sv', 1));
	const L = layoutMatrix(axes, points, options.size);
	const { plot } = L;
	const midX = L.x(3);
	const midY = L.y(3);
	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${L.width} ${L.height}" width="${L.width}" height="${L.height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="system-ui, sans-serif" font-size="${FONT}">`,
		`<title id="${prefix}-title">${escapeXml(options.title)}</title>`,
		`<desc id="${prefix}-desc">${escapeXml(options.desc ?? describeMatrix(axes, points, names))}</desc>`,
		`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.width)}" height="${n(plot.height)}" fill="#ffffff" stroke="#3d3d3d"/>`,
		`<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(midX - plot.x)}" height="${n(midY - plot.y)}" fill="#e8f5e9"/>`,
		`<line x1="${n(midX)}" y1="${n(plot.y)}" x2="${n(midX)}" y2="${n(plot.y + plot.height)}" stroke="#767676" stroke-dasharray="4 3"/>`,
		`<line x1="${n(plot.x)}" y1="${n(midY)}" x2="${n(plot.x + plot.width)}" y2="${n(midY)}" stroke="#767676" stroke-dasharray="4 3"/>`
	);
	for (const [q, box] of Object.entries(L.quadrantBoxes) as Array<[Quadrant, Box]>) {
		const anchorRight = q === 'stora-satsningar' || q === 'tidstjuvar';
		const tx = anchorRight ? box.x + box.width : box.x;
		out.push(
			`<text class="quadrant" data-quadrant="${q}" x="${n(tx)}" y="${n(box.y + FONT + 2)}" text-anchor="${anchorRight ? 'end' : 'start'}" font-weight="700" fill="#1b1b1b">${escapeXml(names[q])}</text>`
		);
	}
	const cx = plot.x + plot.width / 2;
	out.push(
		`<text x="${n(cx)}" y="${n(plot.y + plot.height + 22)}" text-anchor="middle" fill="#1b1b1b">← ${escapeXml(axes.cost.label)} (${axes.cost.better === 'low' ? 'låg' : 'hög'} till vänster)</text>`,
		`<text transform="translate(16 ${n(plot.y + plot.height / 2)}) rotate(-90)" text-anchor="middle" fill="#1b1b1b">${escapeXml(axes.worth.label)} (${axes.worth.better === 'high' ? 'hög' : 'låg'} upptill) →</text>`
	);
	const labelOf = new Map(L.labels.map((l) => [l.id, l]));
	// Labels go on top of every point, spread and leader line, each on a white ground, so they
	// stay readable where another area's lines cross them.
	const texts: string[] = [];
	for (const p of points) {
		const at = positionOf(p);
		const px = L.x(at.cost);
		const py = L.y(at.worth);
		const r = pointRadius(p.insights);
		const colour = p.prioritised ? '#005a9e' : '#3d3d3d';
		const g: string[] = [
			`<g class="area" data-area="${escapeXml(p.id)}" data-quadrant="${quadrantOfPoint(axes, p)}"${p.final ? ' data-moved="true"' : ''}>`
		];
		g.push(
			`<title>${escapeXml(`${p.name}: ${axes.worth.label} ${shown(p.worth.median)}, ${axes.cost.label} ${shown(p.cost.median)}`)}</title>`
		);
		// The spread: interquartile range of each axis around the median.
		const mx = L.x(p.cost.median);
		const my = L.y(p.worth.median);
		g.push(
			`<line class="spread" x1="${n(L.x(p.cost.q1))}" y1="${n(my)}" x2="${n(L.x(p.cost.q3))}" y2="${n(my)}" stroke="#767676" stroke-width="1.5" stroke-opacity="0.8"/>`,
			`<line class="spread" x1="${n(mx)}" y1="${n(L.y(p.worth.q1))}" x2="${n(mx)}" y2="${n(L.y(p.worth.q3))}" stroke="#767676" stroke-width="1.5" stroke-opacity="0.8"/>`
		);
		if (p.final) {
			g.push(
				`<circle class="median" cx="${n(mx)}" cy="${n(my)}" r="${n(r)}" fill="none" stroke="#3d3d3d" stroke-dasharray="2 2"/>`,
				`<line x1="${n(mx)}" y1="${n(my)}" x2="${n(px)}" y2="${n(py)}" stroke="#3d3d3d" stroke-dasharray="2 2"/>`
			);
		}
		g.push(
			`<circle class="point" cx="${n(px)}" cy="${n(py)}" r="${n(r)}" fill="${colour}" fill-opacity="0.85" stroke="${p.flagged ? '#b00020' : '#ffffff'}" stroke-width="2"/>`
		);
		const label = labelOf.get(p.id);
		if (label) {
			const b = label.box;
			if (label.leader || label.overflow) {
				const lx = Math.max(b.x, Math.min(px, b.x + b.width));
				const ly = py < b.y ? b.y : b.y + b.height;
				g.push(
					`<line class="leader" x1="${n(px)}" y1="${n(py)}" x2="${n(lx)}" y2="${n(ly)}" stroke="#767676" stroke-width="1"/>`
				);
			}
			texts.push(
				`<rect class="label-bg" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="#ffffff" fill-opacity="0.85"/>`,
				`<text class="label" data-area="${escapeXml(p.id)}" x="${n(b.x + 3)}" y="${n(b.y + FONT)}" fill="#1b1b1b" stroke="#ffffff" stroke-width="3" paint-order="stroke"${p.prioritised ? ' font-weight="700"' : ''}>${escapeXml(short(p.name))}</text>`
			);
		}
		g.push('</g>');
		out.push(g.join(''));
	}
	out.push(`<g class="labels">${texts.join('')}</g>`, '</svg>');
	return out.join('\n');
}
