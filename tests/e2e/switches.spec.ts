import { expect, test, type BrowserContext } from './fixtures';
import { waitOnline } from './flows';

/** A JSON request from a browser context, with the Origin header a same-origin fetch carries. */
async function send<T>(
	context: BrowserContext,
	method: 'POST' | 'PATCH',
	path: string,
	data: unknown
) {
	const res = await context.request.fetch(path, {
		method,
		headers: { origin: test.info().project.use.baseURL! },
		data
	});
	expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
	return (await res.json()) as T;
}

test('a facilitator’s change of a workshop setting reaches an open board at once, without a reload', async ({
	browser
}) => {
	const facilitator = await browser.newContext();
	const participant = await browser.newContext();
	const email = `mia${Date.now()}@region.example`;
	const password = 'ett långt lösenord';
	await send(facilitator, 'POST', '/api/signup', { email, password, displayName: 'Mia Tavander' });
	await send(facilitator, 'POST', '/api/login', { email, password });
	const { workshop, links } = await send<{
		workshop: { id: string };
		links: { participant: { code: string } };
	}>(facilitator, 'POST', '/api/workshops', { title: 'Brytare live' });
	await send(participant, 'POST', '/api/join', {
		code: links.participant.code,
		displayName: 'Pia Deltagare',
		profession: 'sjukskoterska',
		organisation: 'kommun'
	});
	const pia = await participant.newPage();
	await pia.goto(`/w/${workshop.id}`);
	await waitOnline(pia);
	const tabs = pia.getByRole('navigation', { name: 'Workshopens delar' }).getByRole('link');
	await expect(tabs.filter({ hasText: 'Export' })).toHaveCount(0);
	await expect(pia.getByText('anonym workshop')).toHaveCount(0);

	const settings = `/api/workshops/${workshop.id}/settings`;
	await send(facilitator, 'PATCH', settings, { anonymous: true, participantsMayExport: true });
	// The page used to re-read its settings once a minute; now the board brings them.
	await expect(pia.getByText('anonym workshop')).toBeVisible();
	await expect(tabs.filter({ hasText: 'Export' })).toHaveCount(1);

	await send(facilitator, 'PATCH', settings, { anonymous: false, participantsMayExport: false });
	await expect(pia.getByText('anonym workshop')).toHaveCount(0);
	await expect(tabs.filter({ hasText: 'Export' })).toHaveCount(0);
	await facilitator.close();
	await participant.close();
});
