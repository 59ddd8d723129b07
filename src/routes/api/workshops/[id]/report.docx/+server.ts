import { exportDownloadOrFailure } from '$lib/server/export/access';
import { renderDocx } from '$lib/server/export/docx';
import { download, reportModelFor } from '$lib/server/export/report';
import { isFailure } from '$lib/server/services/api';
import { failureResponse } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/**
 * The workshop report as a Word document (whoever may export). Patient data is masked unless
 * the export page's confirm step asked for `?include=flagged`.
 */
export const GET: RequestHandler = async (event) => {
	const access = await exportDownloadOrFailure(event, event.params.id);
	if (isFailure(access)) return failureResponse(access);
	const file = await renderDocx(await reportModelFor(event, access));
	return download(
		file,
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		access.workshop,
		'docx'
	);
};
