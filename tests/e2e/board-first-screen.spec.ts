import { expect, test, type Locator, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';
import { JourneyBoard, Q_SKAVER } from './pages/journey';

const desktop = { viewport: { width: 1440, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Wholly inside the viewport as the page opens, without any scrolling. */
async function expectOnFirstScreen(page: Page, target: Locator) {
	await expect(target).toBeVisible();
	expect(await page.evaluate(() => scrollY)).toBe(0);
	const box = (await target.boundingBox())!;
	const { height } = page.viewportSize()!;
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height, 'bottom edge within the first screen').toBeLessThanOrEqual(height);
}

const LONG =
	'Dottern ringer 1177 tre gånger samma kväll och får tre olika svar; ingen vet vem som har ' +
	'ansvaret för läkemedelslistan och hemsjukvården hör talas om utskrivningen först dagen ' +
	'efter, när Oskar redan har ont och inte vågar ringa igen eftersom han inte vill vara till besvär.';

test('the first screen shows the notes: 1440×900 facilitator and 390×844 phones', async ({
	browser
}) => {
	const fContext = await browser.newContext(desktop);
	const f = await fContext.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Första skärmen');
	const workshopUrl = f.url();

	const pContext = await browser.newContext(phone);
	const p = await pContext.newPage();
	await participantJoins(p, code, 'Anna Sjöberg');
	await waitOnline(p);
	// On the phone the first question's add button is on the first screen.
	const firstAdd = p.getByTestId('add-note-open').first();
	await expectOnFirstScreen(p, firstAdd);
	await firstAdd.click();
	// A phone has no Esc key to speak of: the hint does not mention it.
	await expect(p.locator('form').getByText(/Esc/)).toHaveCount(0);
	await p.getByRole('button', { name: 'Stäng', exact: true }).click();

	// Four notes in one cell, one of them long: the desktop cell grows, nothing is cut.
	const board = new JourneyBoard(f);
	await waitOnline(f);
	// The form stays open after each note, as people write several in a row.
	await board.openAdd('Händelse 1', Q_SKAVER).click();
	const textarea = board.textarea('Händelse 1', Q_SKAVER);
	for (const text of ['Första lappen', 'Andra lappen', 'Tredje lappen', LONG]) {
		await textarea.fill(text);
		await textarea.press('Enter');
		await expect(textarea).toHaveValue('');
	}
	await expect(f.getByTestId('note')).toHaveCount(4);
	await f.goto(workshopUrl);
	await waitOnline(f);
	// The invite panel is collapsed to a button that still shows the code.
	await expect(f.getByTestId('join-code')).toHaveText(code);
	await expect(f.getByTestId('invite-panel')).toBeHidden();
	// Structure editing waits behind its own mode.
	await expect(f.getByRole('button', { name: /^Flytta / })).toHaveCount(0);
	await expectOnFirstScreen(f, f.getByTestId('note').first());
	const long = f.getByTestId('note').filter({ hasText: 'inte vill vara till besvär' });
	const list = f.getByRole('list', { name: /^Lappar i Händelse 1/ });
	expect(await list.evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0);
	await expect(long).toBeVisible();

	// The facilitator on a phone also reaches the add button without scrolling.
	await f.setViewportSize(phone.viewport);
	await f.reload();
	await waitOnline(f);
	await expect(f.getByTestId('event-switcher')).toBeVisible();
	await expectOnFirstScreen(f, f.getByTestId('add-note-open').first());
	await Promise.all([fContext.close(), pContext.close()]);
});

test('invite and edit structure open on demand, by keyboard, without axe violations', async ({
	browser
}) => {
	const context = await browser.newContext(desktop);
	const page = await context.newPage();
	const code = await facilitatorCreatesWorkshop(page, 'Bjud in och redigera');
	await waitOnline(page);

	const invite = page.getByRole('button', { name: new RegExp(`^Bjud in.*${code}`) });
	await invite.focus();
	await page.keyboard.press('Enter');
	await expect(invite).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByTestId('invite-panel')).toBeVisible();
	await expect(page.getByLabel('Deltagarlänk', { exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('invite-panel')).toBeHidden();

	const edit = page.getByRole('button', { name: 'Redigera struktur' });
	await expect(edit).toHaveAttribute('aria-pressed', 'false');
	await edit.focus();
	await page.keyboard.press('Enter');
	await expect(edit).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('button', { name: 'Flytta Händelse 1 åt höger' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Lägg till händelse/ })).toBeVisible();
	await expectAccessible(page);
	await context.close();
});
