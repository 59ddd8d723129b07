import { expect, test } from './fixtures';

test('a browser set to English gets English on a first visit, and the switch still works', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'en-US' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Join a workshop' })).toBeVisible();

	// The person's own choice wins over the browser's, and is kept on the next visit.
	await page.getByLabel('Language').selectOption('sv');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { name: 'Gå med i en workshop' })).toBeVisible();
	await page.goto('/join');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await context.close();
});

test('a Swedish browser, and one in a language Samskapa lacks, start in Swedish', async ({
	browser
}) => {
	for (const locale of ['sv-SE', 'de-DE']) {
		const context = await browser.newContext({ locale });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await expect(page.getByRole('heading', { name: 'Gå med i en workshop' })).toBeVisible();
		await context.close();
	}
});
