import { canvasShapeText, type CanvasRecord } from '$lib/workshop/records/canvas-shape';

/**
 * An area's canvas for the Word and PowerPoint reports, drawn without a browser: stickies,
 * rectangles, ellipses and text from their position, size and words, as one SVG string the
 * server rasterises (canvas-png.ts). Pen strokes, lines, arrows and highlights are not drawn
 * (tldraw computes their paths in the browser); the report says how many were left out, and
 * every word on the canvas is in its list.
 */
export interface CanvasFigure {
	kind: 'note' | 'rect' | 'ellipse' | 'text';
	x: number;
	y: number;
	w: number;
	h: number;
	text: string;
	fill: string;
}

export interface ReportCanvas {
	figures: CanvasFigure[];
	/** Every text on the canvas, in drawing order (what the report lists). */
	texts: string[];
	/** Shapes the picture cannot draw (pen strokes, lines, arrows, highlights). */
	unshown: number;
}

/** tldraw's colour names, as light fills a sticky's black text reads well on. */
const FILLS: Record<string, string> = {
	yellow: '#fde68a',
	orange: '#fed7aa',
	red: '#fecaca',
	'light-red': '#fee2e2',
	green: '#bbf7d0',
	'light-green': '#dcfce7',
	blue: '#bfdbfe',
	'light-blue': '#dbeafe',
	violet: '#ddd6fe',
	'light-violet': '#ede9fe',
	grey: '#e5e7eb',
	black: '#e5e7eb',
	white: '#ffffff'
};

const num = (value: unknown, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

/** The figures and texts of an area's canvas; `t` masks text as the rest of the report does. */
export function canvasFigures(
	records: readonly CanvasRecord[],
	t: (text: string) => string
): ReportCanvas {
	const figures: CanvasFigure[] = [];
	const texts: string[] = [];
	let unshown = 0;
	const ordered = [...records].sort((a, b) => (a.shape.index < b.shape.index ? -1 : 1));
	for (const { shape } of ordered) {
		const raw = canvasShapeText(shape);
		const text = raw === '' ? '' : t(raw);
		if (text !== '') texts.push(text);
		const props = shape.props;
		const scale = num(props.scale, 1);
		const at = { x: shape.x, y: shape.y };
		if (shape.type === 'note') {
			const size = 200 * scale;
			figures.push({
				kind: 'note',
				...at,
				w: size,
				h: size + num(props.growY, 0) * scale,
				text,
				fill: FILLS[String(props.color)] ?? FILLS.yellow!
			});
		} else if (shape.type === 'geo') {
			const kind = props.geo === 'ellipse' || props.geo === 'oval' ? 'ellipse' : 'rect';
			figures.push({ kind, ...at, w: num(props.w, 100), h: num(props.h, 100), text, fill: 'none' });
		} else if (shape.type === 'text') {
			const lines = Math.max(1, text.split('\n').length);
			figures.push({
				kind: 'text',
				...at,
				w: num(props.w, 200) * scale,
				h: 30 * lines,
				text,
				fill: 'none'
			});
		} else {
			unshown++;
		}
	}
	return { figures, texts, unshown };
}

const escapeXml = (s: string): string =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words broken into lines of at most `max` characters. */
function wrap(text: string, max: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const next = line === '' ? word : `${line} ${word}`;
			if (next.length <= max) line = next;
			else {
				if (line !== '') lines.push(line);
				line = word.length > max ? `${word.slice(0, max - 1)}…` : word;
			}
		}
		lines.push(line);
	}
	return lines;
}

const FONT_SIZE = 20;
const MARGIN = 20;

/** The canvas as an SVG fitted around its figures; null when there is nothing to draw. */
export function renderCanvasSvg(
	canvas: ReportCanvas,
	options: { title: string; fontFamily: string }
): string | null {
	if (canvas.figures.length === 0) return null;
	const left = Math.min(...canvas.figures.map((f) => f.x)) - MARGIN;
	const top = Math.min(...canvas.figures.map((f) => f.y)) - MARGIN;
	const right = Math.max(...canvas.figures.map((f) => f.x + f.w)) + MARGIN;
	const bottom = Math.max(...canvas.figures.map((f) => f.y + f.h)) + MARGIN;
	const width = Math.round(right - left);
	const height = Math.round(bottom - top);
	const parts: string[] = [];
	for (const f of canvas.figures) {
		const x = f.x - left;
		const y = f.y - top;
		if (f.kind === 'note') {
			parts.push(
				`<rect x="${x}" y="${y}" width="${f.w}" height="${f.h}" rx="4" fill="${f.fill}" stroke="#b45309" stroke-width="1"/>`
			);
		} else if (f.kind === 'rect') {
			parts.push(
				`<rect x="${x}" y="${y}" width="${f.w}" height="${f.h}" rx="6" fill="none" stroke="#1f2937" stroke-width="3"/>`
			);
		} else if (f.kind === 'ellipse') {
			parts.push(
				`<ellipse cx="${x + f.w / 2}" cy="${y + f.h / 2}" rx="${f.w / 2}" ry="${f.h / 2}" fill="none" stroke="#1f2937" stroke-width="3"/>`
			);
		}
		if (f.text === '') continue;
		const perLine = Math.max(4, Math.floor((f.w - 16) / (FONT_SIZE * 0.55)));
		const fit = Math.max(1, Math.floor((f.h - 16) / (FONT_SIZE * 1.25)));
		const all = wrap(f.text, perLine);
		const lines = all.length > fit ? [...all.slice(0, fit - 1), `${all[fit - 1]}…`] : all;
		const lineHeight = FONT_SIZE * 1.25;
		const first = y + f.h / 2 - ((lines.length - 1) * lineHeight) / 2;
		const anchor = f.kind === 'text' ? 'start' : 'middle';
		const tx = f.kind === 'text' ? x : x + f.w / 2;
		parts.push(
			`<text x="${tx}" y="${first}" font-size="${FONT_SIZE}" text-anchor="${anchor}" dominant-baseline="middle" fill="#111827">${lines
				.map(
					(line, i) => `<tspan x="${tx}" y="${first + i * lineHeight}">${escapeXml(line)}</tspan>`
				)
				.join('')}</text>`
		);
	}
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(options.fontFamily)}" role="img">`,
		`<title>${escapeXml(options.title)}</title>`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		...parts,
		'</svg>'
	].join('');
}
