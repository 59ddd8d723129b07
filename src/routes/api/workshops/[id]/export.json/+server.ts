import { json } from '@sveltejs/kit';
import { exportAccessOrFailure } from '$lib/server/export/access';
import { isFailure, workshopJson } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import { listNotes } from '$lib/workshop/doc';
import { listAreas } from '$lib/workshop/records/area';
import { listInsights } from '$lib/workshop/records/insight';
import { exportBoard } from '$lib/workshop/layout-export';
import { boardRoom } from '$lib/workshop/rooms';
import type { RequestHandler } from './$types';

/**
 * The workshop as one JSON file (whoever may export: exportAccessOrFailure): its notes,
 * insights and areas in reading order, and `board`, every declared record of the shared board.
 */
export const GET: RequestHandler = (event) => {
	const { id } = event.params;
	const access = exportAccessOrFailure(event, id);
	if (isFailure(access)) return failureResponse(access);
	const { workshop } = access;
	const { realtime } = event.locals.app;
	const exportedAt = new Date();
	const board = realtime.readDoc(boardRoom(id));
	const body = {
		format: 'samskapa-workshop',
		version: 1,
		exportedAt: exportedAt.toISOString(),
		workshop: workshopJson(workshop),
		notes: listNotes(board),
		insights: listInsights(board).sort(
			(a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)
		),
		areas: listAreas(board),
		// Every record of the board, read through its declaration (src/lib/workshop/layout.ts).
		board: exportBoard(board)
	};
	const day = exportedAt.toISOString().slice(0, 10);
	return json(body, {
		headers: {
			'content-disposition': `attachment; filename="samskapa-${id}-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
