import { expect, type Browser, type Page } from '@playwright/test';
import { addNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { listActions } from '../../src/lib/workshop/records/action.ts';
import { addReportFixture, FIXTURE_AREAS, type FixtureIds } from '../../src/lib/report/fixture.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { facilitatorCreatesWorkshop, open, participantJoins, waitOnline } from './flows';

// Exactly the longest note there is, ending in a letter so nothing trims it.
export const LONG_NOTE = 'Oskar ringer hemsjukvården varje kväll. '
	.concat('Ingen vet vem som har ansvaret. '.repeat(62))
	.slice(0, 1999)
	.concat('x');

export interface FullWorkshop {
	base: string;
	id: string;
	ids: FixtureIds;
	facilitator: Page;
	participant: Page;
}

/**
 * A workshop through every step of the method as the app makes it: the later steps written over
 * the facilitator's own connection (as those pages would), a scoring round and a dot round
 * opened, scored by a participant in the browser and revealed by the server, and a 2,000
 * character note on the board.
 */
export async function fullWorkshop(browser: Browser, baseURL: string): Promise<FullWorkshop> {
	const facilitator = await (await browser.newContext()).newPage();
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83 – hela metoden');
	const base = new URL(facilitator.url()).pathname;
	const id = base.split('/').at(-1)!;
	const cookie = (await facilitator.context().cookies())
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
	const ws = baseURL.replace(/^http/, 'ws') + '/ws';
	const client = connect(ws, `w/${id}`, { cookie });
	await client.synced;
	const ids = addReportFixture(client.doc, { authorId: 'e2e-author' });
	addNote(client.doc, {
		text: LONG_NOTE,
		kind: 'note',
		author: { id: 'e2e-author', name: null, profession: 'annan', organisation: 'annan' }
	});
	const witness = connect(ws, `w/${id}`, { cookie });
	await waitFor(
		witness.doc,
		(d) => listActions(d).length === 2 && listNotes(d).some((n) => n.text === LONG_NOTE)
	);
	witness.destroy();
	client.destroy();

	const participant = await (await browser.newContext()).newPage();
	await participantJoins(participant, code, 'Pia Lindqvist-Andersson');
	await open(participant, `${base}/prioritering`);
	await waitOnline(participant);

	const round = async (body: Record<string, unknown>) => {
		const res = await facilitator.request.post(`/api/workshops/${id}/rounds`, { data: body });
		expect(res.status(), await res.text()).toBe(200);
		return ((await res.json()) as { roundId: string }).roundId;
	};
	const scored = [ids.areas.samverkan, ids.areas.planering];
	const scoring = await round({ action: 'open', type: 'scoring', areaIds: scored });
	for (const [i, name] of [FIXTURE_AREAS.samverkan, FIXTURE_AREAS.planering].entries()) {
		const area = participant.getByRole('group', { name, exact: true });
		await area
			.getByRole('group', { name: 'Nytta', exact: true })
			.getByRole('radio')
			.nth(4 - i)
			.check();
		await area
			.getByRole('group', { name: 'Insats', exact: true })
			.getByRole('radio')
			.nth(i)
			.check();
	}
	await expect(participant.getByTestId('progress').first()).toContainText('1 av 1');
	await round({ action: 'reveal', roundId: scoring });
	await expect(participant.getByTestId('matrix')).toBeVisible();

	const dots = await round({
		action: 'open',
		type: 'dots',
		areaIds: Object.values(ids.areas),
		dotLimits: { perPerson: 3, perArea: 2 }
	});
	const row = participant.getByTestId('dot-area').first();
	await row.getByRole('button', { name: /^Lägg en prick/ }).click();
	await expect(participant.getByTestId('dots-left')).toContainText('2');
	await round({ action: 'reveal', roundId: dots });
	await expect(participant.getByTestId('dot-results')).toBeVisible();
	return { base, id, ids, facilitator, participant };
}
