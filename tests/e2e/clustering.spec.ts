import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';
import { ClusteringPage } from './pages/clustering';
import { JourneyBoard, Q_ONSKAT, Q_SKAVER } from './pages/journey';

const LOW_POINTS = [
	'Ingen ringer tillbaka från vårdcentralen',
	'Svårt att nå vårdcentralen på telefon',
	'Rollatorn kom först efter tre veckor',
	'Hjälpmedel levereras för sent efter hemgång',
	'Läkemedelslistan stämmer inte mellan region och kommun'
];
const QUOTE = 'Tidspress, vi har ingen luft i systemet';

test('a facilitator promotes, groups by keyboard, takes suggestions, merges and undoes while a participant watches live', async ({
	browser
}) => {
	// Two browsers and a dozen steps on a shared 2-core machine.
	test.setTimeout(240_000);
	const facilitator = await browser.newContext();
	const participant = await browser.newContext();
	const f = await facilitator.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Oskar 83 – klustring');
	const workshopUrl = f.url();
	const anna = await participant.newPage();
	await participantJoins(anna, code, 'Anna Sjöberg');
	await waitOnline(anna);

	// Every bottennapp Anna writes becomes an insight; her citat does not.
	const journey = new JourneyBoard(anna);
	const cells = [1, 2, 3].flatMap((n) => [Q_SKAVER, Q_ONSKAT].map((q) => [`Händelse ${n}`, q]));
	for (const [i, text] of LOW_POINTS.entries()) {
		const [event, question] = cells[i]!;
		await journey.addNote(event!, question!, text, 'bottennapp');
	}
	await journey.addNote(cells[5]![0]!, cells[5]![1]!, QUOTE, 'citat');

	const mia = new ClusteringPage(f);
	const watcher = new ClusteringPage(anna);
	await mia.open(workshopUrl);
	await watcher.open(workshopUrl);
	for (const text of LOW_POINTS) {
		await mia.expectInsightIn(text, null);
		await watcher.expectInsightIn(text, null);
	}
	await expect(watcher.insight(QUOTE)).toHaveCount(0);
	// Anna may not sort unless the facilitator allows it: no move menu for her.
	await expect(anna.getByRole('button', { name: /^Flytta till/ })).toHaveCount(0);

	// 1. Promote the citat.
	await f.getByText(/Lyft fler lappar till insikter/).click();
	await f.getByRole('button', { name: `Gör lappen ${QUOTE} till insikt` }).click();
	await expect(mia.announcement).toHaveText('Lappen är nu en insikt i Ej sorterade.');
	await watcher.expectInsightIn(QUOTE, null);

	// 2. Group by keyboard only: a new area, two insights moved with "Flytta till …".
	await mia.createAreaByKeyboard('Läkemedel');
	await mia.moveByKeyboard(LOW_POINTS[4]!, 'Läkemedel');
	await expect(mia.announcement).toHaveText(`${LOW_POINTS[4]} flyttad till Läkemedel.`);
	await mia.moveByKeyboard(QUOTE, 'Läkemedel');
	for (const page of [mia, watcher]) {
		await page.expectInsightIn(LOW_POINTS[4]!, 'Läkemedel');
		await page.expectInsightIn(QUOTE, 'Läkemedel');
	}
	await expect(watcher.area('Läkemedel').getByTestId('perspective')).toContainText(
		'Insikter 2 · händelser 1 · frågor 2 · lyft av 1 av 1 yrkesroller, bara Kommun'
	);

	// 3. Suggestions over Ej sorterade: the slider changes the preview; accept one, reject one.
	const slider = f.getByLabel(/Hur lika insikterna/);
	const sliderLabel = f.locator('label', { hasText: 'Hur lika insikterna' });
	const suggestions = f.getByTestId('suggestion');
	await slider.focus();
	await f.keyboard.press('Home');
	for (let i = 0; i < 5; i++) await f.keyboard.press('ArrowRight');
	await expect(sliderLabel).toContainText('0,30');
	await expect(suggestions).toHaveCount(1);
	await f.keyboard.press('ArrowLeft');
	await f.keyboard.press('ArrowLeft');
	await expect(sliderLabel).toContainText('0,20');
	await expect(suggestions).toHaveCount(2);
	const phone = suggestions.filter({ hasText: LOW_POINTS[0]! });
	const phoneName = (await phone.getByRole('heading').innerText()).trim();
	await phone.getByRole('button', { name: `Godta förslaget ${phoneName}` }).click();
	await expect(mia.area(phoneName)).toBeVisible();
	const aids = suggestions.filter({ hasText: LOW_POINTS[2]! });
	const aidsName = (await aids.getByRole('heading').innerText()).trim();
	await aids.getByRole('button', { name: `Avvisa förslaget ${aidsName}` }).click();
	await expect(mia.announcement).toHaveText(`Förslaget ${aidsName} avvisat.`);
	await expect(suggestions).toHaveCount(0);
	for (const page of [mia, watcher]) {
		await page.expectInsightIn(LOW_POINTS[0]!, phoneName);
		await page.expectInsightIn(LOW_POINTS[1]!, phoneName);
		await page.expectInsightIn(LOW_POINTS[2]!, null);
		await page.expectInsightIn(LOW_POINTS[3]!, null);
	}

	// 4. Merge Läkemedel into the accepted area, then undo the merge.
	const lakemedel = mia.area('Läkemedel');
	await lakemedel.getByText('Ändra området').click();
	await lakemedel.getByLabel('Slå ihop Läkemedel med').selectOption({ label: phoneName });
	await lakemedel.getByRole('button', { name: 'Slå ihop', exact: true }).click();
	await expect(mia.announcement).toHaveText(`Läkemedel ihopslaget med ${phoneName}.`);
	for (const page of [mia, watcher]) {
		await expect.poll(() => page.areaNames()).toEqual([phoneName]);
		await page.expectInsightIn(LOW_POINTS[4]!, phoneName);
	}
	await f.getByRole('button', { name: 'Ångra', exact: true }).click();
	await expect(mia.announcement).toHaveText('Ångrat.');
	for (const page of [mia, watcher]) {
		await expect.poll(() => page.areaNames()).toEqual(['Läkemedel', phoneName]);
		await page.expectInsightIn(LOW_POINTS[4]!, 'Läkemedel');
		await page.expectInsightIn(QUOTE, 'Läkemedel');
		await page.expectInsightIn(LOW_POINTS[0]!, phoneName);
	}

	// Drag and drop does the same as the menu.
	await mia.insight(LOW_POINTS[3]!).dragTo(mia.area('Läkemedel'));
	await watcher.expectInsightIn(LOW_POINTS[3]!, 'Läkemedel');

	// "Visa liknande" highlights the nearest neighbours.
	await mia
		.insight(LOW_POINTS[0]!)
		.getByRole('button', { name: /^Visa liknande/ })
		.click();
	await expect(mia.insight(LOW_POINTS[1]!)).toContainText('Liknande');

	// The facilitator lets participants move: Anna gets the menu and her move reaches Mia.
	await f.getByLabel('Deltagare får flytta insikter').check();
	await watcher.moveByKeyboard(LOW_POINTS[2]!, phoneName);
	await mia.expectInsightIn(LOW_POINTS[2]!, phoneName);

	await expectAccessible(f);
	await expectAccessible(anna);
	await facilitator.close();
	await participant.close();
});
