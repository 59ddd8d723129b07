import { expect, test } from './fixtures';

// Runs in order in one worker (workers: 1): the second test sees what the first left behind.
test.describe.configure({ mode: 'serial' });

test('a test may open contexts of its own', async ({ browser }) => {
	const context = await browser.newContext();
	await context.newPage();
	expect(browser.contexts()).toContain(context);
});

test('the next test starts with none of them open', async ({ browser }) => {
	expect(browser.contexts()).toHaveLength(0);
});
