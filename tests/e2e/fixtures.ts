import { test as base } from '@playwright/test';

export { chromium, expect } from '@playwright/test';
export type * from '@playwright/test';

/**
 * Playwright's `test` with one addition: every browser context a test opens with
 * `browser.newContext()` is closed when the test ends. Playwright closes only the default
 * `context`; the rest stayed open for the whole run, each with its WebSocket(s) to the one
 * e2e server, until the per-address socket cap answered 429.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
	closeOpenedContexts: [
		async ({ browser }, use) => {
			const before = new Set(browser.contexts());
			await use();
			// Torn down last (auto fixtures are set up first), after Playwright's own context.
			const opened = browser.contexts().filter((context) => !before.has(context));
			await Promise.all(opened.map((context) => context.close()));
		},
		{ auto: true }
	]
});
