/**
 * The server's answer to a workflow request: done, or why not (its error text or the status).
 * A silent round's reveal that did not fit the board is done all the same: it says how many
 * ideas stayed with their authors (409 with `revealed` and `notRevealed`, docs/ideas.md).
 */
export type WorkflowResult =
	{ ok: true; partial?: { revealed: number; notRevealed: number } } | { ok: false; error: string };

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
	const data = (await res.json().catch(() => ({}))) as {
		error?: unknown;
		revealed?: unknown;
		notRevealed?: unknown;
	};
	if (res.status === 409 && typeof data.notRevealed === 'number') {
		const revealed = typeof data.revealed === 'number' ? data.revealed : 0;
		return { ok: true, partial: { revealed, notRevealed: data.notRevealed } };
	}
	return { ok: false, error: typeof data.error === 'string' ? data.error : String(res.status) };
}
