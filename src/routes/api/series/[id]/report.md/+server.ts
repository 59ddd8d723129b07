import { MARKDOWN_TYPE } from '$lib/server/export/markdown';
import { download } from '$lib/server/export/report';
import { renderSeriesMarkdown } from '$lib/server/export/series-report';
import { ownSeriesOverview } from '$lib/server/services/series-access';
import type { RequestHandler } from './$types';

/** The series report as Markdown (the series' owner only). */
export const GET: RequestHandler = async (event) => {
	const overview = await ownSeriesOverview(event, event.params.id);
	return download(renderSeriesMarkdown(overview), MARKDOWN_TYPE, overview.series, 'md');
};
