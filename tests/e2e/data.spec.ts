import { expect, test } from './fixtures';
import { writeFileSync } from 'node:fs';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

test('a note shows the patient-data warning while a personnummer is typed, not for a date', async ({
	browser
}) => {
	const facilitator = await browser.newContext();
	const f = await facilitator.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Patientuppgifter');
	const context = await browser.newContext();
	const page = await context.newPage();
	await participantJoins(page, code, 'Anna Sjöberg');
	await waitOnline(page);

	const field = page.getByLabel('Ny lapp');
	const flag = page.getByTestId('patient-data-flag');
	await field.fill('Patienten 19121212-1212 ringde');
	await expect(flag).toHaveText(/Ser ut som ett personnummer – skriv inte patientuppgifter/);
	await expect(field).toHaveAccessibleDescription(/Ser ut som ett personnummer/);
	await field.fill('Utskriven 2025-01-15 kl 14.30');
	await expect(flag).toHaveCount(0);

	// A written note keeps the warning for its author.
	await field.fill('Ring 070-123 45 67');
	await page.getByRole('button', { name: 'Lägg till lapp', exact: true }).click();
	await expect(
		page.getByTestId('note').filter({ hasText: '070-123 45 67' }).getByTestId('patient-data-flag')
	).toHaveText(/Ser ut som ett telefonnummer/);
	await expectAccessible(page);
	await Promise.all([facilitator.close(), context.close()]);
});

test('a facilitator imports an exported workshop from the dashboard', async ({ page }) => {
	await facilitatorCreatesWorkshop(page, 'Att importera');
	const id = /\/w\/([a-f0-9]+)$/.exec(page.url())![1]!;
	const exported = await page.request.get(`/api/workshops/${id}/export.json`);
	expect(exported.status()).toBe(200);
	const file = await exported.body();

	await open(page, '/dashboard');
	const input = page.getByLabel('JSON-fil från Samskapa');
	await input.setInputFiles({
		name: 'trasig.json',
		mimeType: 'application/json',
		buffer: file.subarray(0, 40)
	});
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'inte giltig JSON' })).toBeVisible();

	await input.setInputFiles({ name: 'workshop.json', mimeType: 'application/json', buffer: file });
	await page.getByRole('button', { name: 'Importera', exact: true }).click();
	await expect(page.getByText('Workshoppen Att importera är importerad.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Att importera' })).toHaveCount(3);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Öppna Att importera' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Att importera' })).toBeVisible();
});

test('the print view reads as a report and prints on A4', async ({ page }) => {
	await facilitatorCreatesWorkshop(page, 'Rapport å ä ö');
	const id = /\/w\/([a-f0-9]+)$/.exec(page.url())![1]!;
	await open(page, `/w/${id}/rapport`);
	await expect(page.getByRole('heading', { level: 1, name: 'Rapport å ä ö' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Patientresan' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Skriv ut eller spara som PDF' })).toBeVisible();
	await expectAccessible(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Skriv ut eller spara som PDF' })).toBeHidden();
	await expect(page.locator('header.site')).toBeHidden();
	const pdf = await page.pdf({ preferCSSPageSize: true });
	// One page per section at least: cover and Deltagare, Persona, Patientresan, Områden.
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBeGreaterThanOrEqual(4);
	if (process.env.SAMSKAPA_PRINT_PDF) writeFileSync(process.env.SAMSKAPA_PRINT_PDF, pdf);
});
