import { describe, expect, it } from 'vitest';
import { INNOVATIONSGUIDEN, NYTTA_INSATS } from './axes';
import { overlaps } from './label-placement';
import { layoutMatrix, renderMatrixSvg, type MatrixPoint } from './matrix-svg';

const spread = (median: number, q1 = median, q3 = median) => ({ median, q1, q3 });

const point = (
	id: string,
	name: string,
	worth: number,
	cost: number,
	insights = 3
): MatrixPoint => ({
	id,
	name,
	insights,
	worth: spread(worth, Math.max(1, worth - 0.5), Math.min(5, worth + 0.5)),
	cost: spread(cost, Math.max(1, cost - 1), Math.min(5, cost + 1))
});

/** 40 areas crowded onto few medians, as a real round gives them (steps of 0.5). */
function forty(): MatrixPoint[] {
	const names = [
		'Vem ringer jag på natten',
		'Läkemedelslistan stämmer inte',
		'Hemgång utan plan',
		'Samordnad individuell plan',
		'Anhörigas roll'
	];
	return Array.from({ length: 40 }, (_, i) =>
		point(
			`a${i}`,
			`${names[i % names.length]} ${i + 1}`,
			1 + ((i * 7) % 9) * 0.5,
			1 + ((i * 5) % 9) * 0.5,
			i % 12
		)
	);
}

describe('matrix SVG', () => {
	it('names the four quadrants and has a title and a description', () => {
		const svg = renderMatrixSvg([], {
			axes: NYTTA_INSATS,
			title: 'Prioriteringsmatris',
			idPrefix: 'm1'
		});
		for (const name of ['Snabba vinster', 'Stora satsningar', 'Kanske', 'Tidstjuvar']) {
			expect(svg).toContain(`>${name}</text>`);
		}
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-labelledby="m1-title m1-desc"');
		expect(svg).toContain('<title id="m1-title">Prioriteringsmatris</title>');
		expect(svg).toMatch(/<desc id="m1-desc">Nytta uppåt.*0 områden/);
	});

	it('puts the good corner top left under both presets', () => {
		const quick = point('q', 'Snabb', 5, 1);
		const nytta = layoutMatrix(NYTTA_INSATS, [quick]);
		expect(nytta.x(1)).toBe(nytta.plot.x);
		expect(nytta.y(5)).toBe(nytta.plot.y);
		const ig = layoutMatrix(INNOVATIONSGUIDEN, [quick]);
		// High genomförbarhet is good: 5 sits at the left edge.
		expect(ig.x(5)).toBe(ig.plot.x);
		expect(ig.x(1)).toBe(ig.plot.x + ig.plot.width);
	});

	it('draws each area as a labelled point in its quadrant, sized by insights, with its spread', () => {
		const svg = renderMatrixSvg(
			[point('a', 'Vem ringer jag', 4.5, 1.5, 9), point('b', 'Läkemedel & listor', 2, 4, 0)],
			{ axes: NYTTA_INSATS, title: 'M' }
		);
		expect(svg).toMatch(/data-area="a" data-quadrant="snabba-vinster"/);
		expect(svg).toMatch(/data-area="b" data-quadrant="tidstjuvar"/);
		expect(svg).toContain('>Vem ringer jag</text>');
		expect(svg).toContain('>Läkemedel &amp; listor</text>');
		expect(svg.match(/class="spread"/g)).toHaveLength(4);
		const radii = [...svg.matchAll(/class="point"[^>]* r="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(radii[0]!).toBeGreaterThan(radii[1]!);
	});

	it('keeps the median visible when the facilitator moved an area', () => {
		const moved = { ...point('a', 'Flyttad', 2, 4), final: { worth: 5, cost: 1 } };
		const svg = renderMatrixSvg([moved], { axes: NYTTA_INSATS, title: 'M' });
		expect(svg).toMatch(/data-quadrant="snabba-vinster" data-moved="true"/);
		expect(svg).toContain('class="median"');
	});

	it('places 40 labels of which no two overlap, nor a quadrant name', () => {
		const points = forty();
		const layout = layoutMatrix(NYTTA_INSATS, points);
		expect(layout.labels).toHaveLength(40);
		const boxes = layout.labels.map((l) => l.box);
		const names = Object.values(layout.quadrantBoxes);
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
			for (const q of names) expect(overlaps(boxes[i]!, q)).toBe(false);
		}
		const svg = renderMatrixSvg(points, { axes: NYTTA_INSATS, title: 'M' });
		expect(svg.match(/class="label"/g)).toHaveLength(40);
		expect(layout.height).toBeGreaterThanOrEqual(720 - 1);
	});

	it('keeps 40 areas on one median readable too (overflow below the plot)', () => {
		const points = Array.from({ length: 40 }, (_, i) =>
			point(`s${i}`, `Område nummer ${i + 1}`, 3, 3)
		);
		const layout = layoutMatrix(NYTTA_INSATS, points);
		const boxes = layout.labels.map((l) => l.box);
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
		}
		expect(Math.max(...boxes.map((b) => b.y + b.height))).toBeLessThanOrEqual(layout.height);
	});
});
