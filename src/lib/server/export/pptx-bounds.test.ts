import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { uppsalaModel } from './uppsala-model';
import { rowHeight } from '$lib/report/slides';
import { renderPptx } from './pptx';

const EMU_PER_IN = 914400;

interface Box {
	slide: string;
	what: string;
	x: number;
	y: number;
	w: number;
	h: number;
}

/**
 * Every shape, picture and table of every slide with its box in inches. A table's height is
 * the larger of its frame and its rows, each row at least what its text needs in its column
 * widths (a renderer grows a row to fit its text, whatever height the file gives it).
 */
async function boxes(file: Uint8Array) {
	const zip = await JSZip.loadAsync(file);
	const presentation = await zip.file('ppt/presentation.xml')!.async('string');
	const size = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!;
	const slideW = Number(size[1]) / EMU_PER_IN;
	const slideH = Number(size[2]) / EMU_PER_IN;
	const names = Object.keys(zip.files)
		.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
		.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
	const out: Box[] = [];
	const texts: string[] = [];
	for (const name of names) {
		const xml = await zip.file(name)!.async('string');
		texts.push(xml);
		const shapes = xml.match(/<p:(sp|pic|graphicFrame)>[\s\S]*?<\/p:\1>/g) ?? [];
		for (const shape of shapes) {
			const off = shape.match(/<a:off x="(-?\d+)" y="(-?\d+)"\/>/);
			const ext = shape.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/);
			if (!off || !ext) continue;
			const box = {
				slide: name,
				what: shape.slice(0, 60),
				x: Number(off[1]) / EMU_PER_IN,
				y: Number(off[2]) / EMU_PER_IN,
				w: Number(ext[1]) / EMU_PER_IN,
				h: Number(ext[2]) / EMU_PER_IN
			};
			if (shape.includes('<a:tbl>')) {
				const colW = [...shape.matchAll(/<a:gridCol w="(\d+)"/g)].map(
					(m) => Number(m[1]) / EMU_PER_IN
				);
				const rows = [...shape.matchAll(/<a:tr h="(\d+)">([\s\S]*?)<\/a:tr>/g)];
				let tableH = 0;
				for (const [, h, row] of rows) {
					const cells = [...row!.matchAll(/<a:tc[\s\S]*?<\/a:tc>/g)].map((c) =>
						[...c[0].matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
							.map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''))
							.join('\n')
					);
					const size = Number(row!.match(/sz="(\d+)"/)?.[1] ?? 1800) / 100;
					tableH += Math.max(Number(h) / EMU_PER_IN, rowHeight(cells, colW, size));
				}
				box.h = Math.max(box.h, tableH);
				box.what = `table of ${rows.length} rows`;
			}
			out.push(box);
		}
	}
	return { slideW, slideH, boxes: out, xml: texts.join('\n') };
}

describe('PowerPoint deck of a 20-area, 10-action workshop', () => {
	it('has every shape inside its slide, the areas and action plan continued on further slides', async () => {
		const model = uppsalaModel();
		expect(model.areas).toHaveLength(20);
		expect(model.actions).toHaveLength(10);
		const file = await renderPptx(model);
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/uppsala.pptx`, file);
		const { slideW, slideH, boxes: all, xml } = await boxes(file);
		const outside = all.filter(
			(b) => b.x < 0 || b.y < 0 || b.x + b.w > slideW + 0.01 || b.y + b.h > slideH + 0.01
		);
		expect(
			outside.map((b) => `${b.slide}: ${b.what} ends at y=${(b.y + b.h).toFixed(2)} in`),
			`slide is ${slideW} × ${slideH} in`
		).toEqual([]);
		// Nothing is left out: every area and every action is on some slide, none cut to "… till".
		for (const area of model.areas) expect(xml).toContain(area.name.replace(/&/g, '&amp;'));
		for (let i = 1; i <= 8; i++) expect(xml).toContain(`Steg ${i}: utskrivning`);
		expect(xml).not.toMatch(/… och \d+ till/);
		expect(xml).toContain('Förbättringsområden (forts.)');
		expect(xml).toContain('Handlingsplan (forts.)');
	});
});
