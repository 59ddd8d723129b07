import { describe, expect, it } from 'vitest';
import {
	richTextOf,
	type CanvasRecord,
	type CanvasShape
} from '$lib/workshop/records/canvas-shape';
import { canvasFigures, renderCanvasSvg } from './canvas-svg';

const record = (key: string, shape: Partial<CanvasShape>): CanvasRecord => ({
	key,
	areaId: 'a1',
	authorId: 'm1',
	authorName: 'Pia',
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	shape: {
		type: 'note',
		x: 0,
		y: 0,
		rotation: 0,
		index: key,
		isLocked: false,
		opacity: 1,
		props: {},
		...shape
	}
});

describe('the canvas in the reports', () => {
	const records = [
		record('a1', { props: { color: 'blue', richText: richTextOf('Ring <direkt> & svara') } }),
		record('a2', { type: 'geo', x: 300, y: 50, props: { geo: 'ellipse', w: 120, h: 80 } }),
		record('a3', { type: 'draw', x: 10, props: { segments: [] } }),
		record('a4', { type: 'text', x: 0, y: 260, props: { w: 300, richText: richTextOf('Natten') } }),
		record('a5', { type: 'arrow', props: { richText: richTextOf('leder till') } })
	];

	it('draws stickies, shapes and text, counts what it cannot draw and keeps every text', () => {
		const canvas = canvasFigures(records, (t) => t.toUpperCase());
		expect(canvas.figures.map((f) => f.kind)).toEqual(['note', 'ellipse', 'text']);
		expect(canvas.figures[0]).toMatchObject({ w: 200, h: 200, fill: '#bfdbfe' });
		expect(canvas.unshown).toBe(2);
		// Masked as the report masks (here: upper case), the arrow's label too.
		expect(canvas.texts).toEqual(['RING <DIREKT> & SVARA', 'NATTEN', 'LEDER TILL']);
	});

	it('fits the picture around the figures and escapes the text', () => {
		const svg = renderCanvasSvg(
			canvasFigures(records, (t) => t),
			{
				title: 'Canvas: Vem ringer jag',
				fontFamily: 'DejaVu Sans'
			}
		)!;
		// From x −20 to 440 (the ellipse's right edge and the margin), y −20 to 310.
		expect(svg).toContain('width="460" height="330"');
		// Wrapped to the sticky's width, one line a tspan.
		expect(svg).toContain('>Ring &lt;direkt&gt; &amp;</tspan><tspan');
		expect(svg).not.toContain('<direkt>');
		expect(svg).toContain('<ellipse');
	});

	it('draws nothing for a canvas of pen strokes alone', () => {
		const canvas = canvasFigures([records[2]!], (t) => t);
		expect(renderCanvasSvg(canvas, { title: 't', fontFamily: 'f' })).toBeNull();
		expect(canvas.unshown).toBe(1);
	});
});
