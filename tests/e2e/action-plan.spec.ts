import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from './fixtures';
import JSZip from 'jszip';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';

const AREA = 'Vem ringer jag';
const STEP = ['', '1 – mycket låg', '2 – låg', '3 – medel', '4 – hög', '5 – mycket hög'];
const field = (name: string, n = 1) => `${name}, åtgärd ${n} i ${AREA}`;

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** Goes to a tab of the workshop by its link, as a person would, and waits for the board. */
async function tab(page: Page, name: string) {
	await page
		.getByRole('navigation', { name: 'Workshopens delar' })
		.getByRole('link', { name })
		.click();
	await waitOnline(page);
}

/** One area, scored by one participant, revealed and prioritised by the facilitator. */
async function prioritise(facilitator: Page, participant: Page, base: string) {
	await facilitator.goto(`${base}/klustring`);
	await waitOnline(facilitator);
	await facilitator.getByLabel('Nytt förbättringsområde').fill(AREA);
	await facilitator.getByRole('button', { name: 'Skapa område' }).click();
	await expect(facilitator.getByRole('heading', { name: AREA })).toBeVisible();
	await participant.goto(`${base}/prioritering`);
	await waitOnline(participant);
	await tab(facilitator, 'Prioritering');
	await facilitator.getByRole('checkbox', { name: AREA }).check();
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();
	const area = participant.getByRole('group', { name: AREA, exact: true });
	await area
		.getByRole('group', { name: 'Nytta', exact: true })
		.getByRole('radio', { name: STEP[5], exact: true })
		.check();
	await area
		.getByRole('group', { name: 'Insats', exact: true })
		.getByRole('radio', { name: STEP[1], exact: true })
		.check();
	await expect(facilitator.getByTestId('progress')).toHaveText('1 av 1 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	await facilitator.getByRole('checkbox', { name: `Prioriterad: ${AREA}` }).check();
}

test('the facilitator writes the action plan and summary, a participant follows live', async ({
	browser
}) => {
	// One story from prioritising to the summary, three browser contexts: long on a busy machine.
	test.setTimeout(180_000);
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	const participant = await newPage(browser);
	await participantJoins(participant, code, 'Pia');

	// Before anything is prioritised the page says what to do, and where.
	await tab(participant, 'Handlingsplan');
	await expect(participant.getByTestId('plan-empty')).toContainText(
		'Inga förbättringsområden är prioriterade ännu.'
	);
	await expect(participant.getByRole('link', { name: 'Till Prioritering' })).toHaveAttribute(
		'href',
		`${base}/prioritering`
	);
	await expectAccessible(participant);

	await prioritise(facilitator, participant, base);
	await tab(participant, 'Handlingsplan');
	await tab(facilitator, 'Handlingsplan');
	const plan = participant.getByTestId('area-plan');
	await expect(plan.getByRole('heading', { name: AREA })).toBeVisible();
	await expect(plan).toContainText('Inga åtgärder ännu.');

	await facilitator.getByRole('button', { name: `Lägg till åtgärd i ${AREA}` }).click();
	await expect(facilitator.getByLabel(field('Steg i processen'))).toBeFocused();
	const values: [string, string][] = [
		['Steg i processen', 'Hemgång från sjukhuset'],
		['Nuläge', 'Ingen vet vem som ringer'],
		['Önskat läge', 'Ett nummer dygnet runt'],
		['Förslag åtgärder', 'Gemensam kontaktväg'],
		['Aktivitetsplan', 'Pilot på vårdcentralen i vår'],
		['Ansvarig', 'Vårdcentralen Ullared']
	];
	for (const [name, value] of values) {
		await facilitator.getByLabel(field(name)).fill(value);
		await facilitator.getByLabel(field(name)).press('Tab');
	}
	await facilitator.getByLabel(field('Datum')).fill('2027-03-15');
	await facilitator.getByLabel(field('Status')).selectOption('Pågår');

	const row = plan.getByTestId('action-row');
	await expect(row).toHaveCount(1);
	for (const [, value] of values) await expect(row).toContainText(value);
	await expect(row).toContainText('2027-03-15');
	await expect(row).toContainText('Pågår');
	await expect(participant.getByRole('textbox')).toHaveCount(0);

	// The follow-up: the action sits under Pågår, then moves to "Genomfört och fortgår".
	const followUp = participant.getByTestId('follow-up');
	const pagar = followUp.getByTestId('follow-up-pagar');
	const done = followUp.getByTestId('follow-up-genomford');
	await expect(pagar.getByTestId('follow-up-item')).toHaveText([
		/Gemensam kontaktväg.*Ansvarig: Vårdcentralen Ullared.*Datum: 2027-03-15/s
	]);
	await expect(done.getByTestId('follow-up-item')).toHaveCount(0);
	await expectAccessible(participant);

	await facilitator.getByLabel(field('Status')).selectOption('Genomförd');
	await expect(done.getByTestId('follow-up-item')).toHaveText([/Gemensam kontaktväg/]);
	await expect(pagar.getByTestId('follow-up-item')).toHaveCount(0);
	await expect(done.getByRole('heading')).toHaveText('Genomfört och fortgår (1)');
	await participant.getByLabel('Visa').selectOption('Pågår');
	await expect(done).toHaveCount(0);
	await expect(pagar).toContainText('Inget här ännu.');
	await expectAccessible(facilitator);

	// A second facilitator tab edits another field while the first is typing: nothing is lost.
	const second = await (
		await browser.newContext({ storageState: await facilitator.context().storageState() })
	).newPage();
	await second.goto(`${base}/handlingsplan`);
	await waitOnline(second);
	const current = facilitator.getByLabel(field('Nuläge'));
	await current.fill('');
	await current.pressSequentially('Ingen vet');
	await second.getByLabel(field('Ansvarig')).fill('Region Halland');
	await second.getByLabel(field('Ansvarig')).press('Tab');
	await expect(facilitator.getByLabel(field('Ansvarig'))).toHaveValue('Region Halland');
	await current.pressSequentially(' vem man ska ringa');
	await expect(current).toHaveValue('Ingen vet vem man ska ringa');
	await current.press('Tab');
	await expect(row).toContainText('Ingen vet vem man ska ringa');
	await expect(row).toContainText('Region Halland');
	await second.context().close();

	// Reorder and remove from the keyboard: a second action moves above the first, then goes.
	await facilitator.getByRole('button', { name: `Lägg till åtgärd i ${AREA}` }).click();
	await expect(facilitator.getByLabel(field('Steg i processen', 2))).toBeFocused();
	await facilitator.keyboard.type('Andra steget');
	await facilitator.keyboard.press('Tab');
	await expect(row).toHaveCount(2);
	await facilitator.getByRole('button', { name: `Flytta upp åtgärd 2 i ${AREA}` }).press('Enter');
	await expect(row.first()).toContainText('Andra steget');
	await expect(
		facilitator.getByRole('button', { name: `Flytta ned åtgärd 1 i ${AREA}` })
	).toBeFocused();
	await facilitator.getByRole('button', { name: `Ta bort åtgärd 1 i ${AREA}` }).press('Enter');
	await expect(facilitator.getByRole('button', { name: 'Behåll' })).toBeFocused();
	await facilitator.getByRole('button', { name: 'Ja, ta bort' }).click();
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Ingen vet vem man ska ringa');
	await expect(
		facilitator.getByRole('button', { name: `Lägg till åtgärd i ${AREA}` })
	).toBeFocused();

	// On a phone the table becomes stacked cards.
	await participant.setViewportSize({ width: 390, height: 800 });
	await expect(row).toHaveCSS('display', 'block');
	await expect(plan.locator('thead')).toHaveCSS('position', 'absolute');
	await participant.setViewportSize({ width: 1280, height: 720 });

	// The summary: bullets and next steps, written by the facilitator, read live.
	await tab(facilitator, 'Sammanfattning');
	await tab(participant, 'Sammanfattning');
	await expect(participant.getByTestId('summary-bullets')).toContainText(
		'Samtalsledaren har inte skrivit något här ännu.'
	);
	await facilitator.getByLabel('Ny punkt i Sammanfattning').fill('Ingen äger helheten');
	await facilitator.getByLabel('Ny punkt i Sammanfattning').press('Enter');
	await facilitator
		.getByLabel('Ny punkt i Sammanfattning')
		.fill('Läkemedelslistan följer inte med');
	await facilitator.getByRole('button', { name: 'Lägg till' }).first().click();
	await facilitator.getByLabel('Ny punkt i Nästa steg').fill('Uppföljning i mars');
	await facilitator.getByLabel('Ny punkt i Nästa steg').press('Enter');
	const bullets = participant.getByTestId('summary-bullets').getByRole('listitem');
	await expect(bullets).toHaveText(['Ingen äger helheten', 'Läkemedelslistan följer inte med']);
	await expect(participant.getByTestId('summary-nextSteps').getByRole('listitem')).toHaveText([
		'Uppföljning i mars'
	]);
	await facilitator.getByRole('button', { name: 'Flytta ned punkt 1 i Sammanfattning' }).click();
	await expect(bullets).toHaveText(['Läkemedelslistan följer inte med', 'Ingen äger helheten']);
	await expect(
		facilitator.getByRole('button', { name: 'Flytta upp punkt 2 i Sammanfattning' })
	).toBeFocused();
	await facilitator.getByLabel('Sammanfattning, punkt 2').fill('Ingen äger helheten i dag');
	await facilitator.getByLabel('Sammanfattning, punkt 2').press('Tab');
	await expect(bullets).toHaveText([
		'Läkemedelslistan följer inte med',
		'Ingen äger helheten i dag'
	]);
	await facilitator.getByRole('button', { name: 'Ta bort punkt 1 i Sammanfattning' }).click();
	await expect(bullets).toHaveText(['Ingen äger helheten i dag']);
	await expect(participant.getByRole('textbox')).toHaveCount(0);
	await expectAccessible(participant);
	await expectAccessible(facilitator);

	// The Word report from the export page holds the prioritised area, the action as written
	// here (owner, date, status) and the summary.
	await tab(facilitator, 'Export');
	const word = facilitator.getByRole('link', { name: 'Word-rapport (.docx)' });
	const [download] = await Promise.all([facilitator.waitForEvent('download'), word.click()]);
	const zip = await JSZip.loadAsync(await readFile((await download.path())!));
	const xml = await zip.file('word/document.xml')!.async('string');
	for (const text of [
		AREA,
		'Gemensam kontaktväg',
		'Ingen vet vem man ska ringa',
		'Region Halland',
		'2027-03-15',
		'Genomförd',
		'Ingen äger helheten i dag'
	]) {
		expect(xml, text).toContain(text);
	}
});

test('two facilitators typing in one action field at once both keep their text, also after a reload', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const one = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(one, 'Två skriver');
	const base = new URL(one.url()).pathname;
	const participant = await newPage(browser);
	await participantJoins(participant, code, 'Pia');
	await prioritise(one, participant, base);
	await tab(participant, 'Handlingsplan');
	await tab(one, 'Handlingsplan');
	await one.getByRole('button', { name: `Lägg till åtgärd i ${AREA}` }).click();
	const a = one.getByLabel(field('Nuläge'));
	await a.fill('mitten');

	const two = await (
		await browser.newContext({ storageState: await one.context().storageState() })
	).newPage();
	await two.goto(`${base}/handlingsplan`);
	await waitOnline(two);
	const b = two.getByLabel(field('Nuläge'));
	await expect(b).toHaveValue('mitten');

	// One writes at the start, the other at the end, keystrokes interleaved, nobody waiting.
	await a.focus();
	await a.press('Control+Home');
	await b.focus();
	await b.press('Control+End');
	await Promise.all([
		one.keyboard.type('AAA', { delay: 40 }),
		two.keyboard.type('BBB', { delay: 40 })
	]);
	await expect(a).toHaveValue('AAAmittenBBB');
	await expect(b).toHaveValue('AAAmittenBBB');
	// Each caret stayed where its person was typing.
	await one.keyboard.type('!');
	await two.keyboard.type('?');
	await expect(a).toHaveValue('AAA!mittenBBB?');
	await expect(b).toHaveValue('AAA!mittenBBB?');
	await expect(participant.getByTestId('action-row')).toContainText('AAA!mittenBBB?');

	// Typed, never left: a reload right away keeps it.
	await two.keyboard.type(' slut');
	await two.reload();
	await waitOnline(two);
	await expect(two.getByLabel(field('Nuläge'))).toHaveValue('AAA!mittenBBB? slut');
	await expect(a).toHaveValue('AAA!mittenBBB? slut');
	await two.context().close();
});
