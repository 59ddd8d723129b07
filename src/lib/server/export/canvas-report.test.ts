import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { demoDocument } from '$lib/server/demo';
import { addReportFixture } from '$lib/report/fixture';
import { buildReportModel } from '$lib/report/model';
import { putCanvasShape, stickyShape } from '$lib/workshop/records/canvas-shape';
import { canvasPng } from './canvas-png';
import { renderDocx } from './docx';
import { renderPptx } from './pptx';

const author = { id: 'm1', name: 'Pia', profession: 'lakare', organisation: 'region' } as const;

/** The demo with its fixture, and (when asked) stickies and a pen stroke on a prioritised area. */
function model(withCanvas: boolean) {
	const board = demoDocument();
	const { areas } = addReportFixture(board, { round: 'revealed' });
	if (withCanvas) {
		const put = (key: string, shape: ReturnType<typeof stickyShape>) =>
			putCanvasShape(board, { key, areaId: areas.samverkan, shape, author });
		put('s1', stickyShape('Ett nummer som alltid svarar', { x: 0, y: 0 }, 'a1'));
		put('s2', stickyShape('Sjuksköterska på natten', { x: 260, y: 40 }, 'a2'));
		put('s3', {
			...stickyShape('', { x: 0, y: 300 }, 'a3'),
			type: 'draw',
			props: { segments: [] }
		});
	}
	return buildReportModel({
		workshop: { title: 'Oskar 83', purpose: '', date: '2025-04-20', anonymous: false },
		facilitators: ['Fia Facilitator'],
		members: [],
		board,
		viewer: 'facilitator',
		options: { includeFlagged: false }
	});
}

async function parts(file: Uint8Array) {
	const zip = await JSZip.loadAsync(file);
	const names = Object.keys(zip.files);
	const xml = await Promise.all(
		names.filter((n) => n.endsWith('.xml')).map((n) => zip.file(n)!.async('string'))
	);
	return { xml: xml.join('\n'), media: names.filter((n) => /\/media\/.+\.png$/.test(n)) };
}

describe('an area’s canvas in the Word and PowerPoint reports', () => {
	it('adds a picture of the canvas, its texts and what the picture leaves out', async () => {
		if (process.env.REPORT_OUT) {
			const area = model(true).prioritised.find((a) => a.canvas.figures.length > 0)!;
			writeFileSync(`${process.env.REPORT_OUT}/canvas.png`, canvasPng(area.canvas, 'Canvas')!.png);
			writeFileSync(`${process.env.REPORT_OUT}/canvas.pptx`, await renderPptx(model(true)));
		}
		for (const render of [renderDocx, renderPptx]) {
			const without = await parts(await render(model(false)));
			const withCanvas = await parts(await render(model(true)));
			expect(without.xml).not.toContain('Sjuksköterska på natten');
			expect(withCanvas.media.length).toBe(without.media.length + 1);
			expect(withCanvas.xml).toContain('Ett nummer som alltid svarar');
			expect(withCanvas.xml).toContain('Sjuksköterska på natten');
			expect(withCanvas.xml).toContain(
				'1 penndrag, linje eller pil på canvasen visas inte i bilden.'
			);
		}
	});
});
