import { expect, test, type APIRequestContext, type Page, type Route } from './fixtures';
import { expectAccessible } from './axe';

/**
 * What a person types before the JavaScript arrives (a slow phone) must never be lost: the
 * client bundle is held back until the test has typed, then released.
 */

/** Holds every client script of this page (CSS still loads) until `release()`. */
async function holdScripts(page: Page) {
	const held: Route[] = [];
	let released = false;
	await page.route('**/_app/immutable/**/*.js', (route) => {
		if (released) return route.continue();
		held.push(route);
	});
	return {
		async release() {
			released = true;
			await Promise.all(held.splice(0).map((route) => route.continue()));
		}
	};
}

const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-hydrated', '');

/** Opens a page without waiting for its scripts (they are held). */
const open = (page: Page, path: string) => page.goto(path, { waitUntil: 'domcontentloaded' });

let counter = 0;
const PASSWORD = 'ett långt lösenord';

/** A facilitator account made through the JSON API; returns its address. */
async function account(request: APIRequestContext) {
	const email = `h${Date.now()}${++counter}@region.example`;
	const res = await request.post('/api/signup', {
		data: { email, password: PASSWORD, displayName: 'Hedda Hydrén' }
	});
	expect(res.status()).toBe(202);
	return email;
}

/** A workshop's join code, made by a new facilitator through the JSON API. */
async function workshopCode(request: APIRequestContext) {
	const email = await account(request);
	expect((await request.post('/api/login', { data: { email, password: PASSWORD } })).ok()).toBe(
		true
	);
	const res = await request.post('/api/workshops', { data: { title: 'Före hydreringen' } });
	expect(res.ok()).toBe(true);
	const body = (await res.json()) as { links: { participant: { code: string } } };
	return body.links.participant.code;
}

async function fillProfile(page: Page, name: string) {
	await page.getByLabel('Ditt namn').fill(name);
	await page.getByLabel('Profession').selectOption('arbetsterapeut');
	await page.getByRole('radio', { name: 'Region' }).check();
}

test('a code typed on the start page before hydration survives it and arrives on the join page', async ({
	page,
	request
}) => {
	const code = await workshopCode(request);
	const scripts = await holdScripts(page);
	await open(page, '/');
	await page.getByLabel('Kod').fill(code.toLowerCase());
	await scripts.release();
	await hydrated(page);
	await expect(page.getByLabel('Kod')).toHaveValue(code.toLowerCase());
	await page.getByRole('button', { name: 'Fortsätt' }).click();
	await expect(page).toHaveURL(/\/join\?code=/);
	await expect(page.getByLabel('Kod')).toHaveValue(code.toLowerCase());
});

test('the start page code sent before hydration opens the join page with the code filled in', async ({
	page,
	request
}) => {
	const code = await workshopCode(request);
	await holdScripts(page);
	await open(page, '/');
	await page.getByLabel('Kod').fill(code);
	await page.getByRole('button', { name: 'Fortsätt' }).click();
	await expect(page).toHaveURL(/\/join\?code=/);
	await expect(page.getByLabel('Kod')).toHaveValue(code);
});

test('a profile sent before hydration joins the workshop and lands on the board', async ({
	page,
	request
}) => {
	const code = await workshopCode(request);
	const scripts = await holdScripts(page);
	await open(page, `/join?code=${code}`);
	await fillProfile(page, 'Tove Tidig');
	await page.getByRole('button', { name: 'Gå med' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await scripts.release();
	await hydrated(page);
	await expect(page.getByText('Du deltar som Tove Tidig')).toBeVisible();
});

test('a profile typed before hydration survives it and joins', async ({ page, request }) => {
	const code = await workshopCode(request);
	const scripts = await holdScripts(page);
	await open(page, '/');
	await page.getByLabel('Kod').fill(code);
	await page.getByRole('button', { name: 'Fortsätt' }).click();
	await expect(page).toHaveURL(/\/join\?code=/);
	await fillProfile(page, 'Sara Sen');
	await scripts.release();
	await hydrated(page);
	await expect(page.getByLabel('Ditt namn')).toHaveValue('Sara Sen');
	await expect(page.getByLabel('Profession')).toHaveValue('arbetsterapeut');
	await expect(page.getByRole('radio', { name: 'Region' })).toBeChecked();
	await page.getByRole('button', { name: 'Gå med' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await expect(page.getByText('Du deltar som Sara Sen')).toBeVisible();
});

test('sign-up and sign-in sent before hydration work', async ({ page }) => {
	await holdScripts(page);
	const email = `tidig${Date.now()}@region.example`;
	await open(page, '/signup');
	await page.getByLabel('Namn', { exact: true }).fill('Tidig Facilitator');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('status')).toContainText('Om adressen inte redan har ett konto');
	await expect(page.getByLabel('E-postadress')).toHaveValue(email);
	await expectAccessible(page);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('sign-in typed before hydration survives it', async ({ page, request }) => {
	const email = await account(request);
	const scripts = await holdScripts(page);
	await open(page, '/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await scripts.release();
	await hydrated(page);
	await expect(page.getByLabel('E-postadress')).toHaveValue(email);
	await expect(page.getByLabel('Lösenord')).toHaveValue(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
});

test('a workshop typed on the dashboard before hydration survives it and is created', async ({
	page
}) => {
	const email = await account(page.request);
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);

	const scripts = await holdScripts(page);
	await open(page, '/dashboard');
	const template = page.locator('input[name=template]').last();
	await page.getByLabel('Titel').fill('Skriven före JavaScript');
	await page.getByLabel('Syfte').fill('Att inget försvinner');
	await template.check();
	await scripts.release();
	await hydrated(page);
	await expect(page.getByLabel('Titel')).toHaveValue('Skriven före JavaScript');
	await expect(page.getByLabel('Syfte')).toHaveValue('Att inget försvinner');
	await expect(template).toBeChecked();
	await page.getByRole('button', { name: 'Skapa workshop' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Skriven före JavaScript' })
	).toBeVisible();
});

test('a workshop sent from the dashboard before hydration is created', async ({ page }) => {
	const email = await account(page.request);
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);

	const scripts = await holdScripts(page);
	await open(page, '/dashboard');
	await page.getByLabel('Titel').fill('Skickad utan JavaScript');
	await page.getByRole('button', { name: 'Skapa workshop' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await scripts.release();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Skickad utan JavaScript' })
	).toBeVisible();
});
