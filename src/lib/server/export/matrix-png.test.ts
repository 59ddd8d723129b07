import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { demoDocument } from '$lib/server/demo';
import { addReportFixture } from '$lib/report/fixture';
import { buildReportModel } from '$lib/report/model';
import { renderMatrixPng } from './matrix-png';

describe('renderMatrixPng', () => {
	it('draws the revealed matrix of the demo workshop as a PNG with the bundled font', () => {
		const board = demoDocument();
		addReportFixture(board, { round: 'revealed' });
		const model = buildReportModel({
			workshop: { title: 'Oskar 83', purpose: '', date: null, anonymous: false },
			facilitators: [],
			members: [],
			board,
			viewer: 'facilitator',
			options: { includeFlagged: false }
		});
		const { png, width, height } = renderMatrixPng(model.matrix!, 'Prioriteringsmatris');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(width).toBe(1080);
		expect(height).toBeGreaterThan(1000 * 0.75);
		if (process.env.MATRIX_PNG_OUT) writeFileSync(process.env.MATRIX_PNG_OUT, png);
	});
});
