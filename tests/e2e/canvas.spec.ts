import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test, chromium, type Browser, type Page } from './fixtures';
import { expectAccessible } from './axe';
import { facilitatorCreatesWorkshop, participantJoins, waitOnline } from './flows';

const AREA = 'Vem ringer jag';

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	return context.newPage();
}

/** The files tldraw's island brings (its chunk, what only it imports, its CSS), from the build. */
function tldrawFiles(): string[] {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string; css?: string[]; isDynamicEntry?: boolean }>;
	const island = manifest['src/lib/canvas/island.ts'];
	if (!island) throw new Error('no canvas island in the build');
	return [island.file, ...(island.css ?? [])];
}

/** Every URL the page requests from now on. */
function requestLog(page: Page): string[] {
	const log: string[] = [];
	page.on('request', (request) => log.push(request.url()));
	return log;
}

/** The requests that went to another host than `host` (data: and blob: URLs stay in the page). */
const elsewhere = (log: string[], host: string) =>
	log.filter((url) => !/^(data|blob):/.test(url) && new URL(url).host !== host);

/** A prioritised area, made the way a facilitator does: an area, one scoring round, the mark. */
async function prioritisedArea(facilitator: Page, pia: Page, base: string) {
	await facilitator.goto(`${base}/klustring`);
	await waitOnline(facilitator);
	await facilitator.getByLabel('Nytt förbättringsområde').fill(AREA);
	await facilitator.getByRole('button', { name: 'Skapa område' }).click();
	await expect(facilitator.getByRole('heading', { name: AREA })).toBeVisible();
	await facilitator.goto(`${base}/prioritering`);
	await pia.goto(`${base}/prioritering`);
	await waitOnline(pia);
	await waitOnline(facilitator);
	await facilitator.getByRole('checkbox', { name: AREA }).check();
	await facilitator.getByRole('button', { name: 'Öppna poängsättning' }).click();
	for (const [axis, value] of [
		['Nytta', '5 – mycket hög'],
		['Insats', '1 – mycket låg']
	] as const) {
		await pia
			.getByRole('group', { name: AREA, exact: true })
			.getByRole('group', { name: axis, exact: true })
			.getByRole('radio', { name: value, exact: true })
			.check();
	}
	await expect(facilitator.getByTestId('progress')).toHaveText('1 av 1 har lämnat poäng');
	await facilitator.getByRole('button', { name: 'Visa resultat' }).click();
	await facilitator.getByRole('checkbox', { name: `Prioriterad: ${AREA}` }).check();
}

/** Opens the area's canvas from the idea list and waits for tldraw to be bound to the board. */
async function openCanvas(page: Page, base: string) {
	await page.goto(`${base}/ideer`);
	await waitOnline(page);
	await page.getByRole('link', { name: `Öppna canvasen för ${AREA}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Canvas: ${AREA}` })).toBeVisible();
	await expect(page.getByTestId('canvas-surface')).toHaveAttribute('data-ready', 'true');
}

/** Writes a sticky with tldraw's own note tool, at a point of the surface. */
async function drawSticky(page: Page, text: string, at: { x: number; y: number }) {
	const surface = page.getByTestId('canvas-surface');
	await page.getByTestId('tools.note').click();
	await surface.click({ position: at });
	await page.keyboard.type(text);
	await page.keyboard.press('Escape');
}

