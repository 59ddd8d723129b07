import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, listActions } from '../../src/lib/workshop/records/action.ts';
import { createArea, listAreas } from '../../src/lib/workshop/records/area.ts';
import { writeGoal } from '../../src/lib/workshop/records/goal.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { ApiClient, facilitatorWithWorkshop, type CreatedWorkshop } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { connect, waitFor, type YClient } from '../helpers/yclient.ts';

/**
 * Issue 17's series over the wire: a second workshop in a series starts from the first one's
 * areas, prioritisation, målbilder and action plan (with where they came from), a status is
 * followed up between workshops, and the series report holds both workshops.
 */

let server: TestServer;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

type Created = CreatedWorkshop & {
	series: { id: string; position: number; carried: number } | null;
};

async function create(api: ApiClient, body: Record<string, unknown>): Promise<Created> {
	const res = await api.request<Created>('POST', '/api/workshops', body);
	expect(res.status).toBe(201);
	return res.body;
}

/** A SvelteKit form action as a browser without JavaScript posts it. */
function postForm(api: ApiClient, path: string, fields: Record<string, string>) {
	return fetch(new URL(path, api.baseUrl), {
		method: 'POST',
		headers: {
			cookie: api.cookieHeader(),
			origin: api.baseUrl,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

describe('a workshop series', () => {
	it('carries areas, prioritisation, målbilder and actions to the next workshop, follows statuses up, and reports both', async () => {
		const api = new ApiClient(server.url);
		await api.signup();
		const first = await create(api, {
			title: 'Workshop ett',
			date: '2026-04-21',
			series: 'new',
			seriesTitle: 'Hälso- och sjukvård i hemmet'
		});
		expect(first.series).toMatchObject({ position: 1, carried: 0 });
		const seriesId = first.series!.id;

		const f = connect(server.wsUrl, boardRoom(first.workshop.id), { cookie: api.cookieHeader() });
		clients.push(f);
		await f.synced;
		const trygghet = createArea(f.doc, { name: 'Trygghet dygnet runt' })!;
		createArea(f.doc, { name: 'Läkemedel' });
		setPlacement(f.doc, trygghet, { prioritised: true });
		writeGoal(f.doc, trygghet, { summary: 'Veta vem man ringer', statements: [], question: '' });
		addAction(f.doc, {
			areaId: trygghet,
			proposal: 'Ett nummer dygnet runt',
			owner: 'Kommunen',
			status: 'pagar'
		});
		// The server has them once a second socket sees them.
		const check = connect(server.wsUrl, boardRoom(first.workshop.id), {
			cookie: api.cookieHeader()
		});
		clients.push(check);
		await waitFor(check.doc, (d) => listActions(d).length === 1 && listAreas(d).length === 2, {
			message: 'the first workshop’s records on the server'
		});

		const second = await create(api, {
			title: 'Workshop två',
			date: '2026-05-19',
			series: seriesId,
			carry: ['areas', 'prioritised', 'goals', 'actions']
		});
		expect(second.series).toMatchObject({ id: seriesId, position: 2 });
		const exported = await api.exportJson(second.workshop.id);
		const names = exported.areas.map((a) => a.name).sort();
		expect(names).toEqual(['Läkemedel', 'Trygghet dygnet runt']);
		const carriedArea = exported.areas.find((a) => a.name === 'Trygghet dygnet runt')!;
		expect(carriedArea.id).not.toBe(trygghet);
		const board = exported.board as Record<string, Array<Record<string, unknown>>>;
		expect(board.placements).toContainEqual(
			expect.objectContaining({ id: carriedArea.id, prioritised: true })
		);
		expect(board.goals).toContainEqual(
			expect.objectContaining({ id: carriedArea.id, summary: 'Veta vem man ringer' })
		);
		const [action] = board.actions!;
		expect(action).toMatchObject({
			areaId: carriedArea.id,
			proposal: 'Ett nummer dygnet runt',
			status: 'pagar'
		});
		expect(board.carried).toContainEqual(
			expect.objectContaining({ id: action!.id, kind: 'action', position: 1, date: '2026-04-21' })
		);
		expect(exported.notes).toEqual([]);

		// Between workshops: the action is done, set on the series page.
		const saved = await postForm(api, `/serie/${seriesId}?/status`, {
			workshopId: second.workshop.id,
			actionId: action!.id as string,
			status: 'genomford'
		});
		expect(saved.status).toBe(200);
		expect((await api.exportJson(second.workshop.id)).board.actions).toContainEqual(
			expect.objectContaining({ id: action!.id, status: 'genomford' })
		);

		const report = await api.request<string>('GET', `/api/series/${seriesId}/report.md`);
		expect(report.status).toBe(200);
		const text = report.body;
		expect(text).toContain('Hälso- och sjukvård i hemmet');
		expect(text).toContain('Workshop ett');
		expect(text).toContain('Workshop två');
		expect(text).toMatch(/\| Trygghet dygnet runt \| Prioriterad \| Prioriterad \|/);
		expect(text).toMatch(/\| Läkemedel \| Med \| Med \|/);
		const done = text.slice(
			text.indexOf('Genomfört och fortgår'),
			text.indexOf('## Handlingsplanens uppföljning: Pågår')
		);
		expect(done).toContain('Ett nummer dygnet runt');
		expect(done).toContain('från workshop 1, 21 april 2026');

		const docx = await fetch(new URL(`/api/series/${seriesId}/report.docx`, server.url), {
			headers: { cookie: api.cookieHeader() }
		});
		expect(docx.status).toBe(200);
		expect(
			Buffer.from(await docx.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');

		// Another facilitator learns nothing of the series, and cannot put a workshop in it.
		const other = await facilitatorWithWorkshop(server.url, 'Annan');
		expect((await other.api.request('GET', `/api/series/${seriesId}/report.md`)).status).toBe(404);
		const intrude = await other.api.request('POST', '/api/workshops', {
			title: 'Inkräktare',
			series: seriesId
		});
		expect(intrude.status).toBe(400);
	});
});
