import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { RECORDS_PER_DOCUMENT } from '../../src/lib/workshop/layout.ts';
import { createArea, listAreas } from '../../src/lib/workshop/records/area.ts';
import { addInsight, insightsMap } from '../../src/lib/workshop/records/insight.ts';
import { setParticipantsMayComment } from '../../src/lib/workshop/records/board-state.ts';
import { addGoalComment, goalCommentsMap } from '../../src/lib/workshop/records/goal-comment.ts';
import { ApiClient, facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { authorOf, connect, waitFor, type YClient } from '../helpers/yclient.ts';
import { query } from '../helpers/store';

/**
 * The data exports (JSON v2, and the import back) against the real server and the demo
 * workshop, with areas and insights added over the WebSocket as a facilitator would.
 */
let server: TestServer;
let demo: { api: ApiClient; id: string };
let insightsCount = 0;
const clients: YClient[] = [];
const AREA = 'Läkemedel och överföring – å ä ö';
const SUB = 'Läkemedelslista';

beforeAll(async () => {
	server = await startServer({ env: { SAMSKAPA_DEMO: '1' } });
	await fetch(`${server.url}/healthz`);
	const match = /\/demo\/[A-Za-z0-9_-]+/.exec(server.output());
	if (!match) throw new Error(`no demo link in the server output:\n${server.output()}`);
	const api = new ApiClient(server.url);
	const res = await api.request('GET', match[0]);
	const id = /^\/w\/([a-f0-9]+)$/.exec(res.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error('the demo link did not lead to the demo workshop');
	demo = { api, id };
	// Areas and insights as a facilitator sorts them, seen by a second client (so the server has them).
	const f = track(connect(server.wsUrl, `w/${id}`, { cookie: api.cookieHeader() }));
	const seen = track(connect(server.wsUrl, `w/${id}`, { cookie: api.cookieHeader() }));
	await Promise.all([f.synced, seen.synced]);
	// The demo already has the areas and insights of a workshop that ran the whole method.
	const [areasBefore, insightsBefore] = [listAreas(f.doc).length, insightsMap(f.doc).size];
	const area = createArea(f.doc, { name: AREA })!;
	const sub = createArea(f.doc, { name: SUB, parentId: area })!;
	addInsight(f.doc, {
		text: '=HYPERLINK("http://evil") ingen ringer tillbaka',
		source: 'written',
		createdBy: null,
		areaId: sub,
		professions: ['sjukskoterska'],
		organisations: ['kommun']
	});
	await waitFor(
		seen.doc,
		(d) => listAreas(d).length === areasBefore + 2 && insightsMap(d).size === insightsBefore + 1,
		{ message: 'areas and insight on the server' }
	);
	insightsCount = insightsMap(seen.doc).size;
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

function track(client: YClient) {
	clients.push(client);
	return client;
}

/** Every workshop in the server's database (read-only beside the running server). */
async function workshopCount(): Promise<number> {
	const [row] = await query<{ n: number }>(server.database, 'SELECT count(*) AS n FROM workshops');
	return row!.n;
}

async function raw(api: ApiClient, path: string, init: RequestInit = {}) {
	return fetch(new URL(path, server.url), {
		...init,
		headers: { cookie: api.cookieHeader(), origin: server.url, ...init.headers }
	});
}

const importFile = (api: ApiClient, body: BodyInit, type = 'application/json') =>
	raw(api, '/api/workshops/import', { method: 'POST', body, headers: { 'content-type': type } });

type Board = Record<string, Array<{ id: string; [k: string]: unknown }> | Record<string, unknown>>;
interface File_ {
	schemaVersion: number;
	workshop: { id: string; title: string };
	board: Board;
	[k: string]: unknown;
}

/** A file without what an import renews: every id (32 hex digits) and the export time. */
function comparable(file: File_): unknown {
	const text = JSON.stringify(file.board)
		.replace(/[a-f0-9]{32}/g, '<id>')
		// Membership ids (authors, raters) are renewed too, whatever their form.
		.replace(/"(authorId|createdBy)":"[^"]*"/g, '"$1":"<id>"')
		.replace(/"[^"|]*\|[^"|]*":/g, '"<id>|<id>":');
	const board = JSON.parse(text) as Record<string, unknown>;
	for (const [root, v] of Object.entries(board)) {
		// Collections are sorted by id, so with the ids gone compare them as sets.
		if (Array.isArray(v)) board[root] = v.map((x) => JSON.stringify(x)).sort();
	}
	return { ...file, exportedAt: null, workshop: { ...file.workshop, id: null }, board };
}

describe('JSON export, schema version 2', () => {
	it('holds the whole demo workshop once, with a schema version', async () => {
		const file = (await (
			await raw(demo.api, `/api/workshops/${demo.id}/export.json`)
		).json()) as File_;
		expect(file.schemaVersion).toBe(2);
		expect(file.notes).toBeUndefined();
		expect((file.board.events as unknown[]).length).toBe(3);
		expect((file.board.questions as unknown[]).length).toBeGreaterThan(0);
		expect((file.board.areas as unknown as Array<{ name: string }>).map((a) => a.name)).toEqual(
			expect.arrayContaining([AREA, SUB, 'Äkta team kring patienten'])
		);
		// The demo adds quotes to the Oskar 83 template; its structure is still the template's.
		expect(file.template).toMatchObject({ id: 'oskar-83-hemsjukvard' });
	});

	it('export → import → export is the same apart from ids and timestamps', async () => {
		const first = (await (
			await raw(demo.api, `/api/workshops/${demo.id}/export.json?include=flagged`)
		).json()) as File_;
		const before = await workshopCount();
		const res = await importFile(demo.api, JSON.stringify(first));
		expect(res.status).toBe(201);
		const { workshop } = (await res.json()) as { workshop: { id: string; title: string } };
		expect(workshop.id).not.toBe(demo.id);
		expect(workshop.title).toBe(first.workshop.title);
		expect(await workshopCount()).toBe(before + 1);
		const second = (await (
			await raw(demo.api, `/api/workshops/${workshop.id}/export.json?include=flagged`)
		).json()) as File_;
		const oldIds = JSON.stringify(first.board).match(/[a-f0-9]{32}/g) ?? [];
		const secondText = JSON.stringify(second.board);
		expect(oldIds.some((id) => secondText.includes(id))).toBe(false);
		expect(comparable(second)).toEqual(comparable(first));
	});

	it('refuses an import without an account', async () => {
		const res = await importFile(new ApiClient(server.url), '{}');
		expect(res.status).toBe(401);
	});
});

describe('import of a malformed or hostile file', () => {
	let valid: string;
	beforeAll(async () => {
		valid = await (await raw(demo.api, `/api/workshops/${demo.id}/export.json`)).text();
	});

	const cases: Array<[string, () => BodyInit, number, string]> = [
		['truncated', () => valid.slice(0, Math.floor(valid.length / 2)), 400, 'import_not_json'],
		['empty', () => '', 400, 'import_not_json'],
		['not UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 400, 'import_not_json'],
		['another format', () => '{"format":"x"}', 400, 'import_not_samskapa'],
		[
			'a wrong schema version',
			() => valid.replace('"schemaVersion":2', '"schemaVersion":1'),
			400,
			'import_version'
		],
		[
			'a __proto__ key',
			() => valid.replace('"board":{', '"board":{"__proto__":{"isAdmin":true},'),
			400,
			'import_forbidden_key'
		],
		[
			'deep nesting',
			() => valid.replace('"board":{', `"board":{"x":${'['.repeat(50_000)}${']'.repeat(50_000)},`),
			400,
			'import_too_deep'
		],
		[
			'an unknown root',
			() => valid.replace('"board":{', '"board":{"admins":[],'),
			400,
			'import_invalid'
		],
		[
			'an unknown field',
			() => valid.replace('"title":', '"owner":"x","title":'),
			400,
			'import_invalid'
		],
		[
			'a bad reference',
			() => valid.replace(/"eventId":"[a-f0-9]{32}"/, '"eventId":"../../etc"'),
			400,
			'import_invalid'
		],
		[
			'more records than a board holds',
			() => {
				const file = JSON.parse(valid) as File_;
				// Ratings are the smallest records: the cap's worth of them fit under any body limit.
				file.board.emotions = Object.fromEntries(
					Array.from({ length: RECORDS_PER_DOCUMENT + 1 }, (_, i) => [`e|m${i}`, 1])
				);
				return JSON.stringify(file);
			},
			400,
			'import_too_many'
		],
		['an oversized body', () => 'x'.repeat(9 * 1024 * 1024), 413, 'import_too_large']
	];

	for (const [name, body, status, error] of cases) {
		it(`refuses ${name} cleanly and creates nothing`, async () => {
			const before = await workshopCount();
			const res = await importFile(demo.api, body());
			expect(res.status).toBe(status);
			const answer = (await res.json()) as { error: string; message: string };
			expect(answer.error).toBe(error);
			expect(answer.message.length).toBeGreaterThan(10);
			expect(await workshopCount()).toBe(before);
		});
	}

	it('keeps script in text as text and keeps running', async () => {
		const file = JSON.parse(valid) as File_;
		(file.board.summary as Record<string, unknown>).bullets = ['<script>alert(1)</script>'];
		const res = await importFile(demo.api, JSON.stringify(file));
		expect(res.status).toBe(201);
		const { workshop } = (await res.json()) as { workshop: { id: string } };
		const again = (await (
			await raw(demo.api, `/api/workshops/${workshop.id}/export.json`)
		).json()) as File_;
		expect((again.board.summary as { bullets: string[] }).bullets).toEqual([
			'<script>alert(1)</script>'
		]);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});

describe('spreadsheet, Markdown and print view of the demo workshop', () => {
	const url = (file: string) => `/api/workshops/${demo.id}/${file}`;

	it('insights.csv: a UTF-8 BOM, semicolons, the areas, å ä ö, formulas neutralised', async () => {
		const res = await raw(demo.api, url('insights.csv'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text).toContain('Förbättringsområde;Underområde;Insikt;');
		expect(text).toContain(`${AREA};${SUB};"'=HYPERLINK(""http://evil"") ingen ringer tillbaka";`);
		// A header, a line per insight (the demo's and the one added here), the final CRLF.
		expect(text.split('\r\n').length).toBe(insightsCount + 2);
	});

	it('insights.xlsx: a workbook whose XML holds the areas and å ä ö', async () => {
		const res = await raw(demo.api, url('insights.xlsx'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		const zip = await JSZip.loadAsync(await res.arrayBuffer());
		const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
		expect(strings).toContain(AREA);
		expect(strings).toContain(SUB);
		expect(strings).toMatch(/(&apos;|')=HYPERLINK/);
		const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		expect(sheet).toContain('<autoFilter');
		expect(sheet).not.toContain('<f>');
		expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).toBeTruthy();
	});

	it('report.md: the whole report', async () => {
		const res = await raw(demo.api, url('report.md'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
		const text = await res.text();
		expect(text).toMatch(/^# Oskar 83/);
		expect(text).toContain('## Patientresan');
		expect(text).toContain(`| ${AREA} | ${SUB} | 1 |`);
		expect(text).toContain('Tidspress, vi har ingen luft i systemet');
	});

	it('the print view: the report as HTML with an A4 print stylesheet', async () => {
		const res = await raw(demo.api, `/w/${demo.id}/rapport`, { headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(AREA);
		expect(html).toContain('Tidspress, vi har ingen luft i systemet');
		// Self-contained: its stylesheets come from this server, one of them the A4 print sheet.
		const sheets = [...html.matchAll(/<link href="([^"]+\.css)"/g)].map((m) => m[1]!);
		expect(sheets.length).toBeGreaterThan(0);
		const css = await Promise.all(
			sheets.map(async (href) => (await fetch(new URL(href, `${server.url}/w/${demo.id}/`))).text())
		);
		expect(css.join('\n')).toMatch(/@page\s*\{[^}]*size:\s*A4/);
	});
});

const EXPORTS = ['export.json', 'insights.csv', 'insights.xlsx', 'report.md'];

describe('who may export', () => {
	it('refuses a participant unless the facilitator allows it; anonymous exports hold no names', async () => {
		const { api, workshop, links } = await facilitatorWithWorkshop(server.url, 'Anonym');
		const p = await participant(server.url, links.participant.code, 'Pia Personsson');
		const room = `w/${workshop.id}`;
		const pia = track(connect(server.wsUrl, p.room, { token: p.wsToken }));
		const f = track(connect(server.wsUrl, room, { cookie: api.cookieHeader() }));
		await Promise.all([pia.synced, f.synced]);
		addNote(pia.doc, {
			text: 'Lång väntan',
			author: authorOf(p, 'Pia Personsson', 'sjukskoterska')
		});
		await waitFor(f.doc, (d) => d.getMap('notes').size === 1, { message: 'the note' });
		const urls = [
			...EXPORTS.map((file) => `/api/workshops/${workshop.id}/${file}`),
			`/w/${workshop.id}/rapport`
		];
		for (const url of urls) expect((await raw(p.api, url)).status, url).toBe(403);
		// Not anonymous yet: the participant's name is in the report.
		expect(await (await raw(api, urls[3]!)).text()).toContain('Personsson');
		const settings = `/api/workshops/${workshop.id}/settings`;
		await api.request('PATCH', settings, { participantsMayExport: true, anonymous: true });
		for (const url of urls) {
			const res = await raw(p.api, url);
			expect(res.status, url).toBe(200);
			const body = url.endsWith('.xlsx')
				? (
						await Promise.all(
							Object.values((await JSZip.loadAsync(await res.arrayBuffer())).files).map((f) =>
								f.async('string')
							)
						)
					).join(' ')
				: await res.text();
			expect(body, url).not.toContain('Personsson');
		}
	});
});

describe('patient data in every export (issue 14, break 7)', () => {
	it('a goal comment, a note, the title and the purpose are masked in every format', async () => {
		const api = new ApiClient(server.url);
		await api.signup();
		const { workshop, links } = await api.createWorkshop({
			title: 'Oskar 19550412 3455',
			purpose: 'Ring dottern (070-1234567)'
		});
		const p = await participant(server.url, links.participant.code, 'Pia');
		const pia = track(connect(server.wsUrl, p.room, { token: p.wsToken }));
		const f = track(connect(server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
		await Promise.all([pia.synced, f.synced]);
		const area = createArea(f.doc, { name: 'Kontakt' })!;
		setParticipantsMayComment(f.doc, true);
		await waitFor(pia.doc, (d) => listAreas(d).length === 1 && d.getMap('state').size > 0, {
			message: 'the area and the switch'
		});
		const author = authorOf(p, 'Pia', 'sjukskoterska');
		addGoalComment(pia.doc, { areaId: area, text: 'Ring Oskar på 070-123 45 67', author });
		addNote(pia.doc, { text: 'Hans nummer 070.123.45.68', kind: 'citat', author });
		await waitFor(f.doc, (d) => goalCommentsMap(d).size === 1 && d.getMap('notes').size === 1, {
			message: 'the comment and the note on the server'
		});
		const leaks = [/123\D{0,3}45\D{0,3}6[78]/, /1234567/, /19550412/, /550412/];
		for (const file of [...EXPORTS, 'report.docx', 'report.pptx']) {
			const res = await raw(api, `/api/workshops/${workshop.id}/${file}`);
			expect(res.status, file).toBe(200);
			const body = /\.(xlsx|docx|pptx)$/.test(file)
				? (
						await Promise.all(
							Object.values((await JSZip.loadAsync(await res.arrayBuffer())).files).map((z) =>
								z.async('string')
							)
						)
					)
						.join(' ')
						// Apart, so that numbers of neighbouring elements never read as one.
						.replace(/<[^>]*>/g, '    ')
				: await res.text();
			for (const leak of leaks) expect(leak.test(body), `${file}: ${leak}`).toBe(false);
			expect(res.headers.get('content-disposition'), file).not.toMatch(/550412|3455/);
		}
		const file = (await (
			await raw(api, `/api/workshops/${workshop.id}/export.json`)
		).json()) as File_;
		expect(file.patientDataRedacted).toBe(true);
		expect(file.workshop.title).toBe('Oskar [borttaget: möjligt personnummer]');
		expect(JSON.stringify(file.board.goalComments)).toContain(
			'Ring Oskar på [borttaget: möjligt telefonnummer]'
		);
	});
});
