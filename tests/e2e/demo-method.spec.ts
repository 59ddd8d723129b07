import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';

/**
 * Issue 17: the demo shows the whole method. A new user opening the demo finds content on the
 * pages of the later steps at once, not an empty Klustring, Prioritering or Handlingsplan.
 */

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

const SAMVERKAN = 'Samverkan mellan vårdcentral, kommun och slutenvård';

test("the demo's Klustring, Prioritering and Handlingsplan have content on first open", async ({
	page
}) => {
	await page.goto(demoPath());
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	const board = new URL(page.url()).pathname;

	await page.goto(`${board}/klustring`);
	const area = page.getByRole('region', { name: SAMVERKAN, exact: true });
	await expect(area).toHaveCount(1);
	await expect(area.getByTestId('insight').first()).toBeVisible();
	await expect(
		page
			.getByTestId('insight')
			.filter({ hasText: 'Möjlighet till hembesök av läkare är begränsad' })
	).toHaveCount(1);

	await page.goto(`${board}/prioritering`);
	await expect(page.getByTestId('matrix')).toBeVisible();
	await expect(page.getByTestId('results-table')).toContainText(SAMVERKAN);

	await page.goto(`${board}/handlingsplan`);
	const rows = page.getByTestId('action-row');
	await expect(rows).toHaveCount(3);
	// The facilitator sees each action's fields to edit, with the demo's owners in them.
	const owners = page.getByRole('textbox', { name: /^Ansvarig, åtgärd \d/ });
	await expect(owners).toHaveCount(3);
	expect(
		(await owners.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort()
	).toEqual(['Områdeschef hemsjukvård', 'Vårdcentralchef', 'Vårdsamordnare, region']);
	await expect(page.getByRole('heading', { name: SAMVERKAN })).toBeVisible();
});

test('the accessibility statement and the data-protection page: reached from the footer by keyboard, no axe violations', async ({
	page
}) => {
	await page.goto('/login');
	const footer = page.getByRole('navigation', { name: 'Om tjänsten' });
	await footer.getByRole('link', { name: 'Tillgänglighet' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/tillganglighet$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Hur vi testat webbplatsen' })).toBeVisible();
	await expectAccessible(page);

	await footer.getByRole('link', { name: 'Dataskydd' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/dataskydd$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Dataskydd: vad Samskapa sparar'
	);
	await expectAccessible(page);

	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: page.url() }]);
	await page.goto('/tillganglighet');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Accessibility statement' })
	).toBeVisible();
	await expectAccessible(page);
	await page.goto('/dataskydd');
	await expectAccessible(page);
});
