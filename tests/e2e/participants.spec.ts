import { expect, test, type BrowserContext, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { hydrated, waitOnline } from './flows';

/** POST from a browser context, with the Origin header a same-origin fetch carries. */
async function post<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
	const res = await context.request.post(path, {
		headers: { origin: test.info().project.use.baseURL! },
		data
	});
	expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
	return (await res.json()) as T;
}

let accounts = 0;

/** A facilitator signed up and signed in through the JSON API, with a new workshop. */
async function facilitatorWorkshop(context: BrowserContext, title: string) {
	accounts++;
	const email = `mia${Date.now()}${accounts}@region.example`;
	const password = 'ett långt lösenord';
	await post(context, '/api/signup', { email, password, displayName: 'Mia Tavander' });
	await post(context, '/api/login', { email, password });
	const created = await post<{
		workshop: { id: string };
		links: { participant: { code: string } };
	}>(context, '/api/workshops', { title, template: 'patientresa-nara-vard' });
	return { id: created.workshop.id, code: created.links.participant.code };
}

/** Joins through POST /api/join in the participant's own browser context, then opens the board. */
async function participantOpensBoard(context: BrowserContext, code: string, name: string) {
	const { workshopId } = await post<{ workshopId: string }>(context, '/api/join', {
		code,
		displayName: name,
		profession: 'sjukskoterska',
		organisation: 'kommun'
	});
	const page = await context.newPage();
	await page.goto(`/w/${workshopId}`);
	return page;
}

const row = (page: Page, name: string) => page.getByTestId('participant').filter({ hasText: name });

test('the facilitator sees a participant online, removes them, and the participant’s board says so', async ({
	browser
}) => {
	test.slow();
	const facContext = await browser.newContext();
	const piaContext = await browser.newContext();
	const workshop = await facilitatorWorkshop(facContext, 'Deltagarlistan');
	const pia = await participantOpensBoard(piaContext, workshop.code, 'Pia Deltagare');
	await waitOnline(pia);

	const fac = await facContext.newPage();
	await fac.goto(`/w/${workshop.id}`);
	await hydrated(fac);
	// Where the facilitator manages the workshop: the invitation panel with its settings.
	await fac.getByRole('button', { name: /^Bjud in/ }).click();
	await fac.getByRole('link', { name: /^Deltagare:/ }).click();
	await expect(fac).toHaveURL(new RegExp(`/w/${workshop.id}/deltagare$`));
	await expect(fac.getByRole('heading', { level: 1, name: 'Deltagare' })).toBeVisible();
	const pias = row(fac, 'Pia Deltagare');
	await expect(pias).toContainText('Sjuksköterska');
	await expect(pias.getByTestId('participant-online')).toHaveText('Online');
	await expectAccessible(fac);

	// Removing asks first; the question takes the focus, and cancelling gives it back.
	await pias.getByRole('button', { name: 'Ta bort Pia Deltagare' }).click();
	await expect(pias.getByRole('button', { name: 'Ja, ta bort' })).toBeFocused();
	await expectAccessible(fac);
	await pias.getByRole('button', { name: 'Avbryt' }).click();
	await expect(pias.getByRole('button', { name: 'Ta bort Pia Deltagare' })).toBeFocused();
	await fac.keyboard.press('Enter');
	await fac.keyboard.press('Enter');
	await expect(row(fac, 'Pia Deltagare')).toHaveCount(0);
	await expect(fac.getByTestId('announcer')).toHaveText('Pia Deltagare är borttagen.');

	// Her open board closes at once and tells her, without a reload.
	await expect(pia).toHaveURL(new RegExp(`/admission/${workshop.id}$`));
	await expect(pia.getByRole('heading', { level: 1 })).toHaveText('Du är inte med i workshoppen');
	await expectAccessible(pia);
	await facContext.close();
	await piaContext.close();
});

test('with "Godkänn nya deltagare" on, a joiner waits and moves on to the board once let in', async ({
	browser
}) => {
	test.slow();
	const facContext = await browser.newContext();
	const boContext = await browser.newContext();
	const workshop = await facilitatorWorkshop(facContext, 'Insläpp');
	const fac = await facContext.newPage();
	await fac.goto(`/w/${workshop.id}/deltagare`);
	await hydrated(fac);
	const toggle = fac.getByRole('switch', { name: 'Godkänn nya deltagare' });
	await toggle.check();
	await expect(fac.getByTestId('announcer')).toHaveText(
		'Nya deltagare väntar nu på att du släpper in dem.'
	);

	const bo = await participantOpensBoard(boContext, workshop.code, 'Bo Väntande');
	await expect(bo).toHaveURL(new RegExp(`/admission/${workshop.id}$`));
	await expect(bo.getByRole('heading', { level: 1 })).toHaveText(
		'Väntar på att samtalsledaren släpper in dig'
	);
	await expectAccessible(bo);

	const waiting = fac.getByTestId('participants-waiting');
	await expect(row(fac, 'Bo Väntande')).toBeVisible();
	await expectAccessible(fac);
	await waiting.getByRole('button', { name: 'Släpp in Bo Väntande' }).click();
	await expect(fac.getByTestId('participants-in').getByText('Bo Väntande')).toBeVisible();

	await expect(bo).toHaveURL(new RegExp(`/w/${workshop.id}$`));
	await waitOnline(bo);
	await facContext.close();
	await boContext.close();
});
