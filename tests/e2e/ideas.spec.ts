import { expect, test, type Browser, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';

const AREA = 'Vem ringer jag';
const QUESTION = 'Hur kan vi göra nattens kontakt självklar?';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

const idea = (page: Page, text: string) => page.getByTestId('idea').filter({ hasText: text });

test('a participant’s ideas reach the facilitator live, silently or not; the facilitator groups one and makes it an action', async ({
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

	// No prioritised area yet: the page says so and leads to Prioritering.
	await facilitator.getByRole('link', { name: 'Idéer' }).click();
	await waitOnline(facilitator);
	await expect(facilitator.getByTestId('ideas-empty')).toContainText('Inget område är prioriterat');
	await expectAccessible(facilitator);
	await facilitator.getByRole('link', { name: 'Gå till Prioritering' }).click();
	await expect(facilitator).toHaveURL(/\/prioritering$/);

	// One quick round makes the area prioritised.
	const pia = await newPage(browser);
	await participantJoins(pia, code, 'Pia');
	await pia.goto(`${base}/prioritering`);
	await waitOnline(pia);
	await waitOnline(facilitator);
	await facilitator.getByRole('checkbox', { name: AREA }).check();
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();
	for (const [axis, value] of [
		['Nytta', '5 – mycket hög'],
		['Insats', '1 – mycket låg']
	] as const) {
		await pia
			.getByRole('group', { name: AREA, exact: true })
			.getByRole('group', { name: axis, exact: true })
			.getByRole('radio', { name: value, exact: true })
			.check();
	}
	await expect(facilitator.getByTestId('progress')).toHaveText('1 av 1 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	await facilitator.getByRole('checkbox', { name: `Prioriterad: ${AREA}` }).check();
	await facilitator.getByRole('link', { name: new RegExp(`Målbild för ${AREA}`) }).click();
	await facilitator.getByLabel('Hur kan vi …?').fill(QUESTION);

	// Both on Idéer: the question on top of the area.
	await facilitator.getByRole('link', { name: 'Idéer' }).click();
	await pia.getByRole('link', { name: 'Idéer' }).click();
	for (const page of [facilitator, pia]) {
		await expect(page.getByRole('heading', { level: 2, name: AREA })).toBeVisible();
		await expect(page.getByTestId('idea-question')).toHaveText(QUESTION);
	}

	// Pia adds an idea with the keyboard; the facilitator sees it live, with her provenance.
	await pia.getByLabel(`Ny idé för ${AREA}`).fill('Ett nummer som alltid svarar');
	await pia.getByLabel(`Ny idé för ${AREA}`).press('Enter');
	await expect(idea(facilitator, 'Ett nummer som alltid svarar')).toContainText('Pia');
	await expect(idea(facilitator, 'Ett nummer som alltid svarar')).toContainText('Kommun');

	// Pia edits her own idea; the facilitator may remove it but not edit it.
	await idea(pia, 'Ett nummer som alltid svarar').getByRole('button', { name: 'Ändra' }).click();
	await pia.getByLabel('Ändra idén').fill('Ett nummer som alltid svarar, dygnet runt');
	await pia.getByRole('button', { name: 'Spara' }).click();
	await expect(idea(pia, 'dygnet runt').getByRole('button', { name: 'Ändra' })).toBeFocused();
	await expect(idea(facilitator, 'Ett nummer som alltid svarar, dygnet runt')).toHaveCount(1);
	const theirs = idea(facilitator, 'dygnet runt');
	await expect(theirs.getByRole('button', { name: 'Ändra' })).toHaveCount(0);
	await expect(theirs.getByRole('button', { name: 'Ta bort' })).toHaveCount(1);

	// A silent round: Pia's next idea stays hers until the facilitator reveals.
	await facilitator.getByRole('button', { name: 'Starta tyst runda', exact: true }).click();
	await expect(pia.getByText('Tyst runda:')).toBeVisible();
	await pia.getByLabel(`Ny idé för ${AREA}`).fill('Tyst idé om hemgång');
	await pia.getByLabel(`Ny idé för ${AREA}`).press('Enter');
	await expect(pia.getByTestId('private-ideas')).toContainText('Tyst idé om hemgång');
	await expect(idea(facilitator, 'Tyst idé om hemgång')).toHaveCount(0);
	await facilitator.getByRole('button', { name: 'Visa idéerna från den tysta rundan' }).click();
	await expect(idea(facilitator, 'Tyst idé om hemgång')).toContainText('Pia');
	await expect(pia.getByTestId('private-ideas')).toHaveCount(0);
	await expect(idea(pia, 'Tyst idé om hemgång')).toHaveCount(1);

	// The facilitator groups the first idea, by keyboard; Pia sees the group live.
	const first = idea(facilitator, 'Ett nummer som alltid svarar');
	await first.getByLabel('Grupp').fill('Telefon');
	await first.getByLabel('Grupp').press('Enter');
	await expect(pia.getByRole('heading', { name: 'Grupp: Telefon' })).toBeVisible();

	// … and turns it into an action: the link shows on the idea, for Pia too.
	await idea(facilitator, 'Ett nummer som alltid svarar')
		.getByRole('button', { name: 'Gör till åtgärd' })
		.click();
	for (const page of [facilitator, pia]) {
		await expect(
			idea(page, 'Ett nummer som alltid svarar').getByRole('link', {
				name: 'Åtgärd i handlingsplanen'
			})
		).toHaveAttribute('href', /\/handlingsplan#action-/);
	}

	// Dot voting on the area's ideas: Pia's dot is hers until the facilitator shows the result.
	await facilitator.getByRole('button', { name: 'Starta prickröstning' }).click();
	await expect(pia.getByText('Prickröstning pågår: 1 av 1 prickar kvar')).toBeVisible();
	await expectAccessible(pia);
	const dots = idea(pia, 'Tyst idé om hemgång').getByLabel('Dina prickar');
	await dots.fill('1');
	await dots.press('Tab');
	await expect(pia.getByText('Prickröstning pågår: 0 av 1 prickar kvar')).toBeVisible();
	await expect(facilitator.getByText('1 av 1 har röstat.')).toBeVisible();
	await facilitator.getByRole('button', { name: 'Avsluta och visa resultatet' }).click();
	for (const page of [facilitator, pia]) {
		await expect(page.getByTestId('dot-results').getByRole('listitem').first()).toHaveText(
			'Tyst idé om hemgång – plats 1 · prickar: 1'
		);
	}
	await expectAccessible(facilitator);
	await expectAccessible(pia);
});
