import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins } from './flows';

/** The demo link the server printed, read from the e2e database (playwright.config.ts). */
function demoPath() {
	const db = new Database('.e2e-data/e2e.db', { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare("SELECT value FROM settings WHERE key = 'demo_login_token'").get() as
			{ value: string } | undefined;
		if (!row) throw new Error('the e2e server seeded no demo');
		return `/demo/${row.value}`;
	} finally {
		db.close();
	}
}

test('the demo link asks a signed-in facilitator before switching accounts', async ({ page }) => {
	await facilitatorCreatesWorkshop(page, 'Min egen workshop');
	await page.goto(demoPath());
	await expect(page.getByRole('heading', { level: 1, name: 'Byta konto?' })).toBeVisible();
	await expect(page.getByText('Du är inloggad som Mia Tavander')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Nej, fortsätt som Mia Tavander' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('link', { name: 'Min egen workshop' })).toBeVisible();

	await page.goto(demoPath());
	await page.getByRole('button', { name: /^Ja, byt till/ }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Oskar 83' })).toBeVisible();
});

test('a facilitator whose session ended signs in and comes back to the board', async ({
	page,
	context
}) => {
	const email = `paus${Date.now()}@region.example`;
	const password = 'ett långt lösenord';
	const signup = { email, password, displayName: 'Pia Paus' };
	expect((await page.request.post('/api/signup', { data: signup })).status()).toBe(202);
	const signIn = async () => {
		await page.getByLabel('E-postadress').fill(email);
		await page.getByLabel('Lösenord').fill(password);
		await page.getByRole('button', { name: 'Logga in' }).click();
	};
	await page.goto('/login');
	await signIn();
	await page.getByLabel('Titel').fill('Efter pausen');
	await page.getByRole('button', { name: 'Skapa workshop' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	const board = new URL(page.url()).pathname;

	await context.clearCookies();
	await page.goto(board);
	await expect(page).toHaveURL(`/login?next=${encodeURIComponent(board)}`);
	await expect(page.getByRole('link', { name: 'Gå med med koden' })).toBeVisible();
	await expectAccessible(page);
	await signIn();
	await expect(page).toHaveURL(board);
	await expect(page.getByRole('heading', { level: 1, name: 'Efter pausen' })).toBeVisible();
});

test('a participant sees their name and leaves the workshop from the header', async ({
	browser
}) => {
	const facilitator = await browser.newPage();
	const code = await facilitatorCreatesWorkshop(facilitator, 'Lämna gärna');
	const context = await browser.newContext();
	const page = await context.newPage();
	await participantJoins(page, code, 'Bo Lind');
	const header = page.locator('header.site');
	await expect(header.getByText('Du deltar som Bo Lind')).toBeVisible();
	await expect(header.getByRole('link', { name: 'Logga in' })).toHaveCount(0);
	const board = page.url();

	await header.getByRole('link', { name: 'Lämna workshoppen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lämna workshoppen?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, lämna workshoppen' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/$/);
	await page.goto(board);
	await expect(page).toHaveURL(/\/login\?next=/);

	await context.close();
	await facilitator.close();
});
