import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { exportDownloadOrFailure } from '$lib/server/export/access';
import { reportFor } from '$lib/server/export/data-export';
import { isFailure } from '$lib/server/services/api';
import { renderMatrixSvg } from '$lib/workshop/analysis/matrix-svg';
import type { PageServerLoad } from './$types';

/**
 * The print view of the report (HTML with an A4 print stylesheet, for PDF from the browser):
 * whoever may export (exportAccessOrFailure), the report model built for them, and the matrix
 * as the same SVG the prioritisation page shows.
 */
export const load = (async (event) => {
	const access = await exportDownloadOrFailure(event as unknown as RequestEvent, event.params.id);
	if (isFailure(access)) {
		if (access.status === 401) {
			redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
		}
		error(access.status, access.error);
	}
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const { model } = await reportFor(event, access);
	const matrixSvg = model.matrix
		? renderMatrixSvg(model.matrix.points, {
				axes: model.matrix.axes,
				title: 'Prioriteringsmatris',
				idPrefix: 'rapport-matris',
				size: 640
			})
		: null;
	return { workshopId: access.workshop.id, model, matrixSvg };
}) satisfies PageServerLoad;
