import { expect, test } from './fixtures';
import { addNote, listNotes, noteKinds } from '../../src/lib/workshop/doc.ts';
import { listEvents, listQuestions } from '../../src/lib/workshop/journey.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { facilitatorCreatesWorkshop, waitOnline } from './flows';

const PLACED = 360;
const UNPLACED = 40;

test('a big board renders the rows near the screen, and every note stays reachable by keyboard', async ({
	page: creator,
	browser,
	baseURL
}) => {
	await facilitatorCreatesWorkshop(creator, 'Stor tavla');
	const id = new URL(creator.url()).pathname.split('/').at(-1)!;
	const cookie = (await creator.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const ws = baseURL!.replace(/^http/, 'ws') + '/ws';
	const client = connect(ws, `w/${id}`, { cookie });
	await client.synced;
	const events = listEvents(client.doc).map((e) => e.id);
	const questions = listQuestions(client.doc).map((q) => q.id);
	const author = { id: 'e2e-author', name: null, profession: 'annan', organisation: 'annan' };
	for (let start = 0; start < PLACED + UNPLACED; start += 50) {
		client.doc.transact(() => {
			for (let i = start; i < Math.min(PLACED + UNPLACED, start + 50); i++) {
				const placed = i < PLACED;
				addNote(client.doc, {
					text: placed ? `Lapp ${i + 1}` : `Osorterad ${i + 1 - PLACED}`,
					kind: noteKinds[i % noteKinds.length],
					eventId: placed ? events[i % events.length]! : null,
					questionId: placed ? questions[Math.floor(i / events.length) % questions.length]! : null,
					author
				});
			}
		});
	}
	const witness = connect(ws, `w/${id}`, { cookie });
	await waitFor(witness.doc, (d) => listNotes(d).length === PLACED + UNPLACED);
	witness.destroy();
	client.destroy();

	// A browser that has not seen the board (nothing in IndexedDB): the grid opens empty and
	// the notes arrive after it, as on a first visit.
	const fresh = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		storageState: await creator.context().storageState()
	});
	const page = await fresh.newPage();
	await page.goto(creator.url());
	await waitOnline(page);
	const cells = page.getByTestId('cell');
	await expect(cells.first()).toHaveAttribute('data-count', /\d+/);
	const counted = await cells.evaluateAll((all) =>
		all.reduce((sum, cell) => sum + Number(cell.getAttribute('data-count')), 0)
	);
	expect(counted).toBe(PLACED);

	// The first row is on the screen: its cells show their newest notes.
	const firstRow = page.locator(`[data-testid="cell"][data-question-id="${questions[0]}"]`);
	await expect(firstRow.first().getByTestId('note')).toHaveCount(20);
	// The last row is screens away: its notes wait behind a button each.
	const lastCell = page
		.locator(`[data-testid="cell"][data-question-id="${questions.at(-1)}"]`)
		.first();
	const show = lastCell.getByRole('button', { name: /^Visa lapparna \(\d+\)$/ });
	await expect(show).toBeVisible();
	await expect(lastCell.getByTestId('note')).toHaveCount(0);
	expect(await page.getByTestId('note').count()).toBeLessThan(PLACED);

	// By keyboard: the button brings the cell's notes in and focus lands on the first of them.
	await show.focus();
	await page.keyboard.press('Enter');
	await expect(lastCell.getByTestId('note')).toHaveCount(20);
	await expect(lastCell.getByTestId('note').first()).toBeFocused();

	// Scrolled to, a row renders by itself.
	const otherLastCells = page.locator(
		`[data-testid="cell"][data-question-id="${questions.at(-1)}"]`
	);
	await otherLastCells.last().scrollIntoViewIfNeeded();
	await expect(otherLastCells.last().getByTestId('note')).toHaveCount(20);

	// The "Ej sorterade" pile renders a page, the rest on request, focus on the first new one.
	const pile = page.getByTestId('other-notes');
	await expect(pile.getByTestId('note')).toHaveCount(24);
	await pile.getByRole('button', { name: 'Visa 16 fler lappar (av 16 dolda)' }).click();
	await expect(pile.getByTestId('note')).toHaveCount(UNPLACED);
	await expect(pile.getByTestId('note').nth(24)).toBeFocused();
	await expect(pile.getByRole('button', { name: /fler lappar/ })).toHaveCount(0);
	await fresh.close();
});
