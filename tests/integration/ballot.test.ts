import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { findRound } from '../../src/lib/workshop/records/round.ts';
import { setScore } from '../../src/lib/workshop/records/score.ts';
import { ApiClient, type Joined } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { closed, openAccepted, refusedStatus } from '../helpers/ws.ts';
import { connect, waitFor } from '../helpers/yclient.ts';

/**
 * One person, one ballot (issue 14, break 5): joining again from one browser, new memberships
 * per address, the facilitator's participant list and removal, and the admission step.
 * Every test joins from its own client address (X-Forwarded-For), so their limits are apart.
 */
const run = serverPerFile({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
const { track, sockets } = run;

interface Listed {
	admissionRequired: boolean;
	participants: Array<{
		membershipId: string;
		name: string | null;
		number: number;
		status: 'waiting' | 'admitted';
		online: boolean;
	}>;
}

let addresses = 0;
/** A client address of its own for each test: 10.0.<n>.1. */
const nextAddress = () => `10.0.${++addresses}.1`;

async function workshopWithArea() {
	const api = new ApiClient(run.server.url, nextAddress());
	await api.signup();
	const { workshop, links } = await api.createWorkshop({ title: 'Oskar 83' });
	const f = track(connect(run.server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
	await f.synced;
	const area = createArea(f.doc, { name: 'Vem ringer jag' })!;
	const list = () => api.request<Listed>('GET', `/api/workshops/${workshop.id}/participants`);
	const act = (body: unknown) =>
		api.request<Listed & { error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/participants`,
			body
		);
	const round = (body: unknown) =>
		api.request<{ roundId: string }>('POST', `/api/workshops/${workshop.id}/rounds`, body);
	return { workshop, api, code: links.participant.code, f, area, list, act, round };
}

/** A member's private document, open over the wire with the token from joining. */
function ownDoc(joined: Joined) {
	return track(
		connect(run.server.wsUrl, `${joined.room}/p/${joined.membershipId}`, { token: joined.wsToken })
	);
}

async function score(joined: Joined, roundId: string, area: string, value: number) {
	const own = ownDoc(joined);
	await own.synced;
	setScore(own.doc, roundId, area, 'worth', value);
	setScore(own.doc, roundId, area, 'cost', value);
	return own;
}

const profile = { profession: 'sjukskoterska', organisation: 'kommun' };

const roundIn = (doc: Y.Doc, id: string) => findRound(doc, id);

describe('one browser, one membership', () => {
	it('gives a browser joining 11 times, also after losing its session, one ballot: median 5, not 1', async () => {
		const { code, f, area, list, round } = await workshopWithArea();
		const address = nextAddress();
		const honest = await Promise.all(
			['Pia', 'Per', 'Pål'].map((displayName) =>
				new ApiClient(run.server.url, address).join({ code, displayName })
			)
		);
		const browser = new ApiClient(run.server.url, address);
		const first = await browser.join({ code, displayName: 'Mallory' });
		const ids = new Set([first.membershipId]);
		for (let i = 0; i < 10; i++) {
			// Half of them with the session cookie gone (signed out, cleared): the browser's
			// identity cookie still finds the same membership.
			if (i % 2 === 0) browser.cookies.delete('samskapa_session');
			ids.add((await browser.join({ code, displayName: `Mallory ${i}` })).membershipId);
		}
		expect(ids.size).toBe(1);
		const listed = (await list()).body.participants;
		expect(listed.map((p) => p.name).sort()).toEqual(['Mallory 9', 'Per', 'Pia', 'Pål']);

		const opened = await round({ action: 'open', areaIds: [area] });
		expect(opened.status).toBe(200);
		const { roundId } = opened.body;
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.eligible === 4, { message: '4 eligible' });
		for (const p of honest) await score(p, roundId, area, 5);
		await score(first, roundId, area, 1);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 4, { message: '4 handed in' });
		expect((await round({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.status === 'revealed');
		const result = roundIn(f.doc, roundId)!.results!.scores![area]!;
		expect(result.worth).toMatchObject({ median: 5, n: 4 });
	});
});

describe('new memberships per client address', () => {
	it('lets 60 people of a ward behind one address join, and answers 429 past 100', async () => {
		const { code } = await workshopWithArea();
		const ward = nextAddress();
		const join = (client: ApiClient, displayName: string) =>
			client.request('POST', '/api/join', { ...profile, code, displayName });
		const people = Array.from({ length: 100 }, () => new ApiClient(run.server.url, ward));
		const first60 = await Promise.all(people.slice(0, 60).map((c, i) => join(c, `Person ${i}`)));
		expect(first60.map((r) => r.status)).toEqual(Array(60).fill(200));
		const rest = await Promise.all(people.slice(60).map((c, i) => join(c, `Person ${60 + i}`)));
		expect(rest.map((r) => r.status)).toEqual(Array(40).fill(200));

		const script = await join(new ApiClient(run.server.url, ward), 'Skript');
		expect(script.status).toBe(429);
		expect(script.body).toEqual({ error: 'join_limit' });
		// Someone already in joins again (a second tab, a new name): not a new membership.
		expect((await join(people[0]!, 'Person 0 igen')).status).toBe(200);
		// Another address is not affected.
		expect((await join(new ApiClient(run.server.url, nextAddress()), 'Granne')).status).toBe(200);
	});
});

describe('removing a participant', () => {
	it('closes their sockets, refuses their token and cookie, and takes their score out of the tally and progress', async () => {
		const { workshop, code, f, area, list, act, round } = await workshopWithArea();
		const address = nextAddress();
		const honest = await Promise.all(
			['Pia', 'Per', 'Pål'].map((displayName) =>
				new ApiClient(run.server.url, address).join({ code, displayName })
			)
		);
		// One person, two memberships: a script that drops its cookies between joins.
		const dupes = [new ApiClient(run.server.url, address), new ApiClient(run.server.url, address)];
		const extra = await Promise.all(dupes.map((c) => c.join({ code, displayName: 'Mallory' })));
		const opened = await round({ action: 'open', areaIds: [area] });
		const { roundId } = opened.body;
		for (const p of honest) await score(p, roundId, area, 5);
		const extraOwn = await Promise.all(extra.map((p) => score(p, roundId, area, 1)));
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 5, { message: '5 handed in' });
		expect(roundIn(f.doc, roundId)?.eligible).toBe(5);

		const board = await openAccepted(run.server.wsUrl, extra[0]!.room, {
			token: extra[0]!.wsToken
		});
		sockets.push(board);
		const before = (await list()).body.participants;
		expect(before.find((p) => p.membershipId === extra[0]!.membershipId)?.online).toBe(true);
		expect(before.find((p) => p.membershipId === honest[0]!.membershipId)?.online).toBe(true);

		const boardClosed = closed(board);
		const privateClosed = new Promise<number>((resolve) =>
			extraOwn[0]!.provider.once('connection-close', (e) => resolve(e?.code ?? 0))
		);
		for (const p of extra) {
			const removed = await act({ action: 'remove', membershipId: p.membershipId });
			expect(removed.status).toBe(200);
			expect(removed.body.participants.map((x) => x.membershipId)).not.toContain(p.membershipId);
		}
		expect((await boardClosed).code).toBe(4410);
		expect(await privateClosed).toBe(4410);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.eligible === 3, { message: '3 eligible' });
		expect(roundIn(f.doc, roundId)?.progress).toBe(3);

		// Their token, their cookie and their browser are out.
		const [mallory] = extra;
		expect(await refusedStatus(run.server.wsUrl, mallory!.room, { token: mallory!.wsToken })).toBe(
			403
		);
		expect(
			await refusedStatus(run.server.wsUrl, mallory!.room, { cookie: dupes[0]!.cookieHeader() })
		).toBe(403);
		expect((await dupes[0]!.request('POST', `/api/workshops/${workshop.id}/ws-token`)).status).toBe(
			403
		);
		const page = await dupes[0]!.request('GET', `/w/${workshop.id}`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe(`/admission/${workshop.id}`);
		const notice = await dupes[0]!.request<string>('GET', `/admission/${workshop.id}`);
		expect(notice.body).toContain('Samtalsledaren har tagit bort dig');
		const again = await dupes[0]!.request('POST', '/api/join', {
			...profile,
			code,
			displayName: 'Mallory'
		});
		expect(again).toMatchObject({ status: 403, body: { error: 'removed' } });

		expect((await round({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.status === 'revealed');
		expect(roundIn(f.doc, roundId)!.results!.scores![area]!.worth).toMatchObject({
			median: 5,
			n: 3
		});
	});

	it('is for facilitators only, and only of their own workshop', async () => {
		const { workshop, code } = await workshopWithArea();
		const other = await workshopWithArea();
		const pia = new ApiClient(run.server.url, nextAddress());
		const joined = await pia.join({ code, displayName: 'Pia' });
		const path = `/api/workshops/${workshop.id}/participants`;
		expect((await pia.request('GET', path)).status).toBe(403);
		expect(
			(await pia.request('POST', path, { action: 'remove', membershipId: joined.membershipId }))
				.status
		).toBe(403);
		expect((await new ApiClient(run.server.url, nextAddress()).request('GET', path)).status).toBe(
			401
		);
		// Another workshop's facilitator cannot reach this member through their own workshop.
		const crossed = await other.act({ action: 'remove', membershipId: joined.membershipId });
		expect(crossed.status).toBe(404);
		expect((await other.act({ action: 'remove', membershipId: '../x' })).status).toBe(400);
		expect((await other.act({ action: 'admission', required: 'yes' })).status).toBe(400);
	});
});

describe('the participant list', () => {
	it('shows no name in an anonymous workshop, only a number that stays with its person', async () => {
		const { workshop, api, code, list, act } = await workshopWithArea();
		const address = nextAddress();
		const joined = [];
		for (const displayName of ['Pia', 'Per', 'Pål']) {
			joined.push(await new ApiClient(run.server.url, address).join({ code, displayName }));
		}
		const settings = `/api/workshops/${workshop.id}/settings`;
		expect((await api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
		await act({ action: 'remove', membershipId: joined[1]!.membershipId });
		const listed = (await list()).body.participants;
		expect(listed.map((p) => [p.name, p.number])).toEqual([
			[null, 1],
			[null, 3]
		]);
		expect(JSON.stringify(listed)).not.toMatch(/Pia|Pål/);
	});
});

describe('the admission step', () => {
	it('holds a new joiner out of every document until a facilitator admits them', async () => {
		const { workshop, code, f, area, list, act, round } = await workshopWithArea();
		const address = nextAddress();
		const pia = await new ApiClient(run.server.url, address).join({ code, displayName: 'Pia' });
		expect((await act({ action: 'admission', required: true })).body.admissionRequired).toBe(true);
		const opened = await round({ action: 'open', areaIds: [area] });
		const { roundId } = opened.body;
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.eligible === 1, { message: '1 eligible' });

		const browser = new ApiClient(run.server.url, address);
		const bo = await browser.join({ code, displayName: 'Bo' });
		expect(bo).toMatchObject({ status: 'waiting' });
		expect(await refusedStatus(run.server.wsUrl, bo.room, { token: bo.wsToken })).toBe(403);
		expect(
			await refusedStatus(run.server.wsUrl, `${bo.room}/p/${bo.membershipId}`, {
				cookie: browser.cookieHeader()
			})
		).toBe(403);
		const page = await browser.request('GET', `/w/${workshop.id}`);
		expect(page.headers.get('location')).toBe(`/admission/${workshop.id}`);
		const waiting = await browser.request<string>('GET', `/admission/${workshop.id}`);
		expect(waiting.body).toContain('Väntar på att samtalsledaren släpper in dig');
		const listed = (await list()).body.participants;
		expect(listed.find((p) => p.membershipId === bo.membershipId)?.status).toBe('waiting');
		// Pia joined but opened no document: not online.
		expect(listed.find((p) => p.membershipId === pia.membershipId)?.online).toBe(false);
		expect(roundIn(f.doc, roundId)?.eligible).toBe(1);

		expect((await act({ action: 'admit', membershipId: bo.membershipId })).status).toBe(200);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.eligible === 2, { message: '2 eligible' });
		const inside = track(connect(run.server.wsUrl, bo.room, { token: bo.wsToken }));
		await inside.synced;
		const admitted = await browser.request('GET', `/admission/${workshop.id}`);
		expect(admitted.headers.get('location')).toBe(`/w/${workshop.id}`);
		expect((await act({ action: 'admit', membershipId: bo.membershipId })).status).toBe(409);

		// Refusing a waiting joiner keeps their browser out.
		const eve = new ApiClient(run.server.url, address);
		const joined = await eve.join({ code, displayName: 'Eve' });
		expect((await act({ action: 'remove', membershipId: joined.membershipId })).status).toBe(200);
		expect(
			(await eve.request('POST', '/api/join', { ...profile, code, displayName: 'Eve' })).status
		).toBe(403);
		expect(pia.status).toBe('admitted');
	});
});
