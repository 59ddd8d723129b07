import { renderCanvasSvg, type ReportCanvas } from '$lib/report/canvas-svg';
import { REPORT_FONT_FAMILY, renderSvgPng, type MatrixPng } from './matrix-png';

/** A picture of a canvas as large as this many pixels across, at most (its own size when less). */
const WIDTH_MAX = 1600;

/** An area's canvas as a PNG for Word and PowerPoint; null when nothing on it can be drawn. */
export function canvasPng(canvas: ReportCanvas, title: string): MatrixPng | null {
	const svg = renderCanvasSvg(canvas, { title, fontFamily: REPORT_FONT_FAMILY });
	if (svg === null) return null;
	const width = Number(/width="(\d+)"/.exec(svg)?.[1] ?? WIDTH_MAX);
	return renderSvgPng(svg, Math.min(1.5, WIDTH_MAX / width));
}

/** What the report says about shapes its picture leaves out. */
export const canvasUnshown = (count: number) =>
	count === 1
		? '1 penndrag, linje eller pil på canvasen visas inte i bilden.'
		: `${count} penndrag, linjer eller pilar på canvasen visas inte i bilden.`;
