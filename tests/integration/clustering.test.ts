import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { deleteArea } from '../../src/lib/workshop/clustering.ts';
import {
	areasMap,
	createArea,
	listAreas,
	renameArea
} from '../../src/lib/workshop/records/area.ts';
import { setParticipantsMayMove } from '../../src/lib/workshop/records/board-state.ts';
import {
	addInsight,
	insightIdForNote,
	insightsMap,
	listInsights,
	moveInsight
} from '../../src/lib/workshop/records/insight.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { authorOf, connect, nextClose, waitFor, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
const clients: YClient[] = [];

beforeAll(async () => {
	// One participant is refused many times on purpose here; the per-member refusal budget
	// (tested in limits.test.ts) would otherwise keep them out before the last case.
	server = await startServer({ env: { WS_REFUSALS_PER_MINUTE: '100' } });
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

const areaOf = (doc: Y.Doc, id: string) => insightsMap(doc).get(id)?.get('areaId');

/** A workshop with a facilitator and a participant connected, two areas and one insight. */
async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(server.url);
	const room = `w/${workshop.id}`;
	const f = track(connect(server.wsUrl, room, { cookie: api.cookieHeader() }));
	const p = await participant(server.url, links.participant.code, 'Pia', {
		profession: 'arbetsterapeut',
		organisation: 'kommun'
	});
	const pia = track(connect(server.wsUrl, p.room, { token: p.wsToken }));
	await Promise.all([f.synced, pia.synced]);
	const a = createArea(f.doc, { name: 'Kontinuitet' })!;
	const b = createArea(f.doc, { name: 'Information' })!;
	const insight = addInsight(f.doc, {
		text: 'Ingen ringer tillbaka',
		source: 'written',
		createdBy: null
	});
	await waitFor(pia.doc, (d) => insightsMap(d).has(insight) && listAreas(d).length === 2, {
		message: 'areas and insight at the participant'
	});
	return { workshop, api, room, f, p, pia, a, b, insight };
}

describe('insights and areas over the real server', () => {
	it('the server makes exactly one insight of a participant’s bottennapp', async () => {
		const { api, workshop, f, p, pia } = await setup();
		const noteId = addNote(pia.doc, {
			text: 'Svårt att nå mottagningen',
			kind: 'bottennapp',
			author: authorOf(p, 'Pia', 'arbetsterapeut')
		});
		const id = insightIdForNote(noteId);
		await waitFor(f.doc, (d) => insightsMap(d).has(id), { message: 'the derived insight' });
		await waitFor(pia.doc, (d) => insightsMap(d).has(id), { message: 'the insight at Pia' });
		const derived = listInsights(f.doc).filter((i) => i.sourceNoteIds.includes(noteId));
		expect(derived).toHaveLength(1);
		expect(derived[0]).toMatchObject({
			text: 'Svårt att nå mottagningen',
			source: 'lowPoint',
			professions: ['arbetsterapeut'],
			organisations: ['kommun'],
			areaId: null
		});
		// The JSON export carries insights and areas along with the notes.
		const exported = (await api.exportJson(workshop.id)) as unknown as {
			insights: { id: string }[];
			areas: { name: string }[];
		};
		expect(exported.insights.map((i) => i.id)).toContain(id);
		expect(exported.areas.map((a) => a.name)).toEqual(['Kontinuitet', 'Information']);
	});

	it('two people moving the same insight at once: one area on both and on a late joiner', async () => {
		const { api, room, f, pia, a, b, insight } = await setup();
		setParticipantsMayMove(f.doc, true);
		await waitFor(pia.doc, (d) => d.getMap('state').get('participantsMayMove') === true);
		// Both move before either hears of the other's move.
		moveInsight(f.doc, insight, a);
		moveInsight(pia.doc, insight, b);
		await waitFor(
			f.doc,
			(d) => areaOf(d, insight) === areaOf(pia.doc, insight) && areaOf(d, insight) !== null,
			{ message: 'both sides agree' }
		);
		await waitFor(pia.doc, (d) => areaOf(d, insight) === areaOf(f.doc, insight));
		const where = areaOf(f.doc, insight);
		expect([a, b]).toContain(where);
		expect(pia.closes.filter((code) => code === 4403)).toEqual([]);
		const late = track(connect(server.wsUrl, room, { cookie: api.cookieHeader() }));
		await late.synced;
		expect(areaOf(late.doc, insight)).toBe(where);
		expect(listInsights(late.doc)).toHaveLength(1);
	});

	it('a participant may not create, rename or delete areas, and moves only when allowed', async () => {
		const { f, p, a, insight } = await setup();
		const refused = async (what: string, write: (doc: Y.Doc) => unknown) => {
			const pia = track(connect(server.wsUrl, p.room, { token: p.wsToken }));
			await pia.synced;
			const closed = nextClose(pia.provider);
			write(pia.doc);
			expect(await closed, what).toBe(4403);
			pia.destroy();
		};
		await refused('move while not allowed', (d) => moveInsight(d, insight, a));
		await refused('create an area', (d) => createArea(d, { name: 'Pias område' }));
		setParticipantsMayMove(f.doc, true);
		const pia = track(connect(server.wsUrl, p.room, { token: p.wsToken }));
		await pia.synced;
		await waitFor(pia.doc, (d) => d.getMap('state').get('participantsMayMove') === true);
		moveInsight(pia.doc, insight, a);
		await waitFor(f.doc, (d) => areaOf(d, insight) === a, { message: 'Pia’s move' });
		pia.destroy();
		await refused('create an area', (d) => createArea(d, { name: 'Pias område' }));
		await refused('rename an area', (d) => renameArea(d, a, 'Kapat'));
		await refused('delete an area', (d) => deleteArea(d, a));
		await refused('allow herself', (d) => setParticipantsMayMove(d, false));
		expect(listAreas(f.doc).map((x) => x.name)).toEqual(['Kontinuitet', 'Information']);
		expect(areasMap(f.doc).size).toBe(2);
		expect(areaOf(f.doc, insight)).toBe(a);
	});
});
