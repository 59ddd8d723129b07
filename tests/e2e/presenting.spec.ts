import { expect, test, type BrowserContext } from './fixtures';
import QRCode from 'qrcode';
import * as Y from 'yjs';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { formatJoinCode, normaliseJoinCode } from '../../src/lib/workshop/join-code.ts';
import { listEvents, listQuestions } from '../../src/lib/workshop/journey.ts';
import { listSteps } from '../../src/lib/workshop/records/agenda.ts';
import { joinUrl } from '../../src/lib/workshop/presenting.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { expectAccessible } from './axe';
import { hydrated } from './flows';

/** POST from a browser context, with the Origin header a same-origin fetch carries. */
async function post<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
	const res = await context.request.post(path, {
		headers: { origin: test.info().project.use.baseURL! },
		data
	});
	expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
	return (await res.json()) as T;
}

const STEPS = [
	{
		id: 'step-journey',
		kind: 'journey',
		title: '',
		minutes: 30,
		instruction: 'Skriv en lapp per händelse.'
	},
	{
		id: 'step-fika',
		kind: 'break',
		title: 'Fika',
		minutes: 15,
		instruction: 'Tillbaka kvart över tio.'
	},
	{ id: 'step-prio', kind: 'prioritisation', title: '', minutes: 20, instruction: '' }
] as const;

