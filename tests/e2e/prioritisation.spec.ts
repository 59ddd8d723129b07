import { expect, test, type Browser, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';

const AREAS = ['Vem ringer jag', 'Läkemedelslistan'] as const;
const STEP = ['', '1 – mycket låg', '2 – låg', '3 – medel', '4 – hög', '5 – mycket hög'];

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

async function score(page: Page, area: string, axis: 'Nytta' | 'Insats', value: number) {
	const group = page
		.getByRole('group', { name: area, exact: true })
		.getByRole('group', { name: axis, exact: true });
	await group.getByRole('radio', { name: STEP[value], exact: true }).check();
}

test('three participants score two areas hidden, the facilitator reveals and prioritises', async ({
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
	for (const name of ['Pia', 'Per', 'Pål']) {
		const page = await newPage(browser);
		await participantJoins(page, code, name);
		await page.goto(`${base}/prioritering`);
		await waitOnline(page);
		people.push(page);
	}

	await facilitator.getByRole('link', { name: 'Prioritering' }).click();
	await waitOnline(facilitator);
	for (const name of AREAS) await facilitator.getByRole('checkbox', { name }).check();
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();
	await expect(facilitator.getByTestId('progress')).toHaveText('0 av 3 har lämnat poäng');

	// [nytta, insats] per area and person: the first area a quick win, the second a time thief.
	const given = [
		[
			[5, 1],
			[1, 5]
		],
		[
			[4, 2],
			[2, 4]
		],
		[
			[5, 1],
			[1, 5]
		]
	] as const;
	for (const [i, page] of people.entries()) {
		await expect(page.getByRole('heading', { name: 'Dina poäng' })).toBeVisible();
		if (i === 0) await expectAccessible(page);
		for (const [a, area] of AREAS.entries()) {
			await score(page, area, 'Nytta', given[i]![a]![0]);
			await score(page, area, 'Insats', given[i]![a]![1]);
		}
		await expect(facilitator.getByTestId('progress')).toHaveText(`${i + 1} av 3 har lämnat poäng`);
	}

	// Before reveal nobody sees another's values: no results, and each form shows only one's own.
	for (const [i, page] of people.entries()) {
		await expect(page.getByTestId('progress')).toHaveText('3 av 3 har lämnat poäng');
		await expect(page.getByTestId('matrix')).toHaveCount(0);
		await expect(page.getByTestId('results-table')).toHaveCount(0);
		const own = page
			.getByRole('group', { name: AREAS[0], exact: true })
			.getByRole('group', { name: 'Nytta', exact: true });
		await expect(own.getByRole('radio', { checked: true })).toHaveAccessibleName(
			STEP[given[i]![0]![0]]!
		);
	}
	await expect(facilitator.getByTestId('matrix')).toHaveCount(0);

	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	for (const page of [facilitator, ...people]) {
		const matrix = page.getByTestId('matrix');
		await expect(matrix.locator('g.area')).toHaveCount(2);
		const table = page.getByTestId('results-table');
		const rows = table.locator('tbody tr');
		await expect(rows).toHaveCount(2);
		const quick = table.getByRole('row', { name: new RegExp(AREAS[0]) });
		await expect(quick.locator('td[data-quadrant]')).toHaveText('Snabba vinster');
		const thief = table.getByRole('row', { name: new RegExp(AREAS[1]) });
		await expect(thief.locator('td[data-quadrant]')).toHaveText('Tidstjuvar');
		for (const row of [quick, thief]) {
			const id = await row.getAttribute('data-area');
			const q = await row.locator('td[data-quadrant]').getAttribute('data-quadrant');
			await expect(matrix.locator(`g[data-area="${id}"]`)).toHaveAttribute('data-quadrant', q!);
		}
	}
	await expectAccessible(facilitator);

	await facilitator.getByRole('checkbox', { name: `Prioriterad: ${AREAS[0]}` }).check();
	for (const page of people) {
		const row = page.getByTestId('results-table').getByRole('row', { name: new RegExp(AREAS[0]) });
		await expect(row.locator('td').last()).toHaveText('✓');
	}
	await expectAccessible(people[0]!);

	// The facilitator moves the time thief up; its median stays visible and it says it was moved.
	await facilitator.getByLabel(`Slutlig Nytta för ${AREAS[1]}`).fill('4.5');
	await facilitator.getByLabel(`Slutlig Nytta för ${AREAS[1]}`).press('Tab');
	const moved = people[0]!.getByTestId('results-table').getByRole('row', {
		name: new RegExp(AREAS[1])
	});
	await expect(moved.locator('td[data-quadrant]')).toHaveText('Stora satsningar');
	await expect(moved).toContainText('Flyttad av samtalsledaren');
	await expect(moved.locator('td').first()).toHaveText('1');
	await expect(people[0]!.locator('g.area[data-moved="true"] circle.median')).toHaveCount(1);

	// The målbild: the facilitator writes, participants read it live.
	const goalLink = { name: new RegExp(`Målbild för ${AREAS[0]}`) };
	await facilitator.getByRole('link', goalLink).click();
	await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText(`Målbild: ${AREAS[0]}`);
	const reader = people[1]!;
	await reader.getByRole('link', goalLink).click();
	await expect(reader.getByText('Samtalsledaren har inte skrivit något här ännu.')).toBeVisible();
	await facilitator
		.getByLabel('Sammanfattning av insikterna')
		.fill('Ingen vet vem som ansvarar på natten.');
	await facilitator
		.getByLabel('Målbild ur patientens perspektiv (ett påstående per rad)')
		.fill('Jag vet vem jag ska ringa, dygnet runt');
	await facilitator.getByLabel('Hur kan vi …?').fill('Hur kan vi göra nattens kontakt självklar?');
	const view = reader.getByTestId('goal-view');
	await expect(view).toContainText('Ingen vet vem som ansvarar på natten.');
	await expect(view.getByRole('listitem')).toHaveText(['Jag vet vem jag ska ringa, dygnet runt']);
	await expect(view).toContainText('Hur kan vi göra nattens kontakt självklar?');
	await expect(reader.getByRole('textbox')).toHaveCount(0);
	await expectAccessible(reader);
	await expectAccessible(facilitator);
});
