/**
 * The clustering page in a real browser: 500 insights in 40 areas (60 in Ej sorterade), served
 * by the built app (run `npm run build` first) with its own database.
 *
 *   npm run bench:clustering-page                 (RUNS=5 INSIGHTS=500 AREAS=40 to change)
 *
 * Measured and printed as p50/p95/max:
 * - render: from navigation to /w/<id>/klustring until every insight card is in the page and
 *   painted (the board synced over the WebSocket, the view model built, the DOM rendered);
 * - move: "Flytta till …" picked in the menu until the card is painted in its new area;
 * - seen by another: the same move until a second client (a Node Yjs client of the same
 *   workshop) has it, i.e. through the server's judge and store and back out;
 * - another's move painted here: that Node client moves an insight, until this page has painted
 *   the card in its new area (the server and this browser's re-render after the update).
 * Chromium runs headless on this machine, so these are the times of a person's browser here.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { insightsMap, moveInsight } from '../../src/lib/workshop/records/insight.ts';
import { facilitatorWithWorkshop, SESSION_COOKIE } from '../helpers/api.ts';
import { removeTempDirs, startServer } from '../helpers/server.ts';
import { connect, waitFor } from '../helpers/yclient.ts';
import { seedClustering } from './cluster-seed.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const INSIGHTS = Number(process.env.INSIGHTS ?? 500);
const AREAS = Number(process.env.AREAS ?? 40);

function report(label: string, samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
	console.log(
		`${label.padEnd(28)} ${at(50).toFixed(0).padStart(7)} ${at(95).toFixed(0).padStart(7)} ${sorted.at(-1)!.toFixed(0).padStart(7)}   (${samples.length} runs)`
	);
}

const server = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const { api, workshop } = await facilitatorWithWorkshop(server.url, 'Klustring i skala');
	const room = `w/${workshop.id}`;
	const writer = connect(server.wsUrl, room, { cookie: api.cookieHeader() });
	await writer.synced;
	const { areas, ids, tops } = seedClustering(writer.doc, {
		insights: INSIGHTS,
		areas: AREAS,
		unsorted: 60
	});
	const other = connect(server.wsUrl, room, { cookie: api.cookieHeader() });
	await other.synced;
	await waitFor(other.doc, (d) => insightsMap(d).size === INSIGHTS, { timeoutMs: 60_000 });

	const context = await browser.newContext({
		locale: 'sv-SE',
		viewport: { width: 1280, height: 900 }
	});
	await context.addCookies([
		{ name: SESSION_COOKIE, value: api.session!, url: server.url, httpOnly: true, sameSite: 'Lax' }
	]);
	const page = await context.newPage();
	const url = `${server.url}/w/${workshop.id}/klustring`;
	const renders: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		await page.goto(url, { waitUntil: 'commit' });
		// Time from the navigation's start, taken in the page once the last card is painted.
		const ms = await page.waitForFunction(
			(count) =>
				document.querySelectorAll('[data-testid="insight"]').length === count
					? new Promise<number>((done) =>
							requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))
						)
					: 0,
			INSIGHTS,
			{ polling: 'raf', timeout: 120_000 }
		);
		renders.push(await ms.jsonValue());
	}

	const moves: number[] = [];
	const seen: number[] = [];
	for (let run = 0; run < RUNS * 4; run++) {
		const id = ids[(run * 37) % (INSIGHTS - 60)]!;
		const to = areas[(run * 7 + 3) % tops]!;
		if (insightsMap(other.doc).get(id)?.get('areaId') === to) continue;
		const arrived = waitFor(other.doc, (d) => insightsMap(d).get(id)?.get('areaId') === to, {
			timeoutMs: 30_000
		});
		const started = performance.now();
		const inPage = await page.evaluate(
			async ({ id, name, to }) => {
				const frame = () => new Promise((done) => requestAnimationFrame(done));
				const card = document.querySelector(`[data-insight-id="${id}"]`)!;
				card.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
				let item: HTMLElement | undefined;
				while (!item) {
					await frame();
					item = [...card.querySelectorAll<HTMLElement>('[role="menuitem"]')].find(
						(b) => b.textContent?.trim() === name
					);
				}
				const t0 = performance.now();
				item.click();
				const placed = () =>
					document
						.querySelector(`[data-insight-id="${id}"]`)
						?.closest('[data-area-id]')
						?.getAttribute('data-area-id') === to;
				while (!placed()) await frame();
				await frame();
				return performance.now() - t0;
			},
			{ id, to, name: `Område ${areas.indexOf(to) + 1}` }
		);
		await arrived;
		moves.push(inPage);
		seen.push(performance.now() - started);
	}

	// The other way: a move made elsewhere, until this page shows it (both clocks are this
	// machine's).
	const received: number[] = [];
	for (let run = 0; run < RUNS * 4; run++) {
		const id = ids[(run * 41 + 5) % (INSIGHTS - 60)]!;
		const to = areas[(run * 11 + 1) % tops]!;
		if (insightsMap(other.doc).get(id)?.get('areaId') === to) continue;
		const painted = page.evaluate(
			({ id, to }) =>
				new Promise<number>((done) => {
					const placed = () =>
						document
							.querySelector(`[data-insight-id="${id}"]`)
							?.closest('[data-area-id]')
							?.getAttribute('data-area-id') === to;
					const check = () =>
						placed() ? requestAnimationFrame(() => done(Date.now())) : requestAnimationFrame(check);
					check();
				}),
			{ id, to }
		);
		// The page is watching before the move is made.
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
		const started = Date.now();
		moveInsight(other.doc, id, to);
		received.push((await painted) - started);
	}

	console.log(
		`${INSIGHTS} insights in ${AREAS} areas, Chromium headless (ms; load average ${loadavg()[0]!.toFixed(1)} on this machine)`
	);
	console.log(`${''.padEnd(28)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`);
	report('render the page', renders);
	report('move (menu pick to paint)', moves);
	report('move seen by another client', seen);
	report("another's move painted here", received);
	writer.destroy();
	other.destroy();
	await context.close();
} finally {
	await browser.close();
	await server.stop();
	await removeTempDirs();
}
