import { expect, test, type BrowserContext, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { addNote, waitOnline } from './flows';

const BANNER = 'Tavlan är låst av facilitatorn. Du kan läsa men inte skriva just nu.';
const EDIT = 'Redigera';
const OFFLINE_TEXT = 'Skrivet offline medan låset kom';

const lockButton = (page: Page) => page.getByRole('button', { name: 'Lås tavlan', exact: true });
const unlockButton = (page: Page) =>
	page.getByRole('button', { name: 'Lås upp tavlan', exact: true });
const addButton = (page: Page) => page.getByRole('button', { name: 'Lägg till lapp', exact: true });
const notes = (page: Page, text: string) => page.getByTestId('note').filter({ hasText: text });

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

/**
 * Signs up and creates a workshop through the JSON API in the facilitator's browser context
 * (sign-up and creation have their own UI tests; under load hydration can reset a field
 * Playwright already filled), then opens the board. Returns the page and the join code.
 */
async function facilitatorOpensBoard(context: BrowserContext, title: string) {
	accounts++;
	const email = `mia${Date.now()}${accounts}@region.example`;
	const password = 'ett långt lösenord';
	await post(context, '/api/signup', { email, password, displayName: 'Mia Tavander' });
	// Sign-up answers alike for known and new addresses and signs nobody in (docs/api.md).
	await post(context, '/api/login', { email, password });
	const created = await post<{
		workshop: { id: string };
		links: { participant: { code: string } };
	}>(context, '/api/workshops', { title, template: 'patientresa-nara-vard' });
	const page = await context.newPage();
	await page.goto(`/w/${created.workshop.id}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return { page, code: created.links.participant.code };
}

/**
 * Joins through POST /api/join in the participant's browser context (the join form has its
 * own tests) and opens the board; the session cookie lands in the context's cookie jar.
 */
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

test('the facilitator locks the board live, and a participant who wrote during the lock recovers by itself', async ({
	browser
}) => {
	// Two browsers, page reloads and several axe runs on a machine shared with other work.
	test.slow();
	const facilitatorContext = await browser.newContext();
	const participantContext = await browser.newContext();
	const { page: fac, code } = await facilitatorOpensBoard(facilitatorContext, 'Låst tavla');
	const pia = await participantOpensBoard(participantContext, code, 'Pia Deltagare');
	await Promise.all([waitOnline(fac), waitOnline(pia)]);
	await expect(lockButton(pia)).toHaveCount(0);
	await addNote(pia, 'Före låset');
	await expect(notes(fac, 'Före låset')).toHaveCount(1);

	// The lock comes down live: banner, announcement, disabled write controls.
	await lockButton(fac).click();
	await expect(unlockButton(fac)).toBeFocused();
	await expect(pia.getByTestId('lock-banner')).toHaveText(BANNER);
	await expect(pia.getByTestId('announcer')).toHaveText('Tavlan är låst.');
	await expect(fac.getByTestId('announcer')).toHaveText('Tavlan är låst.');
	await expect(addButton(pia)).toBeDisabled();
	await expect(addButton(pia)).toHaveAccessibleDescription(BANNER);
	await expect(pia.getByTestId('add-note-open').first()).toBeDisabled();
	await expect(pia.getByRole('radio').first()).toBeDisabled();
	await expect(pia.getByRole('radiogroup').first()).toHaveAccessibleDescription(BANNER);
	await expect(notes(pia, 'Före låset').getByRole('button', { name: EDIT })).toBeDisabled();
	await expect(notes(fac, 'Före låset').getByRole('button', { name: EDIT })).toBeEnabled();
	await expect(addButton(fac)).toBeEnabled();
	await expectAccessible(pia);
	await expectAccessible(fac);

	await unlockButton(fac).click();
	await expect(pia.getByTestId('lock-banner')).toHaveCount(0);
	await expect(pia.getByTestId('announcer')).toHaveText('Tavlan är upplåst. Alla kan skriva igen.');
	await expect(addButton(pia)).toBeEnabled();

	// The race: Pia is offline when the lock comes down, so she still believes she may write.
	await participantContext.setOffline(true);
	await expect(pia.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
	await lockButton(fac).click();
	await expect(unlockButton(fac)).toBeVisible();
	await addNote(pia, OFFLINE_TEXT);
	await expect(notes(pia, OFFLINE_TEXT)).toHaveCount(1);

	// Back online the server refuses her note; the page starts over from the server by itself.
	let loads = 0;
	pia.on('load', () => loads++);
	const reloaded = pia.waitForEvent('load');
	await participantContext.setOffline(false);
	await reloaded;
	await waitOnline(pia);
	await expect(pia.getByRole('heading', { name: 'Din ändring kunde inte sparas' })).toBeVisible();
	await expect(pia.getByTestId('unsaved-text')).toHaveValue(OFFLINE_TEXT);
	// The panel says why, from the server's close reason.
	await expect(pia.getByTestId('unsaved-cause')).toHaveText('Orsak: facilitatorn låste tavlan.');
	await expect(pia.getByTestId('lock-banner')).toHaveText(BANNER);
	await expect(notes(pia, OFFLINE_TEXT)).toHaveCount(0);
	await expect(notes(fac, OFFLINE_TEXT)).toHaveCount(0);

	// The text is there to copy.
	await participantContext.grantPermissions(['clipboard-read', 'clipboard-write']);
	await pia.getByRole('button', { name: 'Kopiera text 1' }).click();
	await expect(pia.getByTestId('announcer')).toHaveText('Texten är kopierad.');
	expect(await pia.evaluate(() => navigator.clipboard.readText())).toBe(OFFLINE_TEXT);
	await expectAccessible(pia);

	// The board is usable again: after the unlock her next note reaches the facilitator.
	await unlockButton(fac).click();
	await expect(pia.getByTestId('lock-banner')).toHaveCount(0);
	await addNote(pia, 'Efter upplåsningen');
	await expect(notes(fac, 'Efter upplåsningen')).toHaveCount(1);
	await expect(notes(pia, 'Efter upplåsningen')).toHaveCount(1);

	// Closing the panel is final, also after a reload; the refused note never comes back.
	await pia.getByRole('button', { name: 'Stäng', exact: true }).click();
	await expect(pia.getByTestId('unsaved')).toHaveCount(0);
	await pia.reload();
	await waitOnline(pia);
	await expect(notes(pia, 'Efter upplåsningen')).toHaveCount(1);
	await expect(pia.getByTestId('unsaved')).toHaveCount(0);
	await expect(notes(pia, OFFLINE_TEXT)).toHaveCount(0);
	await expect(notes(fac, OFFLINE_TEXT)).toHaveCount(0);
	expect(loads).toBe(2);

	await facilitatorContext.close();
	await participantContext.close();
});

test('refused again and again, the participant’s browser stops reloading and says so', async ({
	browser
}) => {
	// Two browsers, page reloads and several axe runs on a machine shared with other work.
	test.slow();
	const facilitatorContext = await browser.newContext();
	const participantContext = await browser.newContext();
	const { page: fac, code } = await facilitatorOpensBoard(facilitatorContext, 'Låst igen och igen');
	const pia = await participantOpensBoard(participantContext, code, 'Pia Deltagare');
	await Promise.all([waitOnline(fac), waitOnline(pia)]);
	let loads = 0;
	pia.on('load', () => loads++);

	/** Pia writes offline while the lock comes down; back online the server refuses it. */
	async function raceTheLock(text: string) {
		await expect(pia.getByTestId('lock-banner')).toHaveCount(0);
		await participantContext.setOffline(true);
		await expect(pia.getByTestId('connection')).toHaveAttribute('data-status', 'offline');
		await lockButton(fac).click();
		await expect(unlockButton(fac)).toBeVisible();
		await addNote(pia, text);
		await expect(notes(pia, text)).toHaveCount(1);
		await participantContext.setOffline(false);
	}

	for (const [i, text] of ['Första försöket', 'Andra försöket'].entries()) {
		const reloaded = pia.waitForEvent('load');
		await raceTheLock(text);
		await reloaded;
		await waitOnline(pia);
		await expect(pia.getByTestId('unsaved-text')).toHaveCount(i + 1);
		await unlockButton(fac).click();
	}

	await raceTheLock('Tredje försöket');
	await expect(pia.getByRole('heading', { name: 'Tavlan kunde inte synkas' })).toBeVisible();
	const kept = pia.getByTestId('unsaved-text');
	await expect(kept).toHaveCount(3);
	for (const [i, text] of ['Första försöket', 'Andra försöket', 'Tredje försöket'].entries()) {
		await expect(kept.nth(i)).toHaveValue(text);
	}
	await expect(pia.getByTestId('connection')).not.toHaveAttribute('data-status', 'online');
	expect(loads).toBe(2);
	await expectAccessible(pia);

	// The person chooses when to start over; nothing refused comes back.
	const reloaded = pia.waitForEvent('load');
	await pia.getByRole('button', { name: 'Ladda om sidan' }).click();
	await reloaded;
	await waitOnline(pia);
	await expect(pia.getByRole('heading', { name: 'Din ändring kunde inte sparas' })).toBeVisible();
	await expect(pia.getByTestId('unsaved-text')).toHaveCount(3);
	await expect(notes(pia, 'försöket')).toHaveCount(0);
	await expect(notes(fac, 'försöket')).toHaveCount(0);

	await facilitatorContext.close();
	await participantContext.close();
});
