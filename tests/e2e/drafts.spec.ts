import { expect, test } from './fixtures';
import { facilitatorCreatesWorkshop, hydrated, participantJoins, waitOnline } from './flows';
import { JourneyBoard, Q_SKAVER } from './pages/journey';

test('a note typed but not sent, and an edit not saved, survive a reload', async ({ browser }) => {
	const facilitator = await browser.newContext();
	const code = await facilitatorCreatesWorkshop(await facilitator.newPage(), 'Drafts – resan');
	const contexts = [facilitator];
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
	const b = new JourneyBoard(bo);
	const text = 'Ingen ringde tillbaka efter utskrivningen';

	// Typed, a kind chosen, not sent: a reload brings the form back open with both.
	await a.openAdd('Händelse 1', Q_SKAVER).click();
	const field = a.textarea('Händelse 1', Q_SKAVER);
	await field.fill(text);
	await anna.locator('form', { has: field }).getByLabel('Typ av lapp').selectOption('bottennapp');
	await anna.reload();
	await hydrated(anna);
	await waitOnline(anna);
	await expect(field).toHaveValue(text);
	await expect(anna.locator('form', { has: field }).getByLabel('Typ av lapp')).toHaveValue(
		'bottennapp'
	);
	await expect(anna.getByTestId('draft-restored')).toBeVisible();

	// Sent: the other participant sees it, and the draft is gone after the next reload.
	await field.press('Enter');
	await expect(field).toHaveValue('');
	await b.expectNoteIn('Händelse 1', Q_SKAVER, text);
	await expect(bo.getByTestId('note').filter({ hasText: text })).toContainText('Bottennapp');
	await anna.reload();
	await hydrated(anna);
	await expect(a.openAdd('Händelse 1', Q_SKAVER)).toBeVisible();
	await expect(anna.getByTestId('draft-restored')).toHaveCount(0);

	// An edit of the note, not saved: a reload opens the editor again with the edit.
	const note = anna.getByTestId('note').filter({ hasText: text });
	await note.getByRole('button', { name: 'Redigera' }).click();
	const editor = anna.getByLabel('Redigera lappen');
	await editor.fill(`${text} på tre dagar`);
	await anna.reload();
	await hydrated(anna);
	await waitOnline(anna);
	await expect(editor).toHaveValue(`${text} på tre dagar`);
	await expect(bo.getByTestId('note').filter({ hasText: 'på tre dagar' })).toHaveCount(0);
	await anna.getByRole('button', { name: 'Spara' }).click();
	await b.expectNoteIn('Händelse 1', Q_SKAVER, `${text} på tre dagar`);

	// Saved: nothing comes back after another reload.
	await anna.reload();
	await hydrated(anna);
	await expect(anna.getByLabel('Redigera lappen')).toHaveCount(0);
	await Promise.all(contexts.map((c) => c.close()));
});
