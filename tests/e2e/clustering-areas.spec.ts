import { expect, test, type Locator, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';
import { ClusteringPage } from './pages/clustering';

const A = 'Ingen ringer tillbaka från vårdcentralen';
const B = 'Svårt att nå vårdcentralen på telefon';
const C = 'Rollatorn kom först efter tre veckor';
const D = 'Hjälpmedel levereras för sent efter hemgång';
const E = 'Kvällspersonalen vet inte vem som är patientansvarig';
// Local words the lexicon cannot know: only the workshop's synonyms bring these together.
const F = 'Nattpatrullen dröjer';
const G = 'Blå gruppen kommer sent';

/** The insight texts of an area, in the order shown. */
const textsIn = (area: Locator) => area.getByTestId('insight').locator('.text p').allInnerTexts();

function subArea(page: Page, name: string): Locator {
	return page
		.getByTestId('subarea')
		.filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
}

test('a facilitator reorders, splits, renames, adds an underområde and deletes areas while a participant watches live', async ({
	browser
}) => {
	// Two browsers and a few dozen steps on a shared 2-core machine.
	test.setTimeout(240_000);
	const facilitator = await browser.newContext();
	const participant = await browser.newContext();
	const f = await facilitator.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Oskar 83 – områden');
	const workshopUrl = f.url();
	const anna = await participant.newPage();
	await participantJoins(anna, code, 'Anna Sjöberg');
	await waitOnline(anna);

	const mia = new ClusteringPage(f);
	const watcher = new ClusteringPage(anna);
	await mia.open(workshopUrl);
	await watcher.open(workshopUrl);

	// Insights written directly by the facilitator land in Ej sorterade for everyone.
	await f.getByText(/Lyft fler lappar till insikter/).click();
	for (const text of [A, B, C, D, E, F, G]) {
		await f.getByLabel('Skriv en insikt').fill(text);
		await f.getByRole('button', { name: 'Lägg till insikt' }).click();
		await expect(mia.announcement).toHaveText('Insikten ligger i Ej sorterade.');
	}
	await watcher.expectInsightIn(G, null);

	await mia.createAreaByKeyboard('Kontakt');
	for (const text of [A, B, C, D]) await mia.moveByKeyboard(text, 'Kontakt');
	await expect.poll(() => textsIn(watcher.area('Kontakt'))).toEqual([A, B, C, D]);

	// 1. Reorder insights with "Flytta upp": by click, then by keyboard on the button that
	// keeps the focus; each step announced, and Anna sees the new order.
	await mia
		.insight(D)
		.getByRole('button', { name: `Flytta upp: ${D}` })
		.click();
	await expect(mia.announcement).toHaveText(`${D} är nu nummer 3 av 4 i Kontakt.`);
	const up = mia.insight(D).getByRole('button', { name: `Flytta upp: ${D}` });
	await expect(up).toBeFocused();
	await f.keyboard.press('Enter');
	await expect(mia.announcement).toHaveText(`${D} är nu nummer 2 av 4 i Kontakt.`);
	await expect.poll(() => textsIn(watcher.area('Kontakt'))).toEqual([A, D, B, C]);
	await mia
		.insight(A)
		.getByRole('button', { name: `Flytta ned: ${A}` })
		.click();
	await expect.poll(() => textsIn(watcher.area('Kontakt'))).toEqual([D, A, B, C]);
	// Reordering by drag: dropped on an insight, it goes just before it.
	await mia.insight(C).dragTo(mia.insight(D));
	await expect.poll(() => textsIn(watcher.area('Kontakt'))).toEqual([C, D, A, B]);

	// 2. Split a chosen set out to a new area.
	const kontakt = mia.area('Kontakt');
	await kontakt.getByLabel(`Markera ${C} för att bryta ut`).check();
	await kontakt.getByLabel(`Markera ${D} för att bryta ut`).check();
	await kontakt
		.getByLabel('Namn på det nya området för de markerade insikterna')
		.fill('Hjälpmedel');
	await kontakt.getByRole('button', { name: 'Bryt ut markerade (2)' }).click();
	await expect(mia.announcement).toHaveText('2 insikter utbrutna till Hjälpmedel.');
	for (const page of [mia, watcher]) {
		await expect.poll(() => page.areaNames()).toEqual(['Kontakt', 'Hjälpmedel']);
		await expect.poll(() => textsIn(page.area('Hjälpmedel'))).toEqual([C, D]);
		await expect.poll(() => textsIn(page.area('Kontakt'))).toEqual([A, B]);
	}

	// 3. Rename.
	await kontakt.getByText('Ändra området').click();
	await kontakt.getByLabel('Nytt namn på Kontakt').fill('Tillgänglighet');
	await kontakt.getByRole('button', { name: 'Byt namn' }).click();
	await expect(mia.announcement).toHaveText('Området heter nu Tillgänglighet.');
	await expect.poll(() => watcher.areaNames()).toEqual(['Tillgänglighet', 'Hjälpmedel']);

	// 4. Reorder areas with the keyboard: the button keeps the focus, the step is announced.
	await f.getByRole('button', { name: 'Flytta Hjälpmedel uppåt' }).focus();
	await f.keyboard.press('Enter');
	await expect(mia.announcement).toHaveText('Hjälpmedel är nu nummer 1 av 2.');
	await expect(f.getByRole('button', { name: 'Flytta Hjälpmedel nedåt' })).toBeFocused();
	await expect.poll(() => watcher.areaNames()).toEqual(['Hjälpmedel', 'Tillgänglighet']);

	// 5. An underområde, and an insight moved into it from the menu.
	const access = mia.area('Tillgänglighet');
	await access.getByLabel('Nytt underområde i Tillgänglighet').fill('Telefon');
	await access.getByRole('button', { name: 'Lägg till underområde' }).click();
	await expect(mia.announcement).toHaveText('Området Telefon skapat.');
	await mia.moveByKeyboard(B, '– Telefon');
	for (const page of [f, anna]) {
		await expect(subArea(page, 'Telefon').getByTestId('insight')).toHaveText([new RegExp(B)]);
	}

	// 6. Delete the area: it and its underområde go, their insights back to Ej sorterade.
	await access.getByRole('button', { name: 'Ta bort Tillgänglighet' }).click();
	await expect(mia.announcement).toHaveText(
		'Tillgänglighet borttaget. Dess insikter ligger i Ej sorterade.'
	);
	for (const page of [mia, watcher]) {
		await expect.poll(() => page.areaNames()).toEqual(['Hjälpmedel']);
		await expect(page.page.getByTestId('subarea')).toHaveCount(0);
		await page.expectInsightIn(A, null);
		await page.expectInsightIn(B, null);
		await page.expectInsightIn(C, 'Hjälpmedel');
	}

	// 7. The overview table sorts by any column.
	const table = f.getByTestId('overview');
	await mia.moveByKeyboard(A, 'Hjälpmedel');
	await mia.createAreaByKeyboard('Ansvar');
	await mia.moveByKeyboard(E, 'Ansvar');
	const rowNames = () => table.locator('tbody th').allInnerTexts();
	await expect.poll(rowNames).toEqual(['Hjälpmedel', 'Ansvar']);
	await table.getByRole('button', { name: /^Insikter/ }).click();
	await expect(table.getByRole('columnheader', { name: /^Insikter/ })).toHaveAttribute(
		'aria-sort',
		'ascending'
	);
	await expect.poll(rowNames).toEqual(['Ansvar', 'Hjälpmedel']);
	await table.getByRole('button', { name: /^Insikter/ }).click();
	await expect.poll(rowNames).toEqual(['Hjälpmedel', 'Ansvar']);

	// Areas reorder by drag too: Ansvar's heading dropped on Hjälpmedel goes before it. The
	// events are dispatched, since a mouse drag between two far-apart cards scrolls mid-drag.
	const transfer = await f.evaluateHandle(() => new DataTransfer());
	await mia.area('Ansvar').locator('header').dispatchEvent('dragstart', { dataTransfer: transfer });
	const target = mia.area('Hjälpmedel').locator('header');
	await target.dispatchEvent('dragover', { dataTransfer: transfer });
	await target.dispatchEvent('drop', { dataTransfer: transfer });
	await expect(mia.announcement).toHaveText('Ansvar är nu nummer 1 av 2.');
	await expect.poll(() => watcher.areaNames()).toEqual(['Ansvar', 'Hjälpmedel']);

	await expectAccessible(f);
	await expectAccessible(anna);
	await facilitator.close();
	await participant.close();
});

test('the workshop’s synonyms change the preview and "Visa liknande"; a rejection holds for the workshop', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const facilitator = await browser.newContext();
	const f = await facilitator.newPage();
	await facilitatorCreatesWorkshop(f, 'Oskar 83 – synonymer');
	const workshopUrl = f.url();
	const mia = new ClusteringPage(f);
	await mia.open(workshopUrl);
	await f.getByText(/Lyft fler lappar till insikter/).click();
	for (const text of [A, B, E, F, G]) {
		await f.getByLabel('Skriv en insikt').fill(text);
		await f.getByRole('button', { name: 'Lägg till insikt' }).click();
		await expect(mia.announcement).toHaveText('Insikten ligger i Ej sorterade.');
	}
	const suggestions = f.getByTestId('suggestion');
	const slider = f.getByLabel(/Hur lika insikterna/);
	await slider.focus();
	await f.keyboard.press('Home');
	for (let i = 0; i < 3; i++) await f.keyboard.press('ArrowRight');
	await expect(f.locator('label', { hasText: 'Hur lika insikterna' })).toContainText('0,20');

	// Without the workshop's words, F and G share nothing.
	await expect(suggestions).toHaveCount(1);
	await expect(suggestions.filter({ hasText: F })).toHaveCount(0);
	await mia
		.insight(F)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();
	await expect(mia.announcement).toHaveText('0 liknande insikter markerade.');
	await expect(mia.insight(G)).not.toContainText('Liknande');
	await mia
		.insight(F)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();

	// Typed, the preview uses them at once; saved, "Visa liknande" does too.
	await f.getByLabel('Ord som betyder samma sak här').fill('nattpatrullen = blå gruppen');
	await expect(suggestions).toHaveCount(2);
	const local = suggestions.filter({ hasText: F });
	await expect(local).toContainText(G);
	await f.getByRole('button', { name: 'Spara orden' }).click();
	await expect(mia.announcement).toHaveText('Orden sparade för workshoppen.');
	await mia
		.insight(F)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();
	await expect(mia.announcement).toHaveText('1 liknande insikter markerade.');
	await expect(mia.insight(G)).toContainText('Liknande');

	// Reject the group; after a reload (as another facilitator would see it) it stays hidden,
	// and can be shown again.
	const localName = (await local.getByRole('heading').innerText()).trim();
	await local.getByRole('button', { name: `Avvisa förslaget ${localName}` }).click();
	await expect(suggestions).toHaveCount(1);
	await f.reload();
	await expect(f.getByRole('heading', { level: 1, name: 'Klustring' })).toBeVisible();
	await expect(f.getByLabel('Ord som betyder samma sak här')).toHaveValue(
		'nattpatrullen = blå gruppen'
	);
	await expect(suggestions.filter({ hasText: A })).toHaveCount(1);
	await expect(suggestions.filter({ hasText: F })).toHaveCount(0);
	await f.getByRole('button', { name: 'Visa avvisade förslag igen (1)' }).click();
	await expect(suggestions.filter({ hasText: F })).toHaveCount(1);

	await expectAccessible(f);
	await facilitator.close();
});
