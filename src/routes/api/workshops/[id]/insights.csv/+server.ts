import { buildInsightTable } from '$lib/report/insight-table';
import { exportDownloadOrFailure } from '$lib/server/export/access';
import { CSV_TYPE, renderCsv } from '$lib/server/export/csv';
import { reportFor } from '$lib/server/export/data-export';
import { download } from '$lib/server/export/report';
import { isFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** One row per insight as CSV for Swedish Excel; patient data masked unless `?include=flagged`. */
export const GET: RequestHandler = async (event) => {
	const access = await exportDownloadOrFailure(event, event.params.id);
	if (isFailure(access)) return failureResponse(access);
	const { input, model } = await reportFor(event, access);
	const csv = renderCsv(buildInsightTable(input, model));
	return download(csv, CSV_TYPE, access.workshop, 'csv');
};