test('two people draw on one area’s canvas and see each other’s shapes live; a sticky becomes an idea; only the app’s host is asked; the board loads no tldraw', async ({
	browser
}) => {
	const facilitator = await newPage(browser);
	const code = await facilitatorCreatesWorkshop(facilitator, 'Oskar 83');
	const base = new URL(facilitator.url()).pathname;
	const pia = await newPage(browser);
	await participantJoins(pia, code, 'Pia');
	await prioritisedArea(facilitator, pia, base);

	// The journey board: none of tldraw's files.
	const boardLog = requestLog(pia);
	await pia.goto(base);
	await waitOnline(pia);
	const island = tldrawFiles();
	expect(boardLog.filter((url) => island.some((file) => url.endsWith(file)))).toEqual([]);

	const piaLog = requestLog(pia);
	await openCanvas(pia, base);
	await openCanvas(facilitator, base);
	// tldraw's own interface speaks Swedish (it ships sv), served by the app.
	await expect(pia.locator('.tl-container')).toHaveAttribute('lang', 'sv');
	await expect(pia.getByTestId('tools.select')).toHaveAttribute('aria-label', /Välj/);
	// The canvas page does load them, so the check above looks for the right files.
	expect(piaLog.filter((url) => island.some((file) => url.endsWith(file)))).not.toEqual([]);

	await drawSticky(pia, 'Ett nummer som alltid svarar', { x: 200, y: 150 });
	await drawSticky(facilitator, 'Sjuksköterska på natten', { x: 500, y: 300 });
	for (const page of [pia, facilitator]) {
		const stickies = page.getByTestId('canvas-sticky');
		await expect(stickies.filter({ hasText: 'Ett nummer som alltid svarar' })).toHaveCount(1);
		await expect(stickies.filter({ hasText: 'Sjuksköterska på natten' })).toHaveCount(1);
		// tldraw draws both on each surface.
		await expect(page.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(2);
	}

	// Presence: the facilitator's pointer on the surface is Pia's named cursor.
	const box = (await facilitator.getByTestId('canvas-surface').boundingBox())!;
	await facilitator.mouse.move(box.x + 420, box.y + 200, { steps: 3 });
	await expect(pia.locator('.tl-nametag').filter({ hasText: 'Mia Tavander' })).toBeVisible();

	// Pia's own sticky becomes an idea; the facilitator's is not hers to turn into one.
	const hers = pia.getByTestId('canvas-sticky').filter({ hasText: 'Ett nummer' });
	const theirs = pia.getByTestId('canvas-sticky').filter({ hasText: 'Sjuksköterska' });
	await expect(theirs.getByRole('button')).toHaveCount(0);
	await hers.getByRole('button', { name: 'Gör till idé' }).click();
	await expect(hers).toContainText('Är en idé');

	await facilitator.getByRole('link', { name: 'Tillbaka till Idéer' }).click();
	const idea = facilitator.getByTestId('idea').filter({ hasText: 'Ett nummer som alltid svarar' });
	await expect(idea).toContainText('Pia');
	await expect(idea.getByTestId('idea-from-canvas')).toHaveText(`från canvas, ${AREA}`);

	// An idea goes onto the canvas as a sticky.
	await openCanvas(facilitator, base);
	await facilitator
		.getByRole('listitem')
		.filter({ hasText: 'Ett nummer som alltid svarar' })
		.getByRole('button', { name: 'Lägg på canvasen' })
		.click();
	await expect(pia.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(3);

	// Everything the canvas page asked for came from the app itself.
	expect(elsewhere(piaLog, new URL(pia.url()).host)).toEqual([]);

	// axe on everything outside the drawing surface (tldraw's own is described in docs/canvas.md).
	await expectAccessible(pia, { exclude: '[data-testid="canvas-surface"]' });
});

test.describe('without a licence key on a host that is not local', () => {
	const port = Number(process.env.E2E_PORT ?? 4173) + 100;
	const origin = `http://samskapa.test:${port}`;
	let server: ChildProcess;
	let browser: Browser;

	test.beforeAll(async () => {
		rmSync('.e2e-data/licence', { recursive: true, force: true });
		server = spawn('node', ['--disable-warning=ExperimentalWarning', 'src/server.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: '.e2e-data/licence/e2e.db',
				ORIGIN: origin,
				TLDRAW_LICENSE_KEY: '',
				SIGNUP_RATE_LIMIT: '1000'
			},
			stdio: ['ignore', 'pipe', 'inherit']
		});
		await new Promise<void>((resolve, reject) => {
			server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
			server.stdout!.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('listening on')) resolve();
			});
		});
		// The browser reaches samskapa.test at this machine, so the page is really on that host.
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP samskapa.test 127.0.0.1`]
		});
	});

	test.afterAll(async () => {
		await browser?.close();
		server?.kill();
	});

	test('the canvas page explains the licence, links to the idea list and mounts nothing', async () => {
		const context = await browser.newContext({ baseURL: origin, locale: 'sv-SE' });
		const page = await context.newPage();
		await facilitatorCreatesWorkshop(page, 'Oskar 83');
		const base = new URL(page.url()).pathname;
		const log = requestLog(page);
		await page.goto(`${base}/ideer/area1/canvas`);
		await expect(page.getByTestId('canvas-licence')).toContainText(
			'Canvasen behöver en licensnyckel'
		);
		await expect(page.getByRole('link', { name: /idélistan/ })).toHaveAttribute(
			'href',
			`${base}/ideer`
		);
		await waitOnline(page);
		await expect(page.locator('.tl-container')).toHaveCount(0);
		await expect(page.getByTestId('canvas-surface')).toHaveCount(0);
		const island = tldrawFiles();
		expect(log.filter((url) => island.some((file) => url.endsWith(file)))).toEqual([]);
		expect(elsewhere(log, `samskapa.test:${port}`)).toEqual([]);
		await expectAccessible(page);
		await context.close();
	});
});
