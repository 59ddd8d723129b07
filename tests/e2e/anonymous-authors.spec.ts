import { expect, test } from './fixtures';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';
import { JourneyBoard, Q_SKAVER } from './pages/journey';

test('in an anonymous workshop a participant still edits their own note, and only their own', async ({
	browser
}) => {
	const facilitator = await browser.newContext();
	const f = await facilitator.newPage();
	const code = await facilitatorCreatesWorkshop(f, 'Anonym resa');
	const workshopId = new URL(f.url()).pathname.split('/')[2]!;
	const switched = await facilitator.request.fetch(`/api/workshops/${workshopId}/settings`, {
		method: 'PATCH',
		headers: { origin: test.info().project.use.baseURL! },
		data: { anonymous: true }
	});
	expect(switched.ok()).toBe(true);
	const contexts = [facilitator];
	const pages = [];
	for (const name of ['Anna Sjöberg', 'Bo Lind']) {
		const context = await browser.newContext();
		contexts.push(context);
		const page = await context.newPage();
		await participantJoins(page, code, name);
		await waitOnline(page);
		pages.push(page);
	}
	const [anna, bo] = [pages[0]!, pages[1]!];
	const a = new JourneyBoard(anna);
	const b = new JourneyBoard(bo);
	const text = 'Ingen visste vem som skulle ringa';

	// Signed with her pseudonym by her own browser: the note is hers to edit, nobody else's.
	await a.addNote('Händelse 1', Q_SKAVER, text);
	await b.expectNoteIn('Händelse 1', Q_SKAVER, text);
	await expect(bo.getByTestId('note').filter({ hasText: text })).not.toContainText('Anna');
	await expect(
		bo.getByTestId('note').filter({ hasText: text }).getByRole('button', { name: 'Redigera' })
	).toHaveCount(0);
	const note = anna.getByTestId('note').filter({ hasText: text });
	await note.getByRole('button', { name: 'Redigera' }).click();
	await anna.getByLabel('Redigera lappen').fill(`${text} efteråt`);
	await anna.getByRole('button', { name: 'Spara' }).click();
	await b.expectNoteIn('Händelse 1', Q_SKAVER, `${text} efteråt`);

	// What the board holds: her pseudonym, never her membership id.
	const exported = await facilitator.request.get(`/api/workshops/${workshopId}/export.json`);
	const board = ((await exported.json()) as { board: { notes: Record<string, unknown>[] } }).board;
	expect(JSON.stringify(board).includes(text)).toBe(true);
	const notes = Object.values(board.notes).filter((n) => String(n.text).startsWith(text));
	expect(notes.map((n) => n.authorId)).toEqual([expect.stringMatching(/^a-[A-Za-z0-9_-]{22}$/)]);
	await Promise.all(contexts.map((c) => c.close()));
});
