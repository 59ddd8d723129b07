import { expect, test, type Browser, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

const AREAS = ['Vem ringer jag', 'Läkemedelslistan', 'Hemgång'] as const;

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** Adds a dot by keyboard: focus the area's + button and press Enter. */
async function addDot(page: Page, area: string) {
	const button = page.getByRole('button', { name: `Lägg en prick på ${area}` });
	await button.focus();
	await page.keyboard.press('Enter');
}

test('two participants vote with dots hidden, within the limits, and see the ranked counts', async ({
	browser
}) => {
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	await facilitator.goto(`${base}/klustring`);
	await waitOnline(facilitator);
	for (const name of AREAS) {
		await facilitator.getByLabel('Nytt förbättringsområde').fill(name);
		await facilitator.getByRole('button', { name: 'Skapa område' }).click();
		await expect(facilitator.getByRole('heading', { name })).toBeVisible();
	}
	const people: Page[] = [];
	for (const name of ['Pia', 'Per']) {
		const page = await newPage(browser);
		await participantJoins(page, code, name);
		await open(page, `${base}/prioritering`);
		await waitOnline(page);
		people.push(page);
	}
	const [pia, per] = people as [Page, Page];

	await open(facilitator, `${base}/prioritering`);
	await waitOnline(facilitator);
	for (const name of AREAS) await facilitator.getByRole('checkbox', { name }).check();
	await facilitator.getByRole('radio', { name: 'Prickröstning' }).check();
	// The default is about a third of the areas: one dot of three areas; two people get two.
	await expect(facilitator.getByLabel('Prickar per person')).toHaveValue('1');
	await facilitator.getByLabel('Prickar per person').fill('2');
	await facilitator.getByLabel('Prickar per person').press('Tab');
	await expect(facilitator.getByLabel('Högst antal prickar på ett område')).toHaveValue('1');
	await expectAccessible(facilitator);
	await facilitator.getByRole('button', { name: 'Öppna prickröstning' }).click();
	await expect(facilitator.getByTestId('progress')).toHaveText('0 av 2 har lagt prickar');

	await expect(pia.getByTestId('dots-left')).toHaveText('2 av 2 prickar kvar');
	await expectAccessible(pia);
	await addDot(pia, AREAS[0]);
	// At most one on an area: its + is off now, the others still on.
	await expect(pia.getByRole('button', { name: `Lägg en prick på ${AREAS[0]}` })).toBeDisabled();
	await expect(pia.getByTestId('dots-left')).toHaveText('1 av 2 prickar kvar');
	await addDot(pia, AREAS[1]);
	await expect(pia.getByTestId('dots-left')).toHaveText('0 av 2 prickar kvar');
	await expect(pia.getByRole('button', { name: `Lägg en prick på ${AREAS[2]}` })).toBeDisabled();
	// Moving a dot: take it off the second area, put it on the third.
	await pia.getByRole('button', { name: `Ta bort en prick från ${AREAS[1]}` }).click();
	await addDot(pia, AREAS[2]);
	await expect(pia.getByTestId('dots-left')).toHaveText('0 av 2 prickar kvar');
	await expect(facilitator.getByTestId('progress')).toHaveText('1 av 2 har lagt prickar');

	await addDot(per, AREAS[0]);
	await addDot(per, AREAS[1]);
	await expect(facilitator.getByTestId('progress')).toHaveText('2 av 2 har lagt prickar');

	// Before reveal nobody sees anyone's dots: no results, Per's form shows only his own.
	await expect(per.getByTestId('progress')).toHaveText('2 av 2 har lagt prickar');
	for (const page of [facilitator, pia, per]) {
		await expect(page.getByTestId('dot-results')).toHaveCount(0);
	}
	const perThird = per.getByTestId('dot-area').filter({ hasText: AREAS[2] });
	await expect(perThird.getByTestId('dot-count')).toHaveText('0 prickar');

	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	for (const page of [facilitator, pia, per]) {
		const rows = page.getByTestId('dot-results').locator('tbody tr');
		await expect(rows).toHaveCount(3);
		// Most dots first; equal counts share a rank.
		await expect(rows.nth(0)).toHaveText(new RegExp(`^1\\s*${AREAS[0]}\\s*2\\s*2$`));
		await expect(rows.locator('th')).toHaveText([AREAS[0], AREAS[1], AREAS[2]]);
		await expect(rows.locator('td:first-child')).toHaveText(['1', '2', '2']);
	}
	await expect(pia.getByTestId('dot-form')).toHaveCount(0);
	await expectAccessible(pia);
});

test('custom axes, and comments on a målbild only while the facilitator allows them', async ({
	browser
}) => {
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	await facilitator.goto(`${base}/klustring`);
	await waitOnline(facilitator);
	await facilitator.getByLabel('Nytt förbättringsområde').fill(AREAS[0]);
	await facilitator.getByRole('button', { name: 'Skapa område' }).click();
	await expect(facilitator.getByRole('heading', { name: AREAS[0] })).toBeVisible();
	const pia = await newPage(browser);
	await participantJoins(pia, code, 'Pia');
	await open(pia, `${base}/prioritering`);
	await waitOnline(pia);

	await open(facilitator, `${base}/prioritering`);
	await waitOnline(facilitator);
	await facilitator.getByRole('checkbox', { name: AREAS[0] }).check();
	await facilitator.getByRole('combobox', { name: 'Axlar' }).selectOption('custom');
	const worth = facilitator.getByRole('group', { name: 'Lodrät axel (till exempel nytta)' });
	await worth.getByLabel('Namn').fill('Trygghet');
	const cost = facilitator.getByRole('group', { name: 'Vågrät axel (till exempel insats)' });
	await cost.getByLabel('Namn').fill('Genomförbarhet');
	await cost.getByLabel('Bättre är').selectOption('high');
	await expectAccessible(facilitator);
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();

	const area = pia.getByRole('group', { name: AREAS[0], exact: true });
	await area
		.getByRole('group', { name: 'Trygghet', exact: true })
		.getByRole('radio', { name: '5 – mycket hög' })
		.check();
	// High genomförbarhet is the good end: a quick win sits top left all the same.
	await area
		.getByRole('group', { name: 'Genomförbarhet', exact: true })
		.getByRole('radio', { name: '5 – mycket hög' })
		.check();
	await expect(facilitator.getByTestId('progress')).toHaveText('1 av 1 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	const row = pia.getByTestId('results-table').getByRole('row', { name: new RegExp(AREAS[0]) });
	await expect(row.locator('td[data-quadrant]')).toHaveText('Snabba vinster');
	await expect(pia.getByTestId('matrix').locator('svg')).toContainText(
		'Genomförbarhet (hög till vänster)'
	);
	const point = pia.getByTestId('matrix').locator('g.area circle.point');
	const plot = pia.getByTestId('matrix').locator('svg > rect').first();
	const [p, r] = [await point.boundingBox(), await plot.boundingBox()];
	// Top left corner of the plot.
	expect(p!.x - r!.x).toBeLessThan(r!.width / 4);
	expect(p!.y - r!.y).toBeLessThan(r!.height / 4);

	// The målbild: the facilitator marks it prioritised, then allows comments.
	await facilitator.getByRole('checkbox', { name: `Prioriterad: ${AREAS[0]}` }).check();
	await facilitator.getByRole('link', { name: new RegExp(`Målbild för ${AREAS[0]}`) }).click();
	await pia.getByRole('link', { name: new RegExp(`Målbild för ${AREAS[0]}`) }).click();
	await expect(pia.getByText('Samtalsledaren har inte öppnat för kommentarer.')).toBeVisible();
	await expect(pia.getByLabel('Din kommentar')).toHaveCount(0);
	await facilitator.getByLabel('Deltagarna får kommentera målbilden').check();
	await pia.getByLabel('Din kommentar').fill('Gäller det helger också?');
	await pia.getByRole('button', { name: 'Skicka kommentar' }).click();
	const seen = facilitator.getByTestId('goal-comment');
	await expect(seen).toHaveCount(1);
	await expect(seen).toContainText('Gäller det helger också?');
	await expect(seen).toContainText('Pia');
	await expectAccessible(pia);
	await expectAccessible(facilitator);
	// Closed again: her form goes; the facilitator removes the comment and she sees it go.
	await facilitator.getByLabel('Deltagarna får kommentera målbilden').uncheck();
	await expect(pia.getByLabel('Din kommentar')).toHaveCount(0);
	await facilitator.getByRole('button', { name: 'Ta bort kommentaren från Pia' }).click();
	await expect(pia.getByTestId('goal-comment')).toHaveCount(0);
});
