import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { findRound, roundsMap, type Round } from '../../src/lib/workshop/records/round.ts';
import { setScore } from '../../src/lib/workshop/records/score.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages, refusedStatus, syncStep1Message } from '../helpers/ws.ts';
import { connect, nextClose, waitFor } from '../helpers/yclient.ts';

const run = serverPerFile();
const { track, sockets } = run;

/** A workshop with two areas, a facilitator on the board and three participants. */
async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	const room = `w/${workshop.id}`;
	const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
	await f.synced;
	const a = createArea(f.doc, { name: 'Vem ringer jag' })!;
	const b = createArea(f.doc, { name: 'Läkemedelslistan' })!;
	const people = await Promise.all(
		['Pia', 'Per', 'Pål'].map(async (name) => {
			const p = await participant(run.server.url, links.participant.code, name);
			const board = track(connect(run.server.wsUrl, p.room, { token: p.wsToken }));
			const own = track(
				connect(run.server.wsUrl, `${p.room}/p/${p.membershipId}`, { token: p.wsToken })
			);
			await Promise.all([board.synced, own.synced]);
			return { ...p, board, own };
		})
	);
	const action = (body: unknown) =>
		api.request<{ roundId: string; error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/rounds`,
			body
		);
	return { workshop, api, room, f, a, b, people, action };
}

const roundIn = (doc: Y.Doc, id: string): Round | undefined => findRound(doc, id);

/** Every value a Yjs update carries in ContentAny / ContentJSON, decoded. */
function valuesIn(update: Uint8Array): unknown[] {
	return Y.decodeUpdate(update).structs.flatMap((s) => {
		if (!(s instanceof Y.Item)) return [];
		const c = s.content as { arr?: unknown[] };
		return c.arr ?? [];
	});
}

/** The Yjs updates inside recorded y-websocket messages (sync step 2 and updates). */
function updatesIn(messages: Buffer[]): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (const m of messages) {
		const d = decoding.createDecoder(new Uint8Array(m));
		if (decoding.readVarUint(d) !== 0) continue; // awareness etc.
		const kind = decoding.readVarUint(d);
		if (kind === 1 || kind === 2) out.push(decoding.readVarUint8Array(d));
	}
	return out;
}

describe('prioritisation rounds', () => {
	it('hides scores until reveal, counts progress, and gives every client the same results', async () => {
		const { room, f, a, b, people, action } = await setup();
		const [pia, per, pal] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
		// Pia's own wire, recorded from the first byte, as her browser would receive the board.
		const wire = await openAccepted(run.server.wsUrl, room, { token: pia.wsToken });
		sockets.push(wire);
		wire.send(syncStep1Message());

		const opened = await action({ action: 'open', areaIds: [a, b] });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		expect(roundIn(pia.board.doc, roundId)).toMatchObject({ progress: 0, eligible: 3 });

		const scores: Array<[typeof pia, number, number, number, number]> = [
			[per, 5, 1, 1, 5],
			[pal, 4, 2, 5, 1],
			[pia, 5, 1, 3, 3]
		];
		for (const [who, aw, ac, bw, bc] of scores) {
			setScore(who.own.doc, roundId, a, 'worth', aw);
			setScore(who.own.doc, roundId, a, 'cost', ac);
			setScore(who.own.doc, roundId, b, 'worth', bw);
			setScore(who.own.doc, roundId, b, 'cost', bc);
		}
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 3, { message: 'progress 3' });
		expect(roundIn(pia.board.doc, roundId)?.results).toBeNull();

		// Before reveal: nothing Pia's socket received carries a score of another member.
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.progress === 3);
		const before = [...receivedMessages(wire)];
		const values = updatesIn(before).flatMap(valuesIn);
		const scoreLike = values.filter(
			(v) =>
				typeof v === 'object' &&
				v !== null &&
				Object.values(v as Record<string, unknown>).some((x) => typeof x === 'number')
		);
		// Sync, the round and its progress at least (progress is recounted at most every 250 ms,
		// so the three ballots may arrive as one count).
		expect(before.length).toBeGreaterThanOrEqual(3);
		expect(scoreLike).toEqual([]);
		const mirror = new Y.Doc();
		for (const u of updatesIn(before)) Y.applyUpdate(mirror, u);
		expect([...mirror.share.keys()].filter((k) => k === 'scores' || k === 'dots')).toEqual([]);
		expect(JSON.stringify(roundsMap(mirror).toJSON())).not.toMatch(/"(worth|cost)":\s*\d/);
		console.log(
			`[prioritisation] Pia's socket received ${before.length} messages (${before.reduce((n, m) => n + m.length, 0)} bytes, ${updatesIn(before).length} Yjs updates) before reveal, ${values.length} values, none a score; roots ${[...mirror.share.keys()].sort().join(', ')}`
		);

		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		const revealed = (d: Y.Doc) => roundIn(d, roundId)?.status === 'revealed';
		await Promise.all([f.doc, ...people.map((p) => p.board.doc)].map((d) => waitFor(d, revealed)));
		const results = people.map((p) => JSON.stringify(roundIn(p.board.doc, roundId)?.results));
		expect(new Set([...results, JSON.stringify(roundIn(f.doc, roundId)?.results)]).size).toBe(1);
		const r = roundIn(f.doc, roundId)!.results!.scores!;
		expect(r[a]).toMatchObject({ worth: { median: 5, n: 3 }, cost: { median: 1 }, flagged: false });
		expect(r[b]).toMatchObject({ worth: { median: 3, iqr: 2 }, flagged: true });

		// Re-open for the flagged area only; the first round keeps its results.
		const again = await action({ action: 'reopen', roundId });
		expect(again.status).toBe(200);
		await waitFor(f.doc, (d) => roundIn(d, again.body.roundId)?.status === 'open');
		expect(roundIn(f.doc, again.body.roundId)).toMatchObject({ areaIds: [b], previousId: roundId });
		expect(roundIn(f.doc, roundId)?.results?.scores?.[a]).toBeDefined();
		// Only once from the same round.
		expect((await action({ action: 'reopen', roundId })).status).toBe(409);
	});

	it('refuses another member’s private document, round writes by clients, and scores after close', async () => {
		const { room, a, people, action, workshop, api } = await setup();
		const [pia, per] = people as [(typeof people)[0], (typeof people)[0]];
		expect(
			await refusedStatus(run.server.wsUrl, `w/${workshop.id}/p/${per.membershipId}`, {
				token: pia.wsToken
			})
		).toBe(403);

		const opened = await action({ action: 'open', areaIds: [a] });
		const roundId = opened.body.roundId;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');

		// A participant's client writing results (or a score) into the board: closed by the judge.
		const closing = nextClose(pia.board.provider);
		pia.board.doc.transact(() => roundsMap(pia.board.doc).get(roundId)!.set('progress', 99));
		expect(await closing).toBe(4403);

		expect((await action({ action: 'close', roundId })).status).toBe(200);
		await waitFor(per.board.doc, (d) => roundIn(d, roundId)?.status === 'closed');
		const late = nextClose(per.own.provider);
		setScore(per.own.doc, roundId, a, 'worth', 5);
		expect(await late).toBe(4403);

		// Not a facilitator: the endpoint refuses.
		const asParticipant = await pia.api.request('POST', `/api/workshops/${workshop.id}/rounds`, {
			action: 'reveal',
			roundId
		});
		expect(asParticipant.status).toBe(403);

		// Facilitators' clients may not write results either: only the server does.
		const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
		await f.synced;
		const refused = nextClose(f.provider);
		f.doc.transact(() => roundsMap(f.doc).get(roundId)!.set('results', { scores: {} }));
		expect(await refused).toBe(4403);
	});
});
