import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { listEvents, listQuestions } from '../../src/lib/workshop/journey.ts';
import { listActions } from '../../src/lib/workshop/records/action.ts';
import { findRound } from '../../src/lib/workshop/records/round.ts';
import { setScore } from '../../src/lib/workshop/records/score.ts';
import { addReportFixture, FIXTURE_AREAS } from '../../src/lib/report/fixture.ts';
import { REDACTION_MASKS } from '../../src/lib/report/labels.ts';
import { ApiClient, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { connect, waitFor, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
const clients: YClient[] = [];
const track = (client: YClient) => (clients.push(client), client);

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

const QUOTES = [
	'Tidspress, vi har ingen luft i systemet',
	'Kontakt mellan vårdcentral och slutenvård skaver',
	'Äkta team som arbetar ihop utifrån plan',
	'Läkare tillgänglig jourtid för hembesök',
	'Fråga patienten – Vad är viktigt för dig?'
];
const PNR = '19121212-1212';
const NAME = 'Åsa Öberg';

/**
 * The demo workshop as a facilitator runs it on a live server: the Oskar 83 template, quotes
 * written by a participant, then areas, insights, a revealed scoring round, målbild, ideas,
 * action plan and summary (src/lib/report/fixture.ts, written through the facilitator's socket).
 */
async function demoWorkshop() {
	const api = new ApiClient(server.url);
	await api.signup({ displayName: 'Fia Facilitator' });
	const created = await api.createWorkshop({
		title: 'Oskar 83 – Hälso- och sjukvård i hemmet',
		purpose: 'Samskapa framtidens hälso- och sjukvård i hemmet',
		template: 'oskar-83-hemsjukvard'
	});
	const id = created.workshop.id;
	const room = `w/${id}`;
	const f = track(connect(server.wsUrl, room, { cookie: api.cookieHeader() }));
	const asa = await participant(server.url, created.links.participant.code, NAME, {
		profession: 'lakare',
		organisation: 'region'
	});
	const board = track(connect(server.wsUrl, asa.room, { token: asa.wsToken }));
	const own = track(
		connect(server.wsUrl, `${asa.room}/p/${asa.membershipId}`, { token: asa.wsToken })
	);
	await Promise.all([f.synced, board.synced, own.synced]);
	await waitFor(board.doc, (d) => listEvents(d).length === 3, { message: 'template events' });

	const events = listEvents(board.doc);
	const questions = listQuestions(board.doc);
	const author = { id: asa.membershipId, name: NAME, profession: 'lakare', organisation: 'region' };
	QUOTES.forEach((text, i) =>
		addNote(board.doc, {
			text,
			kind: 'citat',
			eventId: events[i % 3]!.id,
			questionId: questions[2]!.id,
			author
		})
	);
	addNote(board.doc, {
		text: `Oskar ${PNR} fick vänta`,
		kind: 'bottennapp',
		eventId: events[0]!.id,
		author
	});
	await waitFor(f.doc, (d) => d.getMap('notes').size === QUOTES.length + 1, { message: 'notes' });
	const { areas } = addReportFixture(f.doc, { authorId: asa.membershipId });
	await waitFor(board.doc, (d) => listActions(d).length === 2, { message: 'action plan' });

	// A scoring round of all four areas, scored by Åsa and revealed by the server.
	const areaIds = Object.values(areas);
	const opened = await api.request<{ roundId: string }>('POST', `/api/workshops/${id}/rounds`, {
		action: 'open',
		areaIds
	});
	expect(opened.status).toBe(200);
	const roundId = opened.body.roundId;
	await waitFor(board.doc, (d) => findRound(d, roundId)?.status === 'open', { message: 'open' });
	const scores: Array<[number, number]> = [
		[5, 1],
		[4, 4],
		[2, 2],
		[2, 5]
	];
	areaIds.forEach((areaId, i) => {
		setScore(own.doc, roundId, areaId, 'worth', scores[i]![0]);
		setScore(own.doc, roundId, areaId, 'cost', scores[i]![1]);
	});
	await waitFor(f.doc, (d) => findRound(d, roundId)?.progress === 1, { message: 'progress' });
	const revealed = await api.request('POST', `/api/workshops/${id}/rounds`, {
		action: 'reveal',
		roundId
	});
	expect(revealed.status).toBe(200);
	await waitFor(f.doc, (d) => findRound(d, roundId)?.status === 'revealed', { message: 'reveal' });
	return { api, id, asa };
}

async function download(client: ApiClient, path: string) {
	const headers: Record<string, string> = { cookie: client.cookieHeader() };
	const res = await fetch(new URL(path, server.url), { headers });
	const body = new Uint8Array(await res.arrayBuffer());
	return { status: res.status, headers: res.headers, body };
}

/** Every XML part of an Office file, and the names of its parts. */
async function unzip(file: Uint8Array) {
	const zip = await JSZip.loadAsync(file);
	const names = Object.keys(zip.files);
	const xml = (
		await Promise.all(
			names.filter((n) => n.endsWith('.xml')).map((n) => zip.file(n)!.async('string'))
		)
	).join('\n');
	return { names, xml };
}

describe('report.docx and report.pptx', () => {
	let demo: Awaited<ReturnType<typeof demoWorkshop>>;
	beforeAll(async () => {
		demo = await demoWorkshop();
	});

	it('give the facilitator a Word report with the areas, a quote, the matrix and å ä ö', async () => {
		const res = await download(demo.api, `/api/workshops/${demo.id}/report.docx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('wordprocessingml');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="samskapa-oskar-83-halso-och-sjukvard-i-hemmet-\d{4}-\d\d-\d\d\.docx"$/
		);
		const { names, xml } = await unzip(res.body);
		for (const area of Object.values(FIXTURE_AREAS)) expect(xml).toContain(area);
		expect(xml).toContain(QUOTES[1]);
		expect(xml).toMatch(/å.*ä.*ö|ö.*ä.*å/s);
		expect(xml).toContain('Områdeschef hemsjukvård');
		expect(xml).toContain('Snabba vinster');
		expect(xml).toContain(NAME);
		expect(names.some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
		// Patient data is masked unless asked for.
		expect(xml).not.toContain(PNR);
		expect(xml).toContain(REDACTION_MASKS.personnummer);
	});

	it('give a PowerPoint deck with the areas, a quote and the matrix image', async () => {
		const res = await download(demo.api, `/api/workshops/${demo.id}/report.pptx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/\.pptx"$/);
		const { names, xml } = await unzip(res.body);
		expect(xml).toContain(FIXTURE_AREAS.samverkan);
		expect(xml).toContain(FIXTURE_AREAS.planering);
		expect(xml).toContain(QUOTES[0]);
		expect(xml).toContain('Äkta team');
		expect(names.some((n) => n.startsWith('ppt/media/'))).toBe(true);
		expect(xml).not.toContain(PNR);
	});

	it('include flagged text only with ?include=flagged', async () => {
		const res = await download(demo.api, `/api/workshops/${demo.id}/report.docx?include=flagged`);
		expect(res.status).toBe(200);
		expect((await unzip(res.body)).xml).toContain(PNR);
	});

	it('refuse a participant unless the facilitator allows exports', async () => {
		for (const ext of ['docx', 'pptx']) {
			const refused = await download(demo.asa.api, `/api/workshops/${demo.id}/report.${ext}`);
			expect(refused.status).toBe(403);
		}
		const anonymous = await download(
			new ApiClient(server.url),
			`/api/workshops/${demo.id}/report.docx`
		);
		expect(anonymous.status).toBe(401);
		const allowed = await demo.api.request('PATCH', `/api/workshops/${demo.id}/settings`, {
			participantsMayExport: true
		});
		expect(allowed.status).toBe(200);
		const res = await download(demo.asa.api, `/api/workshops/${demo.id}/report.docx`);
		expect(res.status).toBe(200);
		expect((await unzip(res.body)).xml).toContain(FIXTURE_AREAS.lakare);
	});

	it('hold no participant names once the workshop is anonymous', async () => {
		const set = await demo.api.request('PATCH', `/api/workshops/${demo.id}/settings`, {
			anonymous: true
		});
		expect(set.status).toBe(200);
		for (const ext of ['docx', 'pptx']) {
			const res = await download(demo.api, `/api/workshops/${demo.id}/report.${ext}`);
			expect(res.status).toBe(200);
			const { xml } = await unzip(res.body);
			expect(xml).toContain(FIXTURE_AREAS.samverkan);
			expect(xml).not.toContain(NAME);
			expect(xml).not.toContain('Öberg');
		}
	});
});
