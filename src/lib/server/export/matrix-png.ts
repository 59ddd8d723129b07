import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { renderMatrixSvg } from '$lib/workshop/analysis/matrix-svg';
import type { ReportMatrix } from '$lib/report/model';

/**
 * The prioriteringsmatris as a PNG for Word and PowerPoint, drawn from the very SVG the app
 * shows (matrix-svg.ts) by resvg. resvg draws text only with a TTF/OTF it is given (woff does
 * not work, and a server may have no fonts at all), so a bundled DejaVu Sans (å ä ö, →, …) is
 * the only font it may use: the image looks the same on every server.
 */

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const FAMILY = 'DejaVu Sans';

/** The bundled fonts: next to this module in the source tree, from the app's root when built. */
function fontFiles(): string[] {
	const candidates = [
		fileURLToPath(new URL('../fonts/', import.meta.url)),
		resolve(process.cwd(), 'src/lib/server/fonts/')
	];
	for (const dir of candidates) {
		const files = FONT_FILES.map((f) => resolve(dir, f));
		if (files.every((f) => existsSync(f))) return files;
	}
	throw new Error('bundled font DejaVuSans.ttf not found (src/lib/server/fonts)');
}

let fonts: string[] | null = null;

/** Any SVG the server draws for a report (the matrix, a canvas) as a PNG, with the bundled font. */
export function renderSvgPng(svg: string, scale: number): MatrixPng {
	fonts ??= fontFiles();
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		background: '#ffffff',
		font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: FAMILY }
	});
	const image = resvg.render();
	return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}

/** The family name of the bundled font, for SVGs drawn for the server. */
export const REPORT_FONT_FAMILY = FAMILY;

export interface MatrixPng {
	png: Uint8Array;
	width: number;
	height: number;
}

/**
 * The matrix of a report as a PNG at `scale` × the SVG's size. 1.5 (1080 px) prints at about
 * 180 dpi across an A4 page; 2 took twice as long to rasterise and encode for no visible gain.
 */
export function renderMatrixPng(matrix: ReportMatrix, title: string, scale = 1.5): MatrixPng {
	fonts ??= fontFiles();
	const svg = renderMatrixSvg(matrix.points, { axes: matrix.axes, title })
		// The app's font stack names system fonts; on the server only the bundled one exists.
		.replace('font-family="system-ui, sans-serif"', `font-family="${FAMILY}"`);
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		background: '#ffffff',
		font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: FAMILY }
	});
	const image = resvg.render();
	const png = image.asPng();
	return { png: new Uint8Array(png), width: image.width, height: image.height };
}
