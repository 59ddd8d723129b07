import { download } from '$lib/server/export/report';
import { renderSeriesDocx } from '$lib/server/export/series-report';
import { ownSeriesOverview } from '$lib/server/services/series-access';
import type { RequestHandler } from './$types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The series report as Word (the series' owner only). */
export const GET: RequestHandler = async (event) => {
	const overview = await ownSeriesOverview(event, event.params.id);
	return download(await renderSeriesDocx(overview), DOCX, overview.series, 'docx');
};
