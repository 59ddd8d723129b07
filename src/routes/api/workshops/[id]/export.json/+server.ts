import { json } from '@sveltejs/kit';
import { exportDownloadOrFailure } from '$lib/server/export/access';
import { isFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import { boardRoom } from '$lib/workshop/rooms';
import { buildWorkshopFile } from '$lib/workshop/workshop-json';
import type { RequestHandler } from './$types';

/**
 * The complete workshop as one JSON file, schema version 2 (docs/import-export.md), for
 * whoever may export (exportAccessOrFailure). Text flagged as possible patient data is masked
 * unless `?include=flagged`; POST /api/workshops/import reads the file back as a new workshop.
 */
export const GET: RequestHandler = async (event) => {
	const { id } = event.params;
	const access = await exportDownloadOrFailure(event, id);
	if (isFailure(access)) return failureResponse(access);
	const { workshop } = access;
	const exportedAt = new Date();
	const board = await event.locals.app.realtime.readDoc(boardRoom(id));
	const body = buildWorkshopFile(board, workshop, {
		exportedAt,
		includeFlagged: event.url.searchParams.get('include') === 'flagged'
	});
	const day = exportedAt.toISOString().slice(0, 10);
	return json(body, {
		headers: {
			'content-disposition': `attachment; filename="samskapa-${id}-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
