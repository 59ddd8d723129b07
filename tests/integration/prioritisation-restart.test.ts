import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { setParticipantsMayComment } from '../../src/lib/workshop/records/board-state.ts';
import { addGoalComment, listGoalComments } from '../../src/lib/workshop/records/goal-comment.ts';
import { readGoal, writeGoal } from '../../src/lib/workshop/records/goal.ts';
import { listPlacements, setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { findRound, listRounds, type Round } from '../../src/lib/workshop/records/round.ts';
import { readScores, setScore } from '../../src/lib/workshop/records/score.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { connect, nextClose, waitFor, type YClient } from '../helpers/yclient.ts';

/**
 * Rounds, results, placements, the målbild and its comments are board records: they survive a
 * restart on the same database and are in the JSON export. A closed round opens again; the
 * målbild takes participants' comments only while the facilitator allows them.
 */
const servers: TestServer[] = [];
const clients: YClient[] = [];

afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of servers) await server.stop();
	await removeTempDirs();
});

const track = (client: YClient) => (clients.push(client), client);
const roundIn = (doc: Y.Doc, id: string): Round | undefined => findRound(doc, id);

describe('prioritisation across a restart', () => {
	it('keeps rounds, results, placements, målbild and comments, and exports them', async () => {
		const first = await startServer();
		servers.push(first);
		const fac = await facilitatorWithWorkshop(first.url);
		const room = `w/${fac.workshop.id}`;
		const f = track(connect(first.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await f.synced;
		const a = createArea(f.doc, { name: 'Vem ringer jag' })!;
		const pia = await participant(first.url, fac.links.participant.code, 'Pia');
		const board = track(connect(first.wsUrl, pia.room, { token: pia.wsToken }));
		const own = track(
			connect(first.wsUrl, `${pia.room}/p/${pia.membershipId}`, { token: pia.wsToken })
		);
		await Promise.all([board.synced, own.synced]);
		const action = (body: unknown) =>
			fac.api.request<{ roundId: string }>(
				'POST',
				`/api/workshops/${fac.workshop.id}/rounds`,
				body
			);

		const axes = {
			worth: { label: 'Patientnytta', better: 'high' },
			cost: { label: 'Kostnad', better: 'low' }
		};
		const roundId = (await action({ action: 'open', areaIds: [a], axes })).body.roundId;
		await waitFor(board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		setScore(own.doc, roundId, a, 'worth', 4);
		setScore(own.doc, roundId, a, 'cost', 3);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.progress === 1, { message: 'progress 1' });

		// Closed, then opened again: the same round takes her changed score.
		expect((await action({ action: 'close', roundId })).status).toBe(200);
		await waitFor(board.doc, (d) => roundIn(d, roundId)?.status === 'closed');
		expect((await action({ action: 'reopen', roundId })).body.roundId).toBe(roundId);
		await waitFor(board.doc, (d) => roundIn(d, roundId)?.status === 'open');
		setScore(own.doc, roundId, a, 'cost', 2);
		// A second tab of her private document sees the change only once the server took it.
		const tab = track(
			connect(first.wsUrl, `${pia.room}/p/${pia.membershipId}`, { token: pia.wsToken })
		);
		await tab.synced;
		await waitFor(tab.doc, (d) => readScores(d, roundId).get(a)?.cost === 2, {
			message: 'changed score on the server'
		});
		expect((await action({ action: 'reveal', roundId })).status).toBe(200);
		await waitFor(f.doc, (d) => roundIn(d, roundId)?.status === 'revealed');

		setPlacement(f.doc, a, { prioritised: true, final: { worth: 5, cost: 1 } });
		writeGoal(f.doc, a, { summary: 'Ingen svarar', statements: ['Jag vet vem jag ska ringa'] });

		// Comments: refused until the facilitator allows them, then kept.
		const author = {
			id: pia.membershipId,
			name: 'Pia',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		} as const;
		await waitFor(board.doc, (d) => readGoal(d, a).summary === 'Ingen svarar');
		const closing = nextClose(board.provider);
		addGoalComment(board.doc, { areaId: a, text: 'För tidigt', author });
		expect(await closing).toBe(4403);
		setParticipantsMayComment(f.doc, true);
		const board2 = track(connect(first.wsUrl, pia.room, { token: pia.wsToken }));
		await board2.synced;
		await waitFor(board2.doc, (d) => d.getMap('state').get('participantsMayComment') === true);
		addGoalComment(board2.doc, { areaId: a, text: 'Och på helgen?', author });
		await waitFor(f.doc, (d) => listGoalComments(d, a).length === 1, { message: 'comment' });

		const before = {
			rounds: JSON.stringify(listRounds(f.doc)),
			placements: JSON.stringify([...listPlacements(f.doc)]),
			goal: readGoal(f.doc, a)
		};
		for (const c of [...clients]) c.destroy();
		clients.length = 0;
		await first.stop();

		const second = await startServer({ database: first.database });
		servers.push(second);
		const again = track(connect(second.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await again.synced;
		await waitFor(again.doc, (d) => roundIn(d, roundId)?.status === 'revealed', {
			message: 'revealed round after the restart'
		});
		expect(JSON.stringify(listRounds(again.doc))).toBe(before.rounds);
		expect(JSON.stringify([...listPlacements(again.doc)])).toBe(before.placements);
		expect(readGoal(again.doc, a)).toEqual(before.goal);
		expect(listGoalComments(again.doc, a).map((c) => c.text)).toEqual(['Och på helgen?']);
		expect(roundIn(again.doc, roundId)?.results?.scores?.[a]).toMatchObject({
			worth: { median: 4, n: 1 },
			cost: { median: 2, n: 1 }
		});

		const exported = await fac.api.moveTo(second.url).exportJson(fac.workshop.id);
		const rounds = exported.board.rounds as Array<Record<string, unknown>>;
		expect(rounds).toHaveLength(1);
		expect(rounds[0]).toMatchObject({
			id: roundId,
			type: 'scoring',
			status: 'revealed',
			axes,
			results: { scores: { [a]: { worth: { median: 4 }, cost: { median: 2 } } } }
		});
		expect(exported.board.placements).toEqual([
			{ id: a, final: { worth: 5, cost: 1 }, prioritised: true }
		]);
		expect(exported.board.goals).toEqual([
			{ id: a, summary: 'Ingen svarar', statements: ['Jag vet vem jag ska ringa'], question: '' }
		]);
		expect(exported.board.goalComments).toMatchObject([
			{ areaId: a, text: 'Och på helgen?', authorId: pia.membershipId, authorName: 'Pia' }
		]);
		// Scores are no board record: the export has no ballot of anyone.
		expect(JSON.stringify(exported)).not.toMatch(/"scores":\{"[^"]+":\{"worth":\d/);
		expect(Object.keys(exported.board)).not.toContain('dots');
	});
});
