/** The server's answer to a workflow request: done, or why not (its error text or the status). */
export type WorkflowResult = { ok: true } | { ok: false; error: string };

/**
 * Asks the server to carry out a workflow that is not a plain write (opening, closing or
 * revealing a round): the judge refuses those writes from browsers, so they go over HTTP.
 */
export async function postWorkflow(url: string, body: unknown): Promise<WorkflowResult> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (res.ok) return { ok: true };
	const data = (await res.json().catch(() => ({}))) as { error?: unknown };
	return { ok: false, error: typeof data.error === 'string' ? data.error : String(res.status) };
}
