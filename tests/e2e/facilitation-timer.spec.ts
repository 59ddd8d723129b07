import { expect, test, type Browser, type Page } from './fixtures';
import * as Y from 'yjs';
import { agendaMap } from '../../src/lib/workshop/records/agenda.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** "4:05" in seconds. */
const seconds = (clock: string) => {
	const [min, sec] = clock.trim().split(':').map(Number);
	return min! * 60 + sec!;
};

const readout = (page: Page) => page.getByTestId('timer-bar').getByTestId('timer-readout');

test('a timer with +1 and pause reads the same on every screen; the ready count and the silent round’s progress update live', async ({
	browser,
	baseURL
}) => {
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	const id = base.split('/').at(-1)!;

	// The agenda and a prioritised area are other pages' work (agenda editor, Prioritering):
	// written over the facilitator's own live connection, as those pages would.
	const cookie = (await facilitator.context().cookies())
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
	const ws = baseURL!.replace(/^http/, 'ws') + '/ws';
	const client = connect(ws, `w/${id}`, { cookie });
	await client.synced;
	let areaId = '';
	client.doc.transact(() => {
		// The template's default agenda makes way for this test's one step.
		for (const key of [...agendaMap(client.doc).keys()]) agendaMap(client.doc).delete(key);
		const step = new Y.Map<unknown>();
		agendaMap(client.doc).set('steg-resan', step);
		step.set('kind', 'journey');
		step.set('title', '');
		step.set('minutes', 30);
		step.set('instruction', 'Skriv en lapp per tanke');
		step.set('order', 'a0');
		areaId = createArea(client.doc, { name: 'Vem ringer jag' })!;
		setPlacement(client.doc, areaId, { prioritised: true });
	});
	const witness = connect(ws, `w/${id}`, { cookie });
	await waitFor(witness.doc, (d) => agendaMap(d).size === 1);
	witness.destroy();
	client.destroy();
	const stepped = await facilitator.request.post(`/api/workshops/${id}/facilitation`, {
		data: { action: 'step', stepId: 'steg-resan' },
		headers: { origin: baseURL! }
	});
	expect(stepped.status()).toBe(200);

	const pia = await newPage(browser);
	await participantJoins(pia, code, 'Pia');
	const per = await newPage(browser);
	await per.setViewportSize({ width: 390, height: 844 });
	await participantJoins(per, code, 'Per');
	const everyone = [facilitator, pia, per];
	await open(facilitator, base);
	for (const page of everyone) await waitOnline(page);

	// The facilitator starts 5 minutes, adds one, pauses.
	const controls = facilitator.getByTestId('timer-controls');
	await controls.getByLabel('Minuter').fill('5');
	await controls.getByRole('button', { name: 'Starta tid' }).click();
	for (const page of everyone) await expect(readout(page)).toBeVisible();
	await controls.getByRole('button', { name: '+1 min' }).click();
	for (const page of everyone) {
		await expect.poll(async () => seconds(await readout(page).innerText())).toBeGreaterThan(300);
	}
	await controls.getByRole('button', { name: 'Pausa' }).click();
	for (const page of everyone) {
		await expect(page.getByTestId('timer-bar')).toContainText('Pausad');
	}
	const shown = await Promise.all(everyone.map(async (p) => seconds(await readout(p).innerText())));
	for (const s of shown) {
		expect(Math.abs(s - shown[0]!)).toBeLessThanOrEqual(1);
		expect(s).toBeGreaterThan(300);
		expect(s).toBeLessThanOrEqual(360);
	}
	await expectAccessible(facilitator);
	await expectAccessible(per);

	// The sound switch is each person's, remembered in their browser.
	const sound = pia.getByRole('checkbox', { name: 'Ljud vid tidens slut' });
	await expect(sound).toBeChecked();
	await sound.click();
	await expect(sound).not.toBeChecked();
	await pia.reload();
	await waitOnline(pia);
	await expect(pia.getByRole('checkbox', { name: 'Ljud vid tidens slut' })).not.toBeChecked();

	// Ready check: out of the workshop's two participants, live.
	const count = facilitator.getByTestId('ready-count');
	await expect(count).toHaveText('0 av 2 klara');
	await pia.getByRole('button', { name: 'Klar' }).click();
	await expect(pia.getByRole('button', { name: 'Klar' })).toHaveAttribute('aria-pressed', 'true');
	await expect(count).toHaveText('1 av 2 klara');
	await count.click();
	const notYet = facilitator.getByTestId('ready-check').getByRole('list');
	await expect(notYet).toHaveText('Per');
	await expectAccessible(pia);

	// The silent idea round: the facilitator sees how many ideas from how many people, no text.
	for (const page of everyone) {
		await page.getByRole('link', { name: 'Idéer' }).click();
		await waitOnline(page);
	}
	await facilitator.getByRole('button', { name: 'Starta tyst runda', exact: true }).click();
	await expect(pia.getByText('Tyst runda: nya idéer syns bara')).toBeVisible();
	const write = async (page: Page, text: string) => {
		await page.getByLabel('Ny idé för Vem ringer jag').fill(text);
		await page.getByRole('button', { name: 'Lägg till idé' }).click();
		await expect(page.getByTestId('private-ideas')).toContainText(text);
	};
	await write(pia, 'En ingång för nattens frågor');
	await write(per, 'Kontaktperson dygnet runt');
	await write(per, 'Samordnad vårdplan');
	const progress = facilitator.getByTestId('silent-progress');
	await expect(progress).toHaveText('Tyst runda: 3 idéer från 2 personer hittills.');
	await expect(facilitator.getByTestId('idea-area')).not.toContainText('Kontaktperson');
	await expect(facilitator.getByTestId('idea-area')).not.toContainText('Inga idéer ännu');
	await expectAccessible(facilitator);
});
