import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { addNote, facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

test('a facilitator creates a workshop, a participant joins with the code, notes sync live', async ({
	browser
}) => {
	const facilitator = await browser.newContext();
	const participant = await browser.newContext();
	const f = await facilitator.newPage();
	const p = await participant.newPage();

	const code = await facilitatorCreatesWorkshop(f, 'Oskar 83 – e2e');
	await participantJoins(p, code, 'Anna Sjöberg');
	await Promise.all([waitOnline(f), waitOnline(p)]);

	await addNote(p, 'Tidspress, vi har ingen luft i systemet');
	await expect(f.getByTestId('note').filter({ hasText: 'Tidspress' })).toBeVisible();

	await addNote(f, 'Fråga patienten – vad är viktigt för dig?');
	await expect(p.getByTestId('note').filter({ hasText: 'Fråga patienten' })).toBeVisible();

	// Presence: each sees the other online.
	await expect(f.getByTestId('presence')).toContainText('Anna Sjöberg');
	await expect(p.getByTestId('presence')).toContainText('Mia Tavander');

	// The note survives a reload from the server.
	await p.reload();
	await expect(p.getByTestId('note').filter({ hasText: 'Tidspress' })).toBeVisible();

	await facilitator.close();
	await participant.close();
});

test('the start, join, sign-in, sign-up, dashboard and board pages have no axe violations', async ({
	browser
}) => {
	const facilitator = await browser.newContext();
	const participant = await browser.newContext();
	const f = await facilitator.newPage();
	const p = await participant.newPage();

	await p.goto('/');
	await expectAccessible(p);
	await p.goto('/login');
	await expectAccessible(p);
	await p.goto('/signup');
	await expectAccessible(p);

	const code = await facilitatorCreatesWorkshop(f, 'Tillgänglighet');
	await waitOnline(f);
	await addNote(f, 'En lapp att granska');
	await expect(f.getByTestId('note')).toHaveCount(1);
	await expectAccessible(f);
	await f.goto('/dashboard');
	await expectAccessible(f);

	await p.goto(`/join?code=${code}`);
	await expectAccessible(p);
	await participantJoins(p, code, 'Bo Lind');
	await waitOnline(p);
	await expect(p.getByTestId('note')).toHaveCount(1);
	await expectAccessible(p);

	await facilitator.close();
	await participant.close();
});

test('a wrong code is refused with a Swedish message before anyone types a name', async ({
	page
}) => {
	await open(page, '/join?code=ZZZ-ZZZ');
	await expect(page.getByText('Ingen workshop har den koden')).toBeVisible();
	await expect(page.getByLabel('Ditt namn')).toHaveCount(0);
	await expect(page.getByLabel('Kod')).toHaveValue('ZZZ-ZZZ');
	await expectAccessible(page);
	await page.getByLabel('Kod').fill('abc');
	await page.getByRole('button', { name: 'Fortsätt' }).click();
	await expect(page.getByText('Koden ska ha sex tecken')).toBeVisible();
	await expect(page.getByLabel('Ditt namn')).toHaveCount(0);
});
