/**
 * The suggestion engine ("Förslag på grupper", "Visa liknande") loads on first use, not with
 * the page: with Snowball's stemmers (every language in one file) it is most of the page's
 * code, and the insight cards need none of it.
 */
export type Analysis = typeof import('$lib/workshop/analysis');

let loading: Promise<Analysis> | undefined;

/** The engine, fetched once. A failed fetch (offline, a new deploy) fails every call after it:
 * browsers keep a module that failed to load as failed until the page is reloaded. */
export const loadAnalysis = (): Promise<Analysis> => (loading ??= import('$lib/workshop/analysis'));

/** Runs `work` once the page has been painted; returns how to cancel it. */
export function afterPaint(work: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(work)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
