/** Why the records a reveal left private stayed there, counted (board/reveal-authors.ts). */
export interface NotRevealed {
	full: number;
	own: number;
	clash: number;
}

/**
 * The server's answer to a workflow request: done, or why not (its error text or the status).
 * A silent round's reveal that did not fit is done all the same: it says how many records
 * stayed with their authors, and why (409 with `revealed`, `notRevealed` and `why`, docs/api.md).
 */
export type WorkflowResult =
	| { ok: true; partial?: { revealed: number; notRevealed: number; why: NotRevealed } }
	| { ok: false; error: string };

const count = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);

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
		why?: { full?: unknown; own?: unknown; clash?: unknown };
	};
	if (res.status === 409 && typeof data.notRevealed === 'number') {
		const why = {
			full: count(data.why?.full),
			own: count(data.why?.own),
			clash: count(data.why?.clash)
		};
		return {
			ok: true,
			partial: { revealed: count(data.revealed), notRevealed: data.notRevealed, why }
		};
	}
	return { ok: false, error: typeof data.error === 'string' ? data.error : String(res.status) };
}
