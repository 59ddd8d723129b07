import { expect, test } from './fixtures';
import { NYTTA_INSATS } from '../../src/lib/workshop/analysis/axes';
import { renderMatrixSvg, type MatrixPoint } from '../../src/lib/workshop/analysis/matrix-svg';

/**
 * The matrix with 40 areas, rendered by the real browser from the same SVG string the page and
 * the report use: the labels' actual text boxes (not the layout's estimate) overlap neither
 * each other nor the quadrant names, and stay inside the picture. The screenshot is kept in
 * test-results/ for a person to look at.
 */
const NAMES = [
	'Vem ringer jag på natten',
	'Läkemedelslistan stämmer inte',
	'Hemgång utan plan',
	'Samordnad individuell plan',
	'Anhörigas roll i vården',
	'Hjälpmedel i tid',
	'Informationsöverföring',
	'Kontaktperson i kommunen'
];

function forty(): MatrixPoint[] {
	// Medians of real rounds fall on halves of the 1–5 steps, so many areas share one spot.
	return Array.from({ length: 40 }, (_, i) => {
		const worth = 1 + ((i * 7) % 9) * 0.5;
		const cost = 1 + ((i * 5) % 9) * 0.5;
		const spread = (m: number, d: number) => ({
			median: m,
			q1: Math.max(1, m - d),
			q3: Math.min(5, m + d)
		});
		return {
			id: `a${i}`,
			name: `${NAMES[i % NAMES.length]} ${i + 1}`,
			insights: i % 12,
			worth: spread(worth, 0.5),
			cost: spread(cost, 1),
			prioritised: i % 5 === 0,
			flagged: i % 7 === 0,
			final: i === 3 ? { worth: 5, cost: 1 } : null
		};
	});
}

test('40 areas: every label readable in the rendered matrix', async ({ page }) => {
	const svg = renderMatrixSvg(forty(), {
		axes: NYTTA_INSATS,
		title: 'Prioriteringsmatris: Nytta × Insats',
		idPrefix: 'm40'
	});
	await page.setViewportSize({ width: 760, height: 1100 });
	await page.setContent(
		`<!doctype html><html lang="sv"><body style="margin:8px;font-family:system-ui,sans-serif">${svg}</body></html>`
	);
	const boxes = await page.evaluate(() => {
		const box = (el: Element) => {
			const b = (el as SVGGraphicsElement).getBBox();
			return { x: b.x, y: b.y, width: b.width, height: b.height, text: el.textContent ?? '' };
		};
		const root = document.querySelector('svg')!;
		return {
			labels: [...root.querySelectorAll('text.label')].map(box),
			quadrants: [...root.querySelectorAll('text.quadrant')].map(box),
			width: root.viewBox.baseVal.width,
			height: root.viewBox.baseVal.height
		};
	});
	expect(boxes.labels).toHaveLength(40);
	const overlap = (a: (typeof boxes.labels)[0], b: (typeof boxes.labels)[0]) =>
		a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
	const clashes: string[] = [];
	for (let i = 0; i < boxes.labels.length; i++) {
		const a = boxes.labels[i]!;
		for (let j = i + 1; j < boxes.labels.length; j++) {
			if (overlap(a, boxes.labels[j]!)) clashes.push(`${a.text} × ${boxes.labels[j]!.text}`);
		}
		for (const q of boxes.quadrants) if (overlap(a, q)) clashes.push(`${a.text} × ${q.text}`);
		expect(a.x).toBeGreaterThanOrEqual(0);
		expect(a.x + a.width).toBeLessThanOrEqual(boxes.width);
		expect(a.y + a.height).toBeLessThanOrEqual(boxes.height);
	}
	expect(clashes).toEqual([]);
	const shot = test.info().outputPath('matrix-40.png');
	await page.locator('svg').screenshot({ path: shot });
	console.log(`[matrix-40] ${boxes.labels.length} labels, no overlap; screenshot ${shot}`);
});
