import { expect, test, type Browser, type Page } from './fixtures';
import { facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

const AREA = 'Vem ringer jag';
const STEP = ['', '1 – mycket låg', '2 – låg', '3 – medel', '4 – hög', '5 – mycket hög'];

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

async function score(page: Page, worth: number, cost: number) {
	const area = page.getByRole('group', { name: AREA, exact: true });
	await area
		.getByRole('group', { name: 'Nytta', exact: true })
		.getByRole('radio', { name: STEP[worth], exact: true })
		.check();
	await area
		.getByRole('group', { name: 'Insats', exact: true })
		.getByRole('radio', { name: STEP[cost], exact: true })
		.check();
}

test('strong disagreement is flagged, re-scored alone, and the earlier medians stay beside', async ({
	browser
}) => {
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	await facilitator.goto(`${base}/klustring`);
	await waitOnline(facilitator);
	await facilitator.getByLabel('Nytt förbättringsområde').fill(AREA);
	await facilitator.getByRole('button', { name: 'Skapa område' }).click();
	await expect(facilitator.getByRole('heading', { name: AREA })).toBeVisible();
	const people: Page[] = [];
	for (const name of ['Pia', 'Per', 'Pål']) {
		const page = await newPage(browser);
		await participantJoins(page, code, name);
		await open(page, `${base}/prioritering`);
		await waitOnline(page);
		people.push(page);
	}
	await open(facilitator, `${base}/prioritering`);
	await waitOnline(facilitator);
	await facilitator.getByRole('checkbox', { name: AREA }).check();
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();

	// Nytta 1, 3 and 5: the middle half spans two steps, a split worth talking about.
	for (const [i, page] of people.entries()) await score(page, 1 + 2 * i, 2);
	await expect(facilitator.getByTestId('progress')).toHaveText('3 av 3 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	const row = (page: Page) =>
		page.getByTestId('results-table').getByRole('row', { name: new RegExp(AREA) });
	await expect(row(people[0]!)).toContainText('Flaggad för diskussion');
	await expect(row(people[0]!).locator('td').first()).toHaveText('3');

	await facilitator.getByRole('button', { name: 'Poängsätt flaggade områden igen' }).click();
	await expect(facilitator.getByTestId('progress').last()).toHaveText('0 av 3 har lämnat poäng');
	await expect(
		facilitator.getByRole('button', { name: 'Poängsätt flaggade områden igen' })
	).toHaveCount(0);
	// After talking it over they agree more: 4, 4 and 5.
	for (const [i, page] of people.entries()) {
		await expect(page.getByRole('heading', { name: 'Dina poäng' })).toBeVisible();
		await score(page, i === 2 ? 5 : 4, 2);
	}
	await expect(facilitator.getByTestId('progress').last()).toHaveText('3 av 3 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	for (const page of [facilitator, ...people]) {
		await expect(row(page).locator('td').first()).toHaveText('4');
		await expect(row(page)).toContainText('Tidigare omgång: median 3 / 2');
		await expect(row(page)).not.toContainText('Flaggad för diskussion');
	}
});
