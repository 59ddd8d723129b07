import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { addAction, listActions } from '../../src/lib/workshop/records/action.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { addIdea, ideasMap, listIdeas } from '../../src/lib/workshop/records/idea.ts';
import { listIdeaRounds, type IdeaRound } from '../../src/lib/workshop/records/idea-round.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { setDots } from '../../src/lib/workshop/records/score.ts';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { joinWithOwnRoom, serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages, refusedStatus, syncStep1Message } from '../helpers/ws.ts';
import { connect, nextClose, waitFor } from '../helpers/yclient.ts';

const run = serverPerFile();
const { track, sockets } = run;

/** A workshop with one prioritised area, a facilitator on the board and two participants. */
async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	const room = `w/${workshop.id}`;
	const f = track(connect(run.server.wsUrl, room, { cookie: api.cookieHeader() }));
	await f.synced;
	const area = createArea(f.doc, { name: 'Vem ringer jag' })!;
	setPlacement(f.doc, area, { prioritised: true });
	const people = await Promise.all(
		(['Pia', 'Per'] as const).map((name) =>
			joinWithOwnRoom(run, links.participant.code, name, {
				profession: 'lakare',
				organisation: 'region'
			})
		)
	);
	const action = (body: unknown) =>
		api.request<{ roundId: string; error?: string }>(
			'POST',
			`/api/workshops/${workshop.id}/idea-rounds`,
			body
		);
	return { workshop, api, room, f, area, pia: people[0]!, per: people[1]!, action };
}

const roundIn = (doc: Y.Doc, id: string): IdeaRound | undefined =>
	listIdeaRounds(doc).find((r) => r.id === id);

