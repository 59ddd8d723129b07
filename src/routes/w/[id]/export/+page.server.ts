import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { exportAccessOrFailure } from '$lib/server/export/access';
import { reportModelOf } from '$lib/server/export/report';
import { isFailure } from '$lib/server/services/api';
import { boardRoom } from '$lib/workshop/rooms';
import type { PageServerLoad } from './$types';

/**
 * The export page: only for those who may download (the same check as every export route).
 * Lists the patient-data flags of the report as the server would build it, masked.
 */
export const load = (async (event) => {
	const access = await exportAccessOrFailure(event, event.params.id);
	if (isFailure(access)) {
		error(access.status, access.status === 404 ? m.error_not_found() : m.error_forbidden());
	}
	const { db, realtime } = event.locals.app;
	const board = await realtime.readDoc(boardRoom(access.workshop.id));
	const model = await reportModelOf(db, board, access.workshop, access.membership, {
		includeFlagged: false
	});
	return {
		flags: model.flags,
		participantsMayExport: access.workshop.participantsMayExport,
		prioritised: model.prioritised.length,
		actions: model.actions.length
	};
}) satisfies PageServerLoad;
