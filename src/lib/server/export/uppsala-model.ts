/** Test and must-show support: the report model of the 20-area, 10-action workshop. */
import { demoDocument } from '$lib/server/demo';
import { addReportFixture, addUppsalaFixture } from '$lib/report/fixture';
import { buildReportModel } from '$lib/report/model';

/** The Uppsala-sized workshop of issue 17: 20 areas, 10 actions. */
export function uppsalaModel() {
	const board = demoDocument();
	addUppsalaFixture(board, addReportFixture(board, { round: 'revealed' }));
	return buildReportModel({
		workshop: {
			title: 'Uppsala',
			purpose: 'Hälso- och sjukvård i hemmet',
			date: '2025-04-20',
			anonymous: false
		},
		facilitators: ['Fia Facilitator'],
		members: [],
		board,
		viewer: 'facilitator',
		options: { includeFlagged: false }
	});
}
