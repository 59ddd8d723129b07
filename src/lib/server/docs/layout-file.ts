import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describeLayout, withLayout } from '$lib/workshop/layout-doc';

/**
 * docs/realtime.md with its layout tables written from the declarations, formatted as
 * `npm run format` would (so `npm run lint` accepts what `npm run docs:layout` writes).
 */
export const REALTIME_DOC = fileURLToPath(new URL('../../../../docs/realtime.md', import.meta.url));

export async function realtimeDocFromDeclarations(current: string): Promise<string> {
	// The project's options for a Markdown file; its Svelte plugin has nothing to do here.
	const options = { ...(await resolveConfig(REALTIME_DOC)), plugins: [], parser: 'markdown' };
	return format(withLayout(current, describeLayout()), options);
}

/** Rewrites docs/realtime.md; true when it changed. */
export async function writeRealtimeDoc(): Promise<boolean> {
	const current = readFileSync(REALTIME_DOC, 'utf8');
	const next = await realtimeDocFromDeclarations(current);
	if (next !== current) writeFileSync(REALTIME_DOC, next);
	return next !== current;
}
