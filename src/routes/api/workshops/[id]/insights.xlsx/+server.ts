import { buildInsightTable } from '$lib/report/insight-table';
import { exportDownloadOrFailure } from '$lib/server/export/access';
import { reportFor } from '$lib/server/export/data-export';
import { download } from '$lib/server/export/report';
import { renderXlsx, XLSX_TYPE } from '$lib/server/export/xlsx';
import { isFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** Insights and areas as an Excel workbook; patient data masked unless `?include=flagged`. */
export const GET: RequestHandler = async (event) => {
	const access = await exportDownloadOrFailure(event, event.params.id);
	if (isFailure(access)) return failureResponse(access);
	const { input, model } = await reportFor(event, access);
	const file = await renderXlsx(buildInsightTable(input, model), model);
	return download(file, XLSX_TYPE, access.workshop, 'xlsx');
};
