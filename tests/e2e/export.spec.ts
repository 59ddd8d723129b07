import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import JSZip from 'jszip';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { listActions } from '../../src/lib/workshop/records/action.ts';
import { addReportFixture, FIXTURE_AREAS } from '../../src/lib/report/fixture.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, open, waitOnline } from './flows';

test('the facilitator downloads the Word report from the export page, flagged text asked for first', async ({
	page,
	baseURL
}) => {
	await facilitatorCreatesWorkshop(page, 'Oskar 83 – hemsjukvård');
	const base = new URL(page.url()).pathname;
	const id = base.split('/').at(-1)!;

	// The steps before the report (areas, prioritising, målbild, action plan) are other pages'
	// work: written here over the facilitator's own live connection, as those pages would.
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const ws = baseURL!.replace(/^http/, 'ws') + '/ws';
	const client = connect(ws, `w/${id}`, { cookie });
	await client.synced;
	addReportFixture(client.doc, { authorId: 'e2e-author' });
	addNote(client.doc, {
		text: 'Ring dottern på 070-123 45 67',
		kind: 'note',
		author: { id: 'e2e-author', name: null, profession: 'annan', organisation: 'annan' }
	});
	// A second connection sees the writes only once the server has taken them.
	const witness = connect(ws, `w/${id}`, { cookie });
	await waitFor(witness.doc, (d) => listActions(d).length === 2);
	witness.destroy();

	await open(page, `${base}/export`);
	await waitOnline(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Export och rapporter' })).toBeVisible();
	await expect(page.getByTestId('flag-list')).toContainText('Telefonnummer');
	await expect(page.getByTestId('flag-list')).not.toContainText('123 45 67');
	await expectAccessible(page);

	const word = page.getByRole('link', { name: 'Word-rapport (.docx)' });
	await expect(word).toHaveAttribute('href', `/api/workshops/${id}/report.docx`);

	// Including flagged text takes a confirmation; cancelling changes nothing.
	await page.getByRole('button', { name: 'Ta med flaggad text …' }).click();
	const dialog = page.getByRole('dialog', { name: 'Ta med möjliga patientuppgifter?' });
	await expect(dialog).toBeVisible();
	await expectAccessible(page);
	await dialog.getByRole('button', { name: 'Avbryt' }).click();
	await expect(word).toHaveAttribute('href', `/api/workshops/${id}/report.docx`);
	await page.getByRole('button', { name: 'Ta med flaggad text …' }).click();
	await dialog.getByRole('button', { name: 'Ja, ta med flaggad text' }).click();
	await expect(word).toHaveAttribute('href', `/api/workshops/${id}/report.docx?include=flagged`);
	await page.getByRole('button', { name: 'Ta bort flaggad text igen' }).click();
	await expect(word).toHaveAttribute('href', `/api/workshops/${id}/report.docx`);

	const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
	expect(download.suggestedFilename()).toMatch(/^samskapa-oskar-83-hemsjukvard-.*\.docx$/);
	const zip = await JSZip.loadAsync(await readFile((await download.path())!));
	const xml = await zip.file('word/document.xml')!.async('string');
	expect(xml).toContain('Prioriterade förbättringsområden');
	expect(xml).toContain(FIXTURE_AREAS.samverkan);
	expect(xml).toContain(FIXTURE_AREAS.planering);
	expect(xml).toContain('Områdeschef hemsjukvård');
	expect(xml).not.toContain('123 45 67');
	client.destroy();
});
