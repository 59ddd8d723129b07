import { expect, type Page } from '@playwright/test';

let counter = 0;

/** Goes to a page and waits until it is hydrated (the root layout marks <html>). */
export async function open(page: Page, url: string) {
	await page.goto(url);
	await hydrated(page);
}

export async function hydrated(page: Page) {
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
}

/** Signs up a new facilitator through the UI and creates a workshop; returns its join code. */
export async function facilitatorCreatesWorkshop(page: Page, title: string) {
	counter++;
	await open(page, '/signup');
	await page.getByLabel('Namn', { exact: true }).fill('Mia Tavander');
	const email = `mia${Date.now()}${counter}@region.example`;
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill('ett långt lösenord');
	await page.getByRole('button', { name: 'Skapa konto' }).click();
	// Sign-up answers alike for known addresses, so it leads to sign-in with the address filled.
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByLabel('E-postadress')).toHaveValue(email);
	await page.getByLabel('Lösenord').fill('ett långt lösenord');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Skapa workshop' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const code = (await page.getByTestId('join-code').innerText()).trim();
	expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
	return code;
}

/** Joins with a code from the start page, as a participant would. */
export async function participantJoins(page: Page, code: string, name: string) {
	await open(page, '/');
	await page.getByLabel('Kod').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Fortsätt' }).click();
	await expect(page).toHaveURL(/\/join/);
	await hydrated(page);
	await page.getByLabel('Ditt namn').fill(name);
	await page.getByLabel('Profession').selectOption('sjukskoterska');
	await page.getByRole('radio', { name: 'Kommun' }).check();
	await page.getByRole('button', { name: 'Gå med' }).click();
	await expect(page).toHaveURL(/\/w\/[a-f0-9]+$/);
}

export async function waitOnline(page: Page) {
	await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'online');
}

export async function addNote(page: Page, text: string) {
	await page.getByLabel('Ny lapp').fill(text);
	await page.getByRole('button', { name: 'Lägg till lapp', exact: true }).click();
}
