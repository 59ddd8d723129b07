import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { demoDocument } from '$lib/server/demo';
import { addReportFixture, FIXTURE_AREAS } from '$lib/report/fixture';
import { buildReportModel } from '$lib/report/model';
import { renderDocx } from './docx';
import { renderPptx } from './pptx';

/** Every XML part of an Office file, concatenated: what Word or PowerPoint would read. */
async function xmlOf(file: Uint8Array): Promise<{ xml: string; names: string[] }> {
	const zip = await JSZip.loadAsync(file);
	const names = Object.keys(zip.files);
	const parts = await Promise.all(
		names.filter((n) => n.endsWith('.xml')).map((n) => zip.file(n)!.async('string'))
	);
	return { xml: parts.join('\n'), names };
}

const model = () => {
	const board = demoDocument();
	addReportFixture(board, { round: 'revealed' });
	return buildReportModel({
		workshop: {
			title: 'Oskar 83 – Hälso- och sjukvård i hemmet',
			purpose: 'Samskapa framtidens hälso- och sjukvård i hemmet',
			date: '2025-04-20',
			anonymous: false
		},
		facilitators: ['Fia Facilitator'],
		members: [
			{
				role: 'participant',
				displayName: 'Åsa Öberg',
				profession: 'lakare',
				organisation: 'region'
			}
		],
		board,
		viewer: 'facilitator',
		options: { includeFlagged: false }
	});
};

describe('Office renderers on the demo workshop', () => {
	it('writes a Word document with the area table, the matrix image and the action plan', async () => {
		const file = await renderDocx(model());
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/demo.docx`, file);
		const { xml, names } = await xmlOf(file);
		for (const name of Object.values(FIXTURE_AREAS)) expect(xml).toContain(name);
		for (const head of ['Förbättringsområde', 'Underområde', 'Antal insikter', 'Perspektiv']) {
			expect(xml).toContain(head);
		}
		expect(xml).toContain('Steg i processen');
		expect(xml).toContain('Områdeschef hemsjukvård');
		expect(xml).toContain('Tidspress, vi har ingen luft i systemet');
		expect(names.some((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toBe(true);
	});

	it('writes a PowerPoint deck with a slide per prioritised area and the matrix', async () => {
		const file = await renderPptx(model());
		if (process.env.REPORT_OUT) writeFileSync(`${process.env.REPORT_OUT}/demo.pptx`, file);
		const { xml, names } = await xmlOf(file);
		expect(xml).toContain(FIXTURE_AREAS.samverkan);
		expect(xml).toContain('Hur kan vi göra Oskar delaktig i planeringen?');
		expect(xml).toContain('Det här skaver');
		expect(names.some((n) => n.startsWith('ppt/media/'))).toBe(true);
		expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length).toBeGreaterThan(9);
	});
});
