import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { findRound, type Round } from '../../src/lib/workshop/records/round.ts';
import { setDots } from '../../src/lib/workshop/records/score.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages, syncStep1Message } from '../helpers/ws.ts';
import { connect, nextClose, waitFor } from '../helpers/yclient.ts';

/**
 * Dot voting end to end against the real server: dots stay in each member's private document
 * until reveal, the server refuses a ballot over the round's limits, and the revealed tally is
 * counts per area, ranked, the same on every client.
 */
const run = serverPerFile();
const { track, sockets } = run;
const roundIn = (doc: Y.Doc, id: string): Round | undefined => findRound(doc, id);

/** The Yjs updates inside recorded y-websocket messages (sync step 2 and updates). */
function updatesIn(messages: Buffer[]): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (const m of messages) {
		const d = decoding.createDecoder(new Uint8Array(m));
		if (decoding.readVarUint(d) !== 0) continue;
		const kind = decoding.readVarUint(d);
		if (kind === 1 || kind === 2) out.push(decoding.readVarUint8Array(d));
	}
	return out;
}

describe('dot voting', () => {
	it('hides dots until reveal, refuses a ballot over the limits, and ranks the counts', async () => {
		const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
		const room = `w/${workshop.id}`;
		const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
		await f.synced;
		const [a, b, c] = ['Vem ringer jag', 'Läkemedelslistan', 'Hemgång'].map((name) =>
			createArea(f.doc, { name })!
		) as [string, string, string];
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
		const [pia, per, pal] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
		const wire = await openAccepted(run.server.wsUrl, room, { token: pia.wsToken });
		sockets.push(wire);
		wire.send(syncStep1Message());

		const opened = await api.request<{ roundId: string }>(
			'POST',
			`/api/workshops/${workshop.id}/rounds`,
			{ action: 'open', type: 'dots', areaIds: [a, b, c], dotLimits: { perPerson: 2, perArea: 1 } }
		);
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		expect(roundIn(pia.board.doc, roundId)).toMatchObject({
			type: 'dots',
			dotLimits: { perPerson: 2, perArea: 1 },
			eligible: 3
		});

		// Pia and Per vote within the limits.
		pia.own.doc.transact(() => {
			setDots(pia.own.doc, roundId, a, 1);
			setDots(pia.own.doc, roundId, b, 1);
		});
		per.own.doc.transact(() => {
			setDots(per.own.doc, roundId, a, 1);
			setDots(per.own.doc, roundId, c, 1);
		});
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 2, { message: 'progress 2' });

		// Pål's client writes two dots on one area where one may go: the server refuses it.
		const refused = nextClose(pal.own.provider);
		setDots(pal.own.doc, roundId, b, 2);
		expect(await refused).toBe(4403);
		// And three dots in all where two may go, from a fresh connection.
		pal.own.destroy();
		const again = track(
			connect(run.server.wsUrl, `${pal.room}/p/${pal.membershipId}`, { token: pal.wsToken })
		);
		await again.synced;
		const refusedAgain = nextClose(again.provider);
		again.doc.transact(() => {
			setDots(again.doc, roundId, a, 1);
			setDots(again.doc, roundId, b, 1);
			setDots(again.doc, roundId, c, 1);
		});
		expect(await refusedAgain).toBe(4403);
		expect(roundIn(f.doc, roundId)?.progress).toBe(2);

		// Before reveal Pia's board socket carried no dot and no ballot.
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.progress === 2);
		const before = [...receivedMessages(wire)];
		const mirror = new Y.Doc();
		for (const u of updatesIn(before)) Y.applyUpdate(mirror, u);
		expect([...mirror.share.keys()].filter((k) => k === 'scores' || k === 'dots')).toEqual([]);
		expect(roundIn(mirror, roundId)?.results).toBeNull();
		console.log(
			`[prioritisation] dots: Pia's board socket received ${before.length} messages before reveal; roots ${[...mirror.share.keys()].sort().join(', ')}; no dots, results null`
		);

		const shown = await api.request('POST', `/api/workshops/${workshop.id}/rounds`, {
			action: 'reveal',
			roundId
		});
		expect(shown.status).toBe(200);
		const revealed = (d: Y.Doc) => roundIn(d, roundId)?.status === 'revealed';
		await Promise.all([f.doc, ...people.map((p) => p.board.doc)].map((d) => waitFor(d, revealed)));
		const dots = roundIn(f.doc, roundId)!.results!.dots!;
		// Pål's refused writes never counted: a 2 dots by 2 people, b and c 1 each (shared rank 2).
		expect(dots).toEqual([
			{ areaId: a, dots: 2, voters: 2, rank: 1 },
			{ areaId: b, dots: 1, voters: 1, rank: 2 },
			{ areaId: c, dots: 1, voters: 1, rank: 2 }
		]);
		const all = people.map((p) => JSON.stringify(roundIn(p.board.doc, roundId)?.results));
		expect(new Set([...all, JSON.stringify(roundIn(f.doc, roundId)?.results)]).size).toBe(1);
	});
});