test('the presenting window shows the join code with a locally drawn QR code, follows the step and offers no edit control', async ({
	browser,
	baseURL
}) => {
	const facilitator = await browser.newContext();
	const hosts = new Set<string>();
	facilitator.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol.startsWith('http')) hosts.add(url.host);
	});
	const email = `mia${Date.now()}@region.example`;
	await post(facilitator, '/api/signup', {
		email,
		password: 'ett långt lösenord',
		displayName: 'Mia Tavander'
	});
	await post(facilitator, '/api/login', { email, password: 'ett långt lösenord' });
	const created = await post<{
		workshop: { id: string };
		links: { participant: { code: string } };
	}>(facilitator, '/api/workshops', {
		title: 'Oskar 83 – hemsjukvård',
		template: 'patientresa-nara-vard'
	});
	const id = created.workshop.id;
	const code = normaliseJoinCode(created.links.participant.code);
	const shown = formatJoinCode(code);

	// The agenda is the agenda editor's work: written here over the facilitator's own connection.
	const cookie = (await facilitator.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const ws = baseURL!.replace(/^http/, 'ws') + '/ws';
	const client = connect(ws, `w/${id}`, { cookie });
	await client.synced;
	// The template's journey: the note goes in its first event's first question.
	const firstEvent = listEvents(client.doc)[0]!.id;
	const firstQuestion = listQuestions(client.doc)[0]!.id;
	client.doc.transact(() => {
		// The template's default agenda makes way for this test's three steps.
		const agenda = client.doc.getMap('agenda');
		for (const key of [...agenda.keys()]) agenda.delete(key);
		STEPS.forEach((step, i) => {
			const map = new Y.Map<unknown>();
			for (const [field, value] of Object.entries(step)) if (field !== 'id') map.set(field, value);
			map.set('order', `a${i}`);
			client.doc.getMap('agenda').set(step.id, map);
		});
	});
	addNote(client.doc, {
		text: 'Ingen visste vem som skulle ringa',
		kind: 'note',
		eventId: firstEvent,
		questionId: firstQuestion,
		author: { id: 'e2e-author', name: null, profession: 'annan', organisation: 'annan' }
	});
	const witness = connect(ws, `w/${id}`, { cookie });
	await waitFor(witness.doc, (d) => listSteps(d).length === STEPS.length);
	witness.destroy();
	client.destroy();

	const page = await facilitator.newPage();
	await page.goto(`/w/${id}`);
	await hydrated(page);
	const [present] = await Promise.all([
		facilitator.waitForEvent('page'),
		page.getByRole('link', { name: 'Presentera' }).click()
	]);
	await expect(present).toHaveURL(new RegExp(`/w/${id}/visning$`));
	await hydrated(present);

	// Before the first step: the workshop's title and how to join, large.
	await expect(present.getByRole('heading', { level: 1 })).toHaveText('Oskar 83 – hemsjukvård');
	await expect(present.getByTestId('present-code')).toContainText(shown);
	// The QR code holds the join page with this code: the same modules the qrcode package draws
	// for that address, drawn by this server (no request left the app's host).
	const expected = await QRCode.toString(joinUrl(baseURL!, code), {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M',
		color: { dark: '#000000', light: '#ffffff' }
	});
	const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((match) => match[1]);
	const drawn = await present
		.getByTestId('present-join')
		.locator('svg')
		.evaluate((svg) => svg.outerHTML);
	expect(paths(drawn)).toEqual(paths(expected));
	expect(paths(drawn).join('').length).toBeGreaterThan(200);
	await expect(
		present.getByRole('img', {
			name: `QR-kod till ${baseURL}/join med koden ${shown}`
		})
	).toBeVisible();
	await expectAccessible(present);

	// The facilitator moves the room: the window follows, with the board read-only.
	const step = (stepId: string) =>
		post(facilitator, `/api/workshops/${id}/facilitation`, { action: 'step', stepId });
	await step('step-journey');
	await expect(present.getByTestId('present-step')).toContainText('Resan');
	await expect(present.getByTestId('present-step')).toContainText('Steg 1 av 3');
	await expect(present.getByText('Skriv en lapp per händelse.')).toBeVisible();
	await expect(present.getByTestId('present-stage')).toContainText(
		'Ingen visste vem som skulle ringa'
	);
	await expect(present.getByTestId('present-code')).toContainText(shown);
	await expect(present.getByTestId('announcer')).toHaveText('Resan');
	// The step's timer, large: started on the facilitator's side, counting on the server's clock.
	await post(facilitator, `/api/workshops/${id}/timer`, { action: 'start', minutes: 5 });
	await expect(present.getByTestId('timer-readout')).toHaveText(/^[45]:\d\d$/);
	// The frame fits the window: a long board scrolls inside its own area, never the page.
	const fits = () =>
		present.evaluate(
			() =>
				document.documentElement.scrollHeight <= window.innerHeight &&
				document.documentElement.scrollWidth <= window.innerWidth
		);
	expect(await fits()).toBe(true);

	// No edit control at all: no form, no field, no button but full screen and close.
	await expect(present.locator('form, input, textarea, select, [contenteditable]')).toHaveCount(0);
	const buttons = await present.getByRole('button').allInnerTexts();
	expect(buttons.map((b) => b.trim()).sort()).toEqual(['Helskärm (F)', 'Stäng visningen']);
	await expectAccessible(present);

	await step('step-fika');
	await expect(present.getByTestId('present-step')).toContainText('Fika');
	await expect(present.getByText('Tillbaka kvart över tio.')).toBeVisible();
	await expect(present.getByTestId('present-stage')).not.toContainText('Ingen visste');

	await step('step-prio');
	await expect(present.getByTestId('present-step')).toContainText('Prioritering');
	await expect(present.getByTestId('present-stage')).toContainText(
		'Ingen prioritering visad ännu.'
	);
	await expect(present.locator('form, input, textarea, select, [contenteditable]')).toHaveCount(0);
	await expectAccessible(present);

	expect([...hosts]).toEqual([new URL(baseURL!).host]);

	// Close, from the keyboard.
	await present.getByRole('button', { name: 'Stäng visningen' }).focus();
	await Promise.all([
		present.waitForEvent('close'),
		// The window is gone before the key press reports back: its close is what is awaited.
		present.keyboard.press('Enter').catch(() => undefined)
	]);

	// A participant may open it too (no join code: that is the facilitators'); a stranger may not.
	const participant = await browser.newContext();
	await post(participant, '/api/join', {
		code,
		displayName: 'Sara',
		profession: 'sjukskoterska',
		organisation: 'kommun'
	});
	const theirs = await participant.newPage();
	await theirs.goto(`/w/${id}/visning`);
	await hydrated(theirs);
	await expect(theirs.getByTestId('present-step')).toContainText('Prioritering');
	await expect(theirs.getByTestId('present-code')).toHaveCount(0);
	await expect(theirs.getByRole('button', { name: 'Stäng visningen' })).toHaveCount(0);

	const stranger = await browser.newContext();
	const outside = await stranger.newPage();
	await outside.goto(`/w/${id}/visning`);
	await expect(outside).toHaveURL(/\/login\?next=/);

	await Promise.all([facilitator.close(), participant.close(), stranger.close()]);
});
