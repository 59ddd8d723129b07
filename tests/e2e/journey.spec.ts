import { expect, test, type Browser, type BrowserContextOptions } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';
import { JourneyBoard, PhoneBoard, Q_ONSKAT, Q_SKAVER } from './pages/journey';

const phone: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true
};

async function workshopWithTwoParticipants(browser: Browser, options: BrowserContextOptions = {}) {
	const facilitator = await browser.newContext();
	const f = await facilitator.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Oskar 83 – resan');
	const workshopUrl = f.url();
	const contexts = [facilitator];
	const pages = [];
	for (const name of ['Anna Sjöberg', 'Bo Lind']) {
		const context = await browser.newContext(options);
		contexts.push(context);
		const page = await context.newPage();
		await participantJoins(page, code, name);
		await waitOnline(page);
		pages.push(page);
	}
	return {
		f,
		workshopUrl,
		anna: pages[0]!,
		bo: pages[1]!,
		close: () => Promise.all(contexts.map((c) => c.close()))
	};
}

test('two participants fill different cells, mark a bottennapp and a citat, and see each other live', async ({
	browser
}) => {
	const { f, anna, bo, workshopUrl, close } = await workshopWithTwoParticipants(browser);
	const a = new JourneyBoard(anna);
	const b = new JourneyBoard(bo);
	await expect(a.eventCounts('Händelse 1')).toContainText('0 bottennappar');

	await a.addNote(
		'Händelse 1',
		Q_SKAVER,
		'Ingen planering – det blir ett nytt ärende',
		'bottennapp'
	);
	await b.addNote('Händelse 2', Q_ONSKAT, 'Äkta team som arbetar ihop utifrån plan', 'citat');

	for (const board of [a, b]) {
		await board.expectNoteIn('Händelse 1', Q_SKAVER, 'Ingen planering – det blir ett nytt ärende');
		await board.expectNoteIn('Händelse 2', Q_ONSKAT, 'Äkta team som arbetar ihop utifrån plan');
		await expect(board.eventCounts('Händelse 1')).toContainText('1 bottennapp');
		await expect(board.eventCounts('Händelse 2')).toContainText('0 bottennappar');
	}
	// Kind and provenance are shown as text, never by colour alone.
	const bottennapp = anna.getByTestId('note').filter({ hasText: 'Ingen planering' });
	await expect(bottennapp).toContainText('Bottennapp');
	await expect(bottennapp).toContainText('Sjuksköterska · Kommun');

	// The quote wall shows the citat under its question, live.
	await f.goto(`${workshopUrl}/citat`);
	const group = f.getByTestId('quote-group').filter({ hasText: `${Q_ONSKAT} – Citat` });
	await expect(group.getByTestId('quote')).toHaveText(/Äkta team som arbetar ihop utifrån plan/);
	await a.addNote('Händelse 3', Q_ONSKAT, 'Fråga patienten – vad är viktigt för dig?', 'citat');
	await expect(group.getByTestId('quote')).toHaveCount(2);
	await close();
});

test('the same flow works on a 390×844 phone, one event at a time', async ({ browser }) => {
	const { anna, bo, close } = await workshopWithTwoParticipants(browser, phone);
	const a = new PhoneBoard(anna);
	const b = new PhoneBoard(bo);
	await expect(anna.getByTestId('journey-grid')).toHaveCount(0);
	await expect(anna.getByTestId('event-switcher')).toBeVisible();

	await a.showEvent('Händelse 1');
	await a.addNote('Händelse 1', Q_SKAVER, 'Tidspress, vi har ingen luft i systemet', 'bottennapp');
	await b.showEvent('Händelse 2');
	await b.addNote('Händelse 2', Q_ONSKAT, 'Läkare tillgänglig jourtid för hembesök', 'citat');

	await a.showEvent('Händelse 2');
	await a.expectNoteIn('Händelse 2', Q_ONSKAT, 'Läkare tillgänglig jourtid för hembesök');
	await b.showEvent('Händelse 1');
	await b.expectNoteIn('Händelse 1', Q_SKAVER, 'Tidspress, vi har ingen luft i systemet');
	await expect(b.eventCounts()).toContainText('1 bottennapp');

	// Nothing scrolls sideways on the phone.
	const overflow = await anna.evaluate(() => document.documentElement.scrollWidth - innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(anna);
	await close();
});

test('keyboard only: a facilitator adds a note, marks it and moves an event', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await facilitatorCreatesWorkshop(page, 'Tangentbord');
	await waitOnline(page);
	const board = new JourneyBoard(page);

	// Add: focus the cell's button, Enter opens the form, type, Enter adds.
	await board.openAdd('Händelse 1', Q_SKAVER).focus();
	await page.keyboard.press('Enter');
	await expect(board.textarea('Händelse 1', Q_SKAVER)).toBeFocused();
	await page.keyboard.type('Kontakt mellan vårdcentral och slutenvård skaver');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Escape');
	const added = page.getByTestId('note').filter({ hasText: 'Kontakt mellan vårdcentral' });
	await expect(added).toContainText('Lapp');
	// While editing, the text moves into a textarea: follow the note by its id.
	const note = page.locator(`[data-note-id="${await added.getAttribute('data-note-id')}"]`);

	// Mark: Tab to the note's edit button, change the kind with the arrow keys, save.
	await note.getByRole('button', { name: 'Redigera' }).focus();
	await page.keyboard.press('Enter');
	const kind = note.getByLabel('Typ av lapp');
	await kind.focus();
	await page.keyboard.press('ArrowDown');
	await expect(kind).toHaveValue('bottennapp');
	await note.getByRole('button', { name: 'Spara' }).focus();
	await page.keyboard.press('Enter');
	await expect(note).toContainText('Bottennapp');
	await expect(board.eventCounts('Händelse 1')).toContainText('1 bottennapp');

	// Move: the move button keeps focus, so Enter twice moves the event two places.
	expect(await board.eventTitles()).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
	// Moving is structure editing: a mode the facilitator switches on first.
	await page.getByRole('button', { name: 'Redigera struktur' }).focus();
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Flytta Händelse 1 åt höger' }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => board.eventTitles()).toEqual(['Händelse 2', 'Händelse 1', 'Händelse 3']);
	await page.keyboard.press('Enter');
	await expect.poll(() => board.eventTitles()).toEqual(['Händelse 2', 'Händelse 3', 'Händelse 1']);
	// The note kept its event through the moves.
	await board.expectNoteIn(
		'Händelse 1',
		Q_SKAVER,
		'Kontakt mellan vårdcentral och slutenvård skaver'
	);
	await context.close();
});

test('board, persona and quote wall have no axe violations', async ({ browser }) => {
	const { f, anna, workshopUrl, close } = await workshopWithTwoParticipants(browser);
	await new JourneyBoard(anna).addNote('Händelse 1', Q_SKAVER, 'Samtal marginaliseras', 'citat');
	await expect(f.getByTestId('note')).toHaveCount(1);
	await expectAccessible(f);
	await expectAccessible(anna);
	await f.goto(`${workshopUrl}/persona`);
	await expect(f.getByRole('note')).toContainText('Personan är påhittad');
	await expectAccessible(f);
	await f.goto(`${workshopUrl}/citat`);
	await expect(f.getByTestId('quote')).toHaveCount(1);
	await expectAccessible(f);
	await close();
});