/** Every string a Yjs update carries (ContentAny, ContentString), decoded. */
function stringsIn(update: Uint8Array): string[] {
	return Y.decodeUpdate(update).structs.flatMap((s) => {
		if (!(s instanceof Y.Item)) return [];
		const c = s.content as { arr?: unknown[]; str?: string };
		const values = c.arr ?? (c.str !== undefined ? [c.str] : []);
		return values.filter((v): v is string => typeof v === 'string');
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

/** Resolves once a recorded socket has received these bytes. */
function wireCarries(ws: WebSocket, text: string): Promise<void> {
	const bytes = Buffer.from(text);
	return new Promise((resolve) => {
		const check = () => {
			if (!Buffer.concat(receivedMessages(ws)).includes(bytes)) return;
			ws.off('message', check);
			resolve();
		};
		ws.on('message', check);
		check();
	});
}

describe('ideas', () => {
	it('keeps a silent round’s ideas off every other socket until reveal, then gives them to all', async () => {
		const { room, f, area, pia, per, action } = await setup();
		// Pia's own wire to the board, recorded from the first byte, as her browser receives it.
		const wire = await openAccepted(run.server.wsUrl, room, { token: pia.wsToken });
		sockets.push(wire);
		wire.send(syncStep1Message());

		const opened = await action({ action: 'silent', areaIds: [area] });
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');

		const secret = 'Hemligt förslag: en kontaktperson dygnet runt';
		const perIdea = addIdea(per.own.doc, { text: secret, areaId: area, author: per.author });
		const piaIdea = addIdea(pia.own.doc, {
			text: 'Pias idé: samordnad vårdplan',
			areaId: area,
			author: pia.author
		});
		// The server has them: a second connection to each private document receives them.
		for (const [who, id] of [
			[per, perIdea],
			[pia, piaIdea]
		] as const) {
			const check = track(connect(run.server.wsUrl, who.ownRoom, { token: who.wsToken }));
			await waitFor(check.doc, (d) => ideasMap(d).has(id), { message: 'idea stored' });
		}
		// The facilitator sees how many ideas from how many people, never a text (checked below).
		addIdea(pia.own.doc, { text: 'Pias idé: en ingång', areaId: area, author: pia.author });
		await waitFor(
			f.doc,
			(d) => roundIn(d, roundId)?.ideaCount === 3 && roundIn(d, roundId)?.progress === 2,
			{ message: 'the round counts 3 ideas from 2 people' }
		);

		const before = [...receivedMessages(wire)];
		const strings = updatesIn(before).flatMap(stringsIn);
		expect(before.length).toBeGreaterThan(1);
		expect(strings.filter((s) => s.includes('Hemligt') || s.includes('Pias idé'))).toEqual([]);
		expect(Buffer.concat(before).includes(Buffer.from('Hemligt'))).toBe(false);
		expect(listIdeas(pia.board.doc)).toEqual([]);
		expect(listIdeas(f.doc)).toEqual([]);
		console.log(
			`[ideas] Pia's board socket received ${before.length} messages during the silent round, none with an idea`
		);

		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		const all = (d: Y.Doc) => listIdeas(d).length === 3;
		await Promise.all([f.doc, pia.board.doc, per.board.doc].map((d) => waitFor(d, all)));
		const perOnBoard = listIdeas(f.doc).find((i) => i.id === perIdea);
		expect(perOnBoard).toMatchObject({
			text: secret,
			areaId: area,
			authorId: per.membershipId,
			authorName: 'Per',
			profession: 'lakare',
			organisation: 'region',
			group: null
		});
		expect(roundIn(f.doc, roundId)?.status).toBe('revealed');
		await wireCarries(wire, 'Hemligt');
		// They left the private documents, and nothing more is taken there for this area.
		await waitFor(per.own.doc, (d) => !ideasMap(d).has(perIdea));
		const late = nextClose(per.own.provider);
		addIdea(per.own.doc, { text: 'För sent', areaId: area, author: per.author });
		expect(await late).toBe(4403);
		// After the reveal, ideas go straight into the board again.
		addIdea(pia.board.doc, { text: 'Efteråt', areaId: area, author: pia.author });
		await waitFor(f.doc, (d) => listIdeas(d).some((i) => i.text === 'Efteråt'));
	});

	it('refuses board ideas during a silent round, ideas in another name, and rounds from participants', async () => {
		const { workshop, area, pia, per, action } = await setup();
		const { roundId } = (await action({ action: 'silent', areaIds: [area] })).body;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');

		const board = nextClose(pia.board.provider);
		addIdea(pia.board.doc, { text: 'Förbi rundan', areaId: area, author: pia.author });
		expect(await board).toBe(4403);

		const own = nextClose(per.own.provider);
		addIdea(per.own.doc, { text: 'I Pias namn', areaId: area, author: pia.author });
		expect(await own).toBe(4403);

		const asParticipant = await pia.api.request(
			'POST',
			`/api/workshops/${workshop.id}/idea-rounds`,
			{ action: 'reveal', roundId }
		);
		expect(asParticipant.status).toBe(403);
		expect(
			await refusedStatus(run.server.wsUrl, per.ownRoom, {
				token: pia.wsToken
			})
		).toBe(403);
	});

	it('dot-votes on ideas with results per idea, and turns an idea into a linked action', async () => {
		const { f, area, pia, per, action } = await setup();
		const one = addIdea(pia.board.doc, { text: 'Ett nummer', areaId: area, author: pia.author });
		const two = addIdea(per.board.doc, { text: 'En app', areaId: area, author: per.author });
		await waitFor(f.doc, (d) => listIdeas(d).length === 2);

		const opened = await action({
			action: 'dots',
			areaId: area,
			dotLimits: { perPerson: 3, perArea: 2 }
		});
		expect(opened.status).toBe(200);
		const roundId = opened.body.roundId;
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		expect(roundIn(pia.board.doc, roundId)?.ideaIds.sort()).toEqual([one, two].sort());

		setDots(pia.own.doc, roundId, one, 2);
		setDots(per.own.doc, roundId, one, 1);
		setDots(per.own.doc, roundId, two, 1);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 2, { message: 'progress 2' });
		expect(roundIn(pia.board.doc, roundId)?.results).toBeNull();

		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(pia.board.doc, (d) => roundIn(d, roundId)?.status === 'revealed');
		expect(roundIn(pia.board.doc, roundId)?.results).toEqual([
			{ ideaId: one, dots: 3, voters: 2, rank: 1 },
			{ ideaId: two, dots: 1, voters: 1, rank: 2 }
		]);
		// Dots after the reveal are refused.
		const late = nextClose(pia.own.provider);
		setDots(pia.own.doc, roundId, two, 1);
		expect(await late).toBe(4403);

		const actionId = addAction(f.doc, { areaId: area, ideaId: one, proposal: 'Ett nummer' });
		await waitFor(pia.board.doc, (d) => listActions(d).some((a) => a.id === actionId));
		expect(listActions(pia.board.doc)[0]).toMatchObject({ ideaId: one, proposal: 'Ett nummer' });
	});
});
