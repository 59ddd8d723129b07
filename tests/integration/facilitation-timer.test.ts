import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../src/lib/server/realtime/judge-bytes.ts';
import { agendaMap } from '../../src/lib/workshop/records/agenda.ts';
import { readFacilitation } from '../../src/lib/workshop/records/facilitation.ts';
import { readyAuthors, readyKey, setReady } from '../../src/lib/workshop/records/ready.ts';
import { remainingMs, timerPhase } from '../../src/lib/workshop/timer.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import { connect, waitFor } from '../helpers/yclient.ts';

const run = serverPerFile();
const { track, sockets } = run;

const freshClient = () => 1 + Math.floor(Math.random() * 2 ** 30);

/** A workshop with a two-step agenda, the first step current, and two participants online. */
async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	const room = `w/${workshop.id}`;
	const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
	await f.synced;
	// The agenda editor's work (another page): two steps, written as a facilitator.
	f.doc.transact(() => {
		for (const [id, order, kind] of [
			['steg-persona', 'a0', 'persona'],
			['steg-resan', 'a1', 'journey']
		] as const) {
			const step = new Y.Map<unknown>();
			agendaMap(f.doc).set(id, step);
			step.set('kind', kind);
			step.set('title', '');
			step.set('minutes', 20);
			step.set('instruction', '');
			step.set('order', order);
		}
	});
	// One after the other: the ready check lists participants in the order they joined.
	const people = [];
	for (const name of ['Pia', 'Per']) {
		const p = await participant(run.server.url, links.participant.code, name);
		const board = track(connect(run.server.wsUrl, p.room, { token: p.wsToken }));
		await board.synced;
		people.push({ ...p, board });
	}
	await waitFor(
		people[1]!.board.doc,
		(d) => agendaMap(d).has('steg-persona') && agendaMap(d).has('steg-resan')
	);
	const post = (path: string, body: unknown) =>
		api.request<{ ok?: true; error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/${path}`,
			body
		);
	expect((await post('facilitation', { action: 'step', stepId: 'steg-persona' })).status).toBe(200);
	return { workshop, api, f, pia: people[0]!, per: people[1]!, post };
}

describe('the step timer', () => {
	it('is written by the server and reaches two participants alike: start, +1, pause, resume, stop', async () => {
		const { pia, per, post } = await setup();
		const docs = [pia.board.doc, per.board.doc];
		const before = Date.now();
		expect((await post('timer', { action: 'start', minutes: 5 })).status).toBe(200);
		await Promise.all(docs.map((d) => waitFor(d, (x) => readFacilitation(x).timer !== null)));
		const [a, b] = docs.map((d) => readFacilitation(d).timer!);
		expect(a).toEqual(b);
		expect(a).toMatchObject({ stepId: 'steg-persona', durationMs: 300_000, remainingMs: null });
		// The end time is the server's clock plus five minutes (the server runs on this machine).
		expect(a!.endsAt! - before).toBeGreaterThanOrEqual(300_000);
		expect(a!.endsAt! - Date.now()).toBeLessThanOrEqual(300_000);

		expect((await post('timer', { action: 'add', minutes: 1 })).status).toBe(200);
		const plus = (d: Y.Doc) => readFacilitation(d).timer?.durationMs === 360_000;
		await Promise.all(docs.map((d) => waitFor(d, plus)));
		expect(readFacilitation(pia.board.doc).timer!.endsAt).toBe(a!.endsAt! + 60_000);

		expect((await post('timer', { action: 'pause' })).status).toBe(200);
		const paused = (d: Y.Doc) => timerPhase(readFacilitation(d).timer, Date.now()) === 'paused';
		await Promise.all(docs.map((d) => waitFor(d, paused)));
		const held = docs.map((d) => remainingMs(readFacilitation(d).timer, Date.now()));
		expect(held[0]).toBe(held[1]);
		expect(held[0]).toBeGreaterThan(5 * 60_000);
		expect(held[0]).toBeLessThanOrEqual(6 * 60_000);

		expect((await post('timer', { action: 'resume' })).status).toBe(200);
		const running = (d: Y.Doc) => readFacilitation(d).timer?.endsAt != null;
		await Promise.all(docs.map((d) => waitFor(d, running)));
		expect((await post('timer', { action: 'stop' })).status).toBe(200);
		await Promise.all(docs.map((d) => waitFor(d, (x) => readFacilitation(x).timer === null)));
	});

	it('refuses participants (403), bad minutes (400) and a timer with nothing to time (409)', async () => {
		const { pia, per, post, workshop } = await setup();
		const asPia = await pia.api.request('POST', `/api/workshops/${workshop.id}/timer`, {
			action: 'start',
			minutes: 5
		});
		expect(asPia.status).toBe(403);
		for (const minutes of [0, 61, 2.5, '5']) {
			expect((await post('timer', { action: 'start', minutes })).status).toBe(400);
		}
		expect((await post('timer', { action: 'add', minutes: 3 })).status).toBe(400);
		expect(await post('timer', { action: 'pause' })).toMatchObject({
			status: 409,
			body: { error: 'no timer' }
		});
		expect(
			(await post('timer', { action: 'start', minutes: 5, stepId: 'steg-resan' })).status
		).toBe(409);
		expect(readFacilitation(per.board.doc).timer).toBeNull();
	});
});

describe('the ready check', () => {
	it('takes a participant’s own flag for the current step, and refuses crafted flags for another member or another step', async () => {
		const { pia, per, f } = await setup();
		// Byte by byte, on Pia's own socket: Per's flag, then her own for a step not current.
		for (const key of [
			readyKey('steg-persona', per.membershipId),
			readyKey('steg-resan', pia.membershipId)
		]) {
			const ws = await openAccepted(run.server.wsUrl, pia.room, { token: pia.wsToken });
			sockets.push(ws);
			await firstMessage(ws);
			const update = encodeUpdate([
				{
					client: freshClient(),
					clock: 0,
					structs: [{ parent: 'ready', parentSub: key, content: { any: [true] } }]
				}
			]);
			const closing = closed(ws);
			ws.send(updateMessage(update));
			expect((await closing).code).toBe(4403);
		}
		// Her own for the current step, through the app's accessor, reaches the facilitator.
		setReady(pia.board.doc, 'steg-persona', pia.membershipId, true);
		await waitFor(f.doc, (d) => readyAuthors(d, 'steg-persona').length === 1);
		expect(readyAuthors(f.doc, 'steg-persona')).toEqual([pia.membershipId]);
		expect(readyAuthors(per.board.doc, 'steg-resan')).toEqual([]);
	});

	it('counts the workshop’s admitted participants for facilitators only', async () => {
		const { api, pia, workshop } = await setup();
		const path = `/api/workshops/${workshop.id}/ready`;
		const list = await api.request<{ participants: { ids: string[]; name: string | null }[] }>(
			'GET',
			path
		);
		expect(list.status).toBe(200);
		expect(list.body.participants.map((p) => p.name)).toEqual(['Pia', 'Per']);
		expect(list.body.participants[0]!.ids).toContain(pia.membershipId);
		expect((await pia.api.request('GET', path)).status).toBe(403);

		// Anonymous: no name leaves the server (the page numbers them "Anonym N").
		const settings = `/api/workshops/${workshop.id}/settings`;
		expect((await api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
		const anonymous = await api.request<{ participants: { name: string | null }[] }>('GET', path);
		expect(anonymous.body.participants.map((p) => p.name)).toEqual([null, null]);
	});
});
