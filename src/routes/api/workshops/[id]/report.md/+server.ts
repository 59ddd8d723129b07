import { exportDownloadOrFailure } from '$lib/server/export/access';
import { reportFor } from '$lib/server/export/data-export';
import { download } from '$lib/server/export/report';
import { MARKDOWN_TYPE, renderMarkdown } from '$lib/server/export/markdown';
import { isFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** The whole report as Markdown; patient data masked unless `?include=flagged`. */
export const GET: RequestHandler = async (event) => {
	const access = await exportDownloadOrFailure(event, event.params.id);
	if (isFailure(access)) return failureResponse(access);
	const { model } = await reportFor(event, access);
	return download(renderMarkdown(model), MARKDOWN_TYPE, access.workshop, 'md');
};
