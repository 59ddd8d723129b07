import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { encodeUpdate, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';
import { listSteps } from '../../src/lib/workshop/records/agenda.ts';
import { readFacilitation } from '../../src/lib/workshop/records/facilitation.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import {
	ApiClient,
	facilitatorWithWorkshop,
	linkToken,
	participant,
	type Joined
} from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import {
	authorOf,
	connect,
	nextClose,
	waitFor,
	waitForNote,
	type YClient
} from '../helpers/yclient.ts';

let server: TestServer;
let fac: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let facMembership: string;
let pia: Joined & { api: ApiClient };
let per: Joined & { api: ApiClient };
const clients: YClient[] = [];

const track = (client: YClient) => (clients.push(client), client);
const facilitation = (api: ApiClient, body: unknown) =>
	api.request<{ ok?: true; error?: string }>(
		'POST',
		`/api/workshops/${fac.workshop.id}/facilitation`,
		body
	);

beforeAll(async () => {
	server = await startServer();
	fac = await facilitatorWithWorkshop(server.url, 'Dagordning');
	facMembership = (await fac.api.wsToken(fac.workshop.id)).membershipId;
	pia = await participant(server.url, fac.links.participant.code, 'Pia');
	per = await participant(server.url, fac.links.participant.code, 'Per');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** A client id nobody used yet. */
const freshClient = () => 1 + Math.floor(Math.random() * 2 ** 30);

/** Sends Pia's crafted update on a raw socket and returns how the server closed it. */
async function piaSends(structs: Struct[]) {
	const ws = await openAccepted(server.wsUrl, pia.room, { token: pia.wsToken });
	await firstMessage(ws);
	const closing = closed(ws);
	ws.send(updateMessage(encodeUpdate([{ client: freshClient(), clock: 0, structs }])));
	return closing;
}

describe('the agenda and the current step, held by the server', () => {
	it('starts a workshop made from the default template with the 3-hour agenda', async () => {
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await f.synced;
		const steps = listSteps(f.doc);
		expect(steps.reduce((sum, step) => sum + step.minutes, 0)).toBe(180);
		expect(readFacilitation(f.doc).stepId).toBeNull();
	});

	it('answers a participant 403, a malformed body 400, an unknown step 404, a gathering without a step 409', async () => {
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await f.synced;
		const first = listSteps(f.doc)[0]!;
		expect((await facilitation(pia.api, { action: 'step', stepId: first.id })).status).toBe(403);
		expect((await facilitation(pia.api, { action: 'gather' })).status).toBe(403);
		expect((await facilitation(fac.api, { action: 'step' })).status).toBe(400);
		expect((await facilitation(fac.api, { action: 'jump', stepId: first.id })).status).toBe(400);
		expect((await facilitation(fac.api, { action: 'step', stepId: 'nope' })).status).toBe(404);
		expect((await facilitation(fac.api, { action: 'gather' })).status).toBe(409);
		expect(readFacilitation(f.doc).stepId).toBeNull();
	});

	it('takes a facilitator’s step change to two participants with the server’s clock', async () => {
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		const q = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await Promise.all([p.synced, q.synced]);
		const [first, second] = listSteps(p.doc);
		const before = Date.now();
		expect((await facilitation(fac.api, { action: 'step', stepId: first!.id })).status).toBe(200);
		for (const client of [p, q]) {
			await waitFor(client.doc, (d) => readFacilitation(d).stepId === first!.id, {
				message: 'the first step'
			});
		}
		const started = readFacilitation(p.doc);
		expect(started.stepStartedAt).toBeGreaterThanOrEqual(before);
		expect(started.startedAt).toBe(started.stepStartedAt);
		expect(started.leaderId).toBe(facMembership);

		expect((await facilitation(fac.api, { action: 'step', stepId: second!.id })).status).toBe(200);
		await waitFor(q.doc, (d) => readFacilitation(d).stepId === second!.id, {
			message: 'the second step'
		});
		const next = readFacilitation(q.doc);
		// The workshop started with its first step, whichever step runs now.
		expect(next.startedAt).toBe(started.startedAt);
		expect(next.stepStartedAt).toBeGreaterThanOrEqual(started.stepStartedAt!);

		expect((await facilitation(fac.api, { action: 'gather' })).status).toBe(200);
		await waitFor(p.doc, (d) => readFacilitation(d).gatheredAt !== null, {
			message: 'the gathering'
		});
	});

	it('lets a co-facilitator take the lead, seen by the participants', async () => {
		const coApi = new ApiClient(server.url);
		await coApi.signup({ displayName: 'Cecilia' });
		const cecilia = await coApi.join({
			token: linkToken(fac.links.cofacilitator.url),
			displayName: 'Cecilia'
		});
		expect(cecilia.role).toBe('facilitator');
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await p.synced;
		expect(readFacilitation(p.doc).leaderId).toBe(facMembership);
		expect((await facilitation(coApi, { action: 'lead' })).status).toBe(200);
		await waitFor(p.doc, (d) => readFacilitation(d).leaderId === cecilia.membershipId, {
			message: 'Cecilia leads'
		});
		// The lead's first facilitator takes it back just as well.
		expect((await facilitation(fac.api, { action: 'lead' })).status).toBe(200);
		await waitFor(p.doc, (d) => readFacilitation(d).leaderId === facMembership, {
			message: 'Mia leads again'
		});
	});

	it('refuses a participant’s agenda step and current step built byte by byte (4403)', async () => {
		const step = await piaSends([
			{ parent: 'agenda', parentSub: 'forged-step', content: { map: true } }
		]);
		expect(step.code).toBe(4403);
		expect(step.reason).toMatch(/^forbidden: step/);

		// After the current step: its value is an item of the server's; Pia's goes right of it.
		const q = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await q.synced;
		const item = (
			q.doc.getMap('facilitation') as unknown as { _map: Map<string, Y.Item> }
		)._map.get('stepId')!;
		const current = await piaSends([
			{
				origin: [item.id.client, item.id.clock + item.length - 1],
				parentSub: 'stepId',
				content: { any: ['forged-step'] }
			}
		]);
		expect(current.code).toBe(4403);
		expect(current.reason).toMatch(/^forbidden: facilitation/);

		const r = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await r.synced;
		expect(listSteps(r.doc).some((s) => s.id === 'forged-step')).toBe(false);
		expect(readFacilitation(r.doc).stepId).not.toBe('forged-step');
	});

	it('refuses notes after the journey’s steps until the facilitator opens them', async () => {
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await f.synced;
		const clustering = listSteps(f.doc).find((s) => s.kind === 'clustering')!;
		expect((await facilitation(fac.api, { action: 'step', stepId: clustering.id })).status).toBe(
			200
		);
		await waitFor(f.doc, (d) => readFacilitation(d).stepId === clustering.id);

		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await p.synced;
		const refusal = nextClose(p.provider);
		addNote(p.doc, { text: 'efter resan', author: authorOf(pia, 'Pia') });
		expect(await refusal).toBe(4403);
		p.destroy();

		expect((await facilitation(fac.api, { action: 'notesOpen', open: true })).status).toBe(200);
		await waitFor(f.doc, (d) => readFacilitation(d).notesOpen);
		const again = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await again.synced;
		addNote(again.doc, { text: 'öppet igen', author: authorOf(pia, 'Pia') });
		await waitForNote(f.doc, 'öppet igen');
	});
});
