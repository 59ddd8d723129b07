import { expect, test, type BrowserContext, type Locator, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { addNote, hydrated, open, waitOnline } from './flows';

/** POST from a browser context, with the Origin header a same-origin fetch carries. */
async function post<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
	const res = await context.request.post(path, {
		headers: { origin: test.info().project.use.baseURL! },
		data
	});
	expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
	return (await res.json()) as T;
}

interface Created {
	workshop: { id: string; title: string };
	links: { participant: { code: string } };
	series: { id: string } | null;
}

/** Presses Tab until `target` has the focus: the keyboard alone reaches it. */
async function tabTo(page: Page, target: Locator, most = 80) {
	for (let i = 0; i < most; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('not reachable with Tab');
}

const rowOf = (page: Page, title: string) =>
	page
		.getByTestId('dashboard-workshop')
		.filter({ has: page.getByRole('link', { name: title, exact: true }) });

test('the dashboard shows status and counts, and archives and deletes with the keyboard only', async ({
	browser
}) => {
	const fac = await browser.newContext();
	const email = `mia${Date.now()}@region.example`;
	const password = 'ett långt lösenord';
	await post(fac, '/api/signup', { email, password, displayName: 'Mia Tavander' });
	await post(fac, '/api/login', { email, password });
	const running = await post<Created>(fac, '/api/workshops', {
		title: 'Hemgång från sjukhus',
		template: 'patientresa-nara-vard',
		series: 'new',
		seriesTitle: 'Hälso- och sjukvård i hemmet'
	});
	const doomed = await post<Created>(fac, '/api/workshops', {
		title: 'Gammal testworkshop',
		date: '2099-01-01'
	});

	// A participant joins and writes a note: the dashboard counts both.
	const part = await browser.newContext();
	await post(part, '/api/join', {
		code: running.links.participant.code,
		displayName: 'Pia',
		profession: 'sjukskoterska',
		organisation: 'kommun'
	});
	const board = await part.newPage();
	await open(board, `/w/${running.workshop.id}`);
	await waitOnline(board);
	await addNote(board, 'Ingen ringde efter hemgången');
	await expect(board.getByTestId('note').filter({ hasText: 'Ingen ringde' })).toHaveCount(1);

	const page = await fac.newPage();
	await open(page, '/dashboard');
	const row = rowOf(page, 'Hemgång från sjukhus');
	await expect(row.getByTestId('workshop-status')).toHaveText('Pågår');
	await expect(row.getByTestId('workshop-participants')).toHaveText('1');
	await expect(row.getByTestId('workshop-notes')).toHaveText('1');
	await expect(row).toContainText('Hälso- och sjukvård i hemmet');
	// Shown as people read it out: ABC-DEF.
	await expect(row).toContainText(running.links.participant.code.replace(/^(...)(...)$/, '$1-$2'));
	await expect(rowOf(page, 'Gammal testworkshop').getByTestId('workshop-status')).toHaveText(
		'Planerad'
	);
	await expectAccessible(page);

	// Archive with the keyboard: out of the list, found under the archived filter.
	await tabTo(page, rowOf(page, 'Gammal testworkshop').getByRole('button', { name: 'Arkivera' }));
	await page.keyboard.press('Enter');
	await expect(rowOf(page, 'Gammal testworkshop')).toHaveCount(0);
	await tabTo(page, page.getByLabel('Status', { exact: true }));
	await page.keyboard.type('Arkiverad');
	await page.keyboard.press('Tab');
	if (await page.getByLabel('Serie', { exact: true }).count()) await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Visa', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/status=archived/);
	await hydrated(page);
	await expect(rowOf(page, 'Gammal testworkshop').getByTestId('workshop-status')).toHaveText(
		'Arkiverad'
	);
	await expect(rowOf(page, 'Hemgång från sjukhus')).toHaveCount(0);

	// Delete with the keyboard, after typing its name.
	await tabTo(page, rowOf(page, 'Gammal testworkshop').getByRole('link', { name: 'Ta bort …' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/dashboard/${doomed.workshop.id}/ta-bort$`));
	await hydrated(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Ta bort Gammal testworkshop' })
	).toBeVisible();
	await expectAccessible(page);
	const confirm = page.getByLabel('Skriv workshoppens namn, Gammal testworkshop, för att bekräfta');
	await tabTo(page, confirm);
	await page.keyboard.type('Gammal');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Namnet stämmer inte.')).toBeVisible();
	await expect(confirm).toHaveValue('Gammal');
	await confirm.focus();
	await page.keyboard.press('End');
	await page.keyboard.type(' testworkshop');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/dashboard\?deleted=1$/);
	await expect(
		page.getByRole('status').filter({ hasText: 'Workshoppen är borttagen.' })
	).toBeVisible();
	await expect(rowOf(page, 'Gammal testworkshop')).toHaveCount(0);
	await open(page, '/dashboard?status=archived');
	await expect(rowOf(page, 'Gammal testworkshop')).toHaveCount(0);
	expect((await fac.request.get(`/api/workshops/${doomed.workshop.id}/export.json`)).status()).toBe(
		403
	);

	// Close: the participant's board says so and offers no writing.
	await open(page, '/dashboard');
	await tabTo(page, rowOf(page, 'Hemgång från sjukhus').getByRole('button', { name: 'Avsluta' }));
	await page.keyboard.press('Enter');
	await expect(rowOf(page, 'Hemgång från sjukhus').getByTestId('workshop-status')).toHaveText(
		'Avslutad'
	);
	await expect(
		board.getByText('Workshoppen är avslutad. Du kan läsa men inte skriva längre.')
	).toBeVisible();

	// The series page, with its report links.
	await open(page, `/serie/${running.series!.id}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Serie: Hälso- och sjukvård i hemmet' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Serierapport (Word)' })).toBeVisible();
	await expectAccessible(page);
	await fac.close();
	await part.close();
});
