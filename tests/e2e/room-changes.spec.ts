import { expect, test, type Browser } from './fixtures';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { listEvents } from '../../src/lib/workshop/journey.ts';
import { expectAccessible } from './axe';
import {
	addNote as addNoteInUi,
	facilitatorCreatesWorkshop,
	open,
	participantJoins,
	waitOnline
} from './flows';
import { JourneyBoard, Q_SKAVER } from './pages/journey';
import { connect } from '../helpers/yclient.ts';

async function room(browser: Browser, title: string) {
	const f = await (await browser.newContext()).newPage();
	const code = await facilitatorCreatesWorkshop(f, title);
	const base = new URL(f.url()).pathname;
	const p = await (await browser.newContext()).newPage();
	await participantJoins(p, code, 'Bo Lind');
	await Promise.all([waitOnline(f), waitOnline(p)]);
	return { f, p, base, id: base.split('/').at(-1)! };
}

test('a note from someone else reaches a screen reader as one polite summary per place', async ({
	browser,
	baseURL
}) => {
	const { f, p, id } = await room(browser, 'Vem hör vad');
	const summary = f.getByTestId('note-summary');
	await expect(summary).toHaveAttribute('role', 'status');

	// One's own note is never announced back.
	await addNoteInUi(f, 'Min egen lapp');
	await new JourneyBoard(p).addNote('Händelse 1', Q_SKAVER, 'Vem ringer jag på natten?');
	await expect(summary).toHaveText('1 ny lapp i Händelse 1.');

	// Two notes at once (one update) are one sentence, not two announcements.
	const cookie = (await f.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const client = connect(baseURL!.replace(/^http/, 'ws') + '/ws', `w/${id}`, { cookie });
	await client.synced;
	const event = listEvents(client.doc)[0]!.id;
	const author = { id: 'e2e-other', name: null, profession: 'annan', organisation: 'annan' };
	client.doc.transact(() => {
		addNote(client.doc, { text: 'Dosetten', kind: 'note', eventId: event, author });
		addNote(client.doc, { text: 'Nyckeln', kind: 'note', eventId: event, author });
	});
	await expect(summary).toHaveText('2 nya lappar i Händelse 1.');
	await expect(p.getByTestId('note-summary')).toHaveText('2 nya lappar i Händelse 1.');
	client.destroy();
});

test('a long note says its limit while typing and folds with "Visa mer"', async ({ browser }) => {
	const { f, p } = await room(browser, 'Långa lappar');
	const field = p.getByLabel('Ny lapp');
	await field.fill('a'.repeat(1700));
	await expect(p.getByTestId('char-count')).toHaveCount(0);
	const long = `${'Ingen vet vem som har ansvaret. '.repeat(62)}`.slice(0, 1950);
	await field.fill(long);
	await expect(p.getByTestId('char-count')).toHaveText('50 av 2000 tecken kvar');
	await expect(field).toHaveAttribute('aria-describedby', /new-note-count/);
	await field.fill(`${long}${'x'.repeat(60)}`);
	await expect(p.getByTestId('char-count')).toContainText('Lappen är full: högst 2000 tecken.');
	await p.getByRole('button', { name: 'Lägg till lapp', exact: true }).click();

	const note = f.getByTestId('note').filter({ hasText: 'Ingen vet vem' });
	const more = note.getByRole('button', { name: 'Visa mer' });
	await expect(more).toHaveAttribute('aria-expanded', 'false');
	const folded = (await note.boundingBox())!.height;
	expect(folded).toBeLessThan(400);
	await more.click();
	await expect(note.getByRole('button', { name: 'Visa mindre' })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	expect((await note.boundingBox())!.height).toBeGreaterThan(folded);
	// The edit button says which note it edits.
	await expect(
		note.getByRole('button', { name: 'Redigera ”Ingen vet vem som har ansvaret. Ingen…”' })
	).toBeVisible();
	await expectAccessible(f);
});

test('after "Stäng" and "Visa resultat" focus goes to what changed, not to the page body', async ({
	browser
}) => {
	const { f, p, base } = await room(browser, 'Fokus');
	await open(f, `${base}/klustring`);
	await waitOnline(f);
	await f.getByLabel('Nytt förbättringsområde').fill('Vem ringer jag');
	await f.getByRole('button', { name: 'Skapa område' }).click();
	await expect(f.getByRole('heading', { name: 'Vem ringer jag' })).toBeVisible();

	await open(p, `${base}/prioritering`);
	await waitOnline(p);
	await open(f, `${base}/prioritering`);
	await waitOnline(f);
	// The areas no round has covered yet are chosen already, the checkbox beside its label.
	const box = f.getByRole('checkbox', { name: 'Vem ringer jag' });
	await expect(box).toBeChecked();
	await box.uncheck();
	await expect(f.getByRole('button', { name: 'Öppna poängsättning' })).toBeDisabled();
	await expect(f.getByText('Välj minst ett område för att kunna öppna omgången.')).toBeVisible();
	await box.check();
	await f.getByRole('button', { name: 'Öppna poängsättning' }).click();

	const area = p.getByRole('group', { name: 'Vem ringer jag', exact: true });
	await area.getByRole('group', { name: 'Nytta', exact: true }).getByRole('radio').nth(4).check();
	await area.getByRole('group', { name: 'Insats', exact: true }).getByRole('radio').nth(0).check();
	await expect(f.getByTestId('progress')).toHaveText('1 av 1 har lämnat poäng');

	await f.getByRole('button', { name: 'Stäng poängsättningen' }).click();
	await expect(
		f.getByRole('heading', { name: /^Omgång 1 · Poängsättning · Stängd/ })
	).toBeFocused();
	await f.getByRole('button', { name: 'Visa resultat' }).click();
	await expect(f.getByRole('heading', { name: 'Prioriteringsmatris' })).toBeFocused();
	// Results first: the matrix is above the form that opens the next round.
	const matrix = (await f.getByRole('heading', { name: 'Prioriteringsmatris' }).boundingBox())!;
	const form = (await f.getByRole('heading', { name: 'Öppna en poängsättning' }).boundingBox())!;
	expect(matrix.y).toBeLessThan(form.y);
	await expectAccessible(f);
});

test('promoting a note to an insight moves focus to the next note', async ({ browser }) => {
	const { f, p, base } = await room(browser, 'Lyft lappar');
	const board = new JourneyBoard(p);
	await board.addNote('Händelse 1', Q_SKAVER, 'Första lappen');
	// The cell's form stays open for the next note.
	await board.textarea('Händelse 1', Q_SKAVER).fill('Andra lappen');
	await board.textarea('Händelse 1', Q_SKAVER).press('Enter');
	await expect(board.textarea('Händelse 1', Q_SKAVER)).toHaveValue('');
	await open(f, `${base}/klustring`);
	await waitOnline(f);
	await f.getByText(/Lyft fler lappar till insikter/).click();
	await f.getByRole('button', { name: 'Gör lappen Första lappen till insikt' }).click();
	await expect(
		f.getByRole('button', { name: 'Gör lappen Andra lappen till insikt' })
	).toBeFocused();
});
