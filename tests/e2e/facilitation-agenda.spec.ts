import { expect, test, type Browser, type BrowserContext, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { waitOnline } from './flows';

/** POST from a browser context, with the Origin header a same-origin fetch carries. */
async function post<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
	const res = await context.request.post(path, {
		headers: { origin: test.info().project.use.baseURL! },
		data
	});
	expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
	return (await res.json()) as T;
}

/**
 * Signs up and creates a workshop from the Nära vård template (its default agenda) through the
 * JSON API (sign-up and creation have their own UI tests), then opens the agenda.
 */
async function facilitatorOpensAgenda(context: BrowserContext, title: string) {
	const email = `mia${Date.now()}@region.example`;
	const password = 'ett långt lösenord';
	await post(context, '/api/signup', { email, password, displayName: 'Mia Tavander' });
	await post(context, '/api/login', { email, password });
	const created = await post<{
		workshop: { id: string };
		links: { participant: { code: string } };
	}>(context, '/api/workshops', { title, template: 'patientresa-nara-vard' });
	const page = await context.newPage();
	await page.goto(`/w/${created.workshop.id}/agenda`);
	await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
	return { page, id: created.workshop.id, code: created.links.participant.code };
}

async function participantOpensBoard(
	browser: Browser,
	code: string,
	name: string,
	viewport = { width: 1280, height: 800 }
): Promise<Page> {
	const context = await browser.newContext({ viewport });
	const { workshopId } = await post<{ workshopId: string }>(context, '/api/join', {
		code,
		displayName: name,
		profession: 'sjukskoterska',
		organisation: 'kommun'
	});
	const page = await context.newPage();
	await page.goto(`/w/${workshopId}`);
	await waitOnline(page);
	return page;
}

const banner = (page: Page) => page.getByTestId('step-banner');

test('participants follow the facilitator through the agenda; the one typing keeps the text until "Samla alla hit"', async ({
	browser
}) => {
	// Four browsers on a machine shared with other work.
	test.slow();
	const facContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const { page: fac, id, code } = await facilitatorOpensAgenda(facContext, 'Följ mig');
	await waitOnline(fac);
	await expect(fac.getByTestId('agenda-step')).toHaveCount(10);
	await expectAccessible(fac);

	const anna = await participantOpensBoard(browser, code, 'Anna');
	const bo = await participantOpensBoard(browser, code, 'Bo', { width: 390, height: 844 });
	const cia = await participantOpensBoard(browser, code, 'Cia');
	const everyone = [anna, bo, cia];

	// A free step (Välkommen) has no page: everyone sees its title and instruction where they are.
	await fac.getByRole('button', { name: 'Starta första steget' }).click();
	for (const page of everyone) {
		await expect(banner(page)).toContainText('Välkommen och syfte');
		await expect(page).toHaveURL(new RegExp(`/w/${id}$`));
	}
	// Nästa: Persona, then Resan; the screens follow.
	await fac.getByTestId('agenda-next').click();
	for (const page of everyone) await expect(page).toHaveURL(new RegExp(`/w/${id}/persona$`));
	await fac.getByTestId('agenda-next').click();
	for (const page of everyone) await expect(page).toHaveURL(new RegExp(`/w/${id}$`));
	await expect(fac.getByTestId('agenda-now')).toContainText('Resan');

	// Cia types a note and does not send it; the room moves on past Fika to Klustring.
	const typed = 'Oskar ringer 1177 tre gånger innan någon kommer';
	await cia.getByLabel('Ny lapp').fill(typed);
	await fac.getByTestId('agenda-next').click();
	await expect(banner(anna)).toContainText('Fika');
	// The banner's own "Nästa", there on every page for facilitators.
	await fac.getByTestId('banner-next').click();
	for (const page of [anna, bo]) await expect(page).toHaveURL(new RegExp(`/w/${id}/klustring$`));
	await expect(cia.getByTestId('moved-on')).toContainText(
		'Samtalsledaren har gått vidare till Insikter och klustring'
	);
	await expect(cia).toHaveURL(new RegExp(`/w/${id}$`));
	await expect(cia.getByLabel('Ny lapp')).toHaveValue(typed);
	await expectAccessible(cia);

	// Participants may look back: Anna opens Resan again and finds the way back.
	await anna.getByRole('link', { name: 'Resan', exact: true }).click();
	await expect(anna).toHaveURL(new RegExp(`/w/${id}$`));
	// After the journey's steps the notes are closed to participants, and the page says so.
	await expect(anna.getByTestId('notes-closed')).toBeVisible();
	await expect(anna.getByRole('button', { name: 'Lägg till lapp', exact: true })).toBeDisabled();
	await anna.getByTestId('back-to-step').click();
	await expect(anna).toHaveURL(new RegExp(`/w/${id}/klustring$`));

	// "Samla alla hit" brings Cia too, typing or not; her text waits in its draft on Resan.
	await cia.getByLabel('Ny lapp').focus();
	await fac.getByTestId('agenda-gather').click();
	await expect(cia).toHaveURL(new RegExp(`/w/${id}/klustring$`));
	await cia.getByRole('link', { name: 'Resan', exact: true }).click();
	await expect(cia.getByLabel('Ny lapp')).toHaveValue(typed);

	// Someone joining now lands on the room's step; a reload while looking back stays put.
	const dan = await participantOpensBoard(browser, code, 'Dan');
	await expect(dan).toHaveURL(new RegExp(`/w/${id}/klustring$`));
	await anna.getByRole('link', { name: 'Resan', exact: true }).click();
	await expect(anna).toHaveURL(new RegExp(`/w/${id}$`));
	await anna.reload();
	await waitOnline(anna);
	await expect(anna.getByTestId('back-to-step')).toBeVisible();
	await expect(anna).toHaveURL(new RegExp(`/w/${id}$`));

	// The phone shows the step without scrolling sideways.
	const width = await bo.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);

	// Presence tells the facilitator who is where.
	await fac.getByText(/Online nu/).click();
	await expect(fac.getByTestId('presence-where').first()).toBeVisible();
});

test('the facilitator edits and reorders the agenda by keyboard', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const { page } = await facilitatorOpensAgenda(context, 'Redigera agendan');
	await waitOnline(page);
	const steps = page.getByTestId('agenda-step');
	await expect(steps).toHaveCount(10);

	await page.getByLabel('Typ av steg').last().selectOption('discussion');
	await page.getByLabel('Rubrik').last().fill('Frågor från rummet');
	await page.getByLabel('Minuter').last().fill('7');
	await page.getByRole('button', { name: 'Lägg till steg' }).click();
	await expect(steps).toHaveCount(11);
	await expect(steps.last()).toContainText('Frågor från rummet');
	await expect(page.getByText('Planerat: 187 minuter')).toBeVisible();

	const up = page.getByRole('button', { name: 'Flytta upp Frågor från rummet' });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(steps.nth(9)).toContainText('Frågor från rummet');

	await page.getByRole('button', { name: 'Ta bort Frågor från rummet' }).click();
	await expect(steps).toHaveCount(10);
	await expectAccessible(page);
});
