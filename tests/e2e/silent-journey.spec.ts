import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, hydrated, participantJoins, waitOnline } from './flows';
import { JourneyBoard, Q_SKAVER } from './pages/journey';

test('a silent round on the journey: a participant’s note stays theirs until the facilitator shows them all', async ({
	browser
}) => {
	const facilitatorContext = await browser.newContext();
	const f = await facilitatorContext.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Oskar 83 – tyst skrivning');
	await waitOnline(f);
	const contexts = [facilitatorContext];
	const pages = [];
	for (const name of ['Anna Sjöberg', 'Bo Lind']) {
		const context = await browser.newContext();
		contexts.push(context);
		const page = await context.newPage();
		await participantJoins(page, code, name);
		await waitOnline(page);
		pages.push(page);
	}
	const [anna, bo] = [pages[0]!, pages[1]!];
	const a = new JourneyBoard(anna);
	const text = 'Ingen ringer tillbaka efter utskrivningen';

	// The facilitator starts the round; both participants are told their notes stay theirs.
	await f.getByRole('button', { name: 'Starta tyst skrivning' }).click();
	await expect(f.getByTestId('silent-progress')).toHaveText('Inga lappar ännu');
	for (const page of [anna, bo]) {
		await expect(page.getByTestId('silent-on')).toContainText('bara för dig');
	}

	// Anna writes a note: she sees it, marked as hers alone; Bo and the facilitator do not.
	await a.addNote('Händelse 1', Q_SKAVER, text, 'bottennapp');
	const mine = anna.getByTestId('note').filter({ hasText: text });
	await expect(mine).toContainText('Bara du ser den här förrän samtalsledaren visar alla');
	await a.expectNoteIn('Händelse 1', Q_SKAVER, text);
	await expect(f.getByTestId('silent-progress')).toHaveText('1 lapp från 1 person');
	for (const page of [f, bo]) {
		await expect(page.getByTestId('note').filter({ hasText: text })).toHaveCount(0);
	}
	await expectAccessible(anna);
	await expectAccessible(f);

	// Bo's note typed but not sent survives a reload, as any draft.
	const b = new JourneyBoard(bo);
	await b.openAdd('Händelse 1', Q_SKAVER).click();
	await b.textarea('Händelse 1', Q_SKAVER).fill('Bos utkast');
	await bo.reload();
	await hydrated(bo);
	await waitOnline(bo);
	await expect(b.textarea('Händelse 1', Q_SKAVER)).toHaveValue('Bos utkast');

	// Reveal: everyone sees it, with its author, and it is no longer marked private.
	await f.getByRole('button', { name: 'Visa alla lappar' }).click();
	await expect(f.getByRole('button', { name: 'Starta tyst skrivning' })).toBeVisible();
	for (const page of [f, bo, anna]) {
		const note = page.getByTestId('note').filter({ hasText: text });
		await expect(note).toHaveCount(1);
		await expect(note).toContainText('Anna Sjöberg');
		await expect(note).toContainText('Bottennapp');
		await expect(note.getByTestId('private-mark')).toHaveCount(0);
	}
	await expect(bo.getByTestId('silent-on')).toHaveCount(0);
	await Promise.all(contexts.map((c) => c.close()));
});
