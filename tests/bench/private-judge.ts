/**
 * What judging one tiny write to a big private document costs (issue 14, break 1).
 *
 *   npm run bench:private-judge
 *
 * Two private documents the server may hold: 60,000 entries (2.6 MB; stored before private
 * documents were judged by their layout, when any root was taken) and 1000 silent-round ideas
 * of 1,700 two-byte letters (3.4 MB, the most the rules allow). On each, the owner's judge
 * (private-doc.ts: the layout, the round rules, the byte cap) takes 200 tiny updates, each a
 * score of an open round, applied after it is judged as the room does, then 50 refused ones
 * (a score of a closed round, each from a fresh replica, as a client reconnecting after the
 * refusal). Printed: the first judgement (it builds the judge's shadow replica once per loaded
 * document), the mean and worst of the others, and of the refusals, in ms.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { privateJudge } from '../../src/lib/server/realtime/private-doc.ts';
import { ideasMap } from '../../src/lib/workshop/records/idea.ts';
import { setScore } from '../../src/lib/workshop/records/score.ts';

const UPDATES = 200;
const REFUSALS = 50;

function measure(label: string, fill: (doc: Y.Doc) => void) {
	const real = new Y.Doc();
	fill(real);
	const bytes = Y.encodeStateAsUpdate(real).byteLength;
	const judge = privateJudge(
		'w1',
		{
			membershipId: 'pia',
			ids: () => ['pia'],
			names: () => ['Pia'],
			profession: () => 'sjukskoterska',
			organisation: () => 'kommun'
		},
		{
			round: (_workshop, id) => ({
				status: id === 'closed' ? 'closed' : 'open',
				type: 'scoring',
				areaIds: ['a1'],
				dotLimits: null
			}),
			silentOpen: () => true,
			ballotsChanged: () => {}
		}
	);
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(real));
	const updates: Uint8Array[] = [];
	client.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i <= UPDATES; i++) setScore(client, 'r1', 'a1', 'worth', 1 + (i % 5));
	const times: number[] = [];
	for (const update of updates) {
		const start = performance.now();
		const refused = judge(real, update);
		times.push(performance.now() - start);
		if (refused) throw new Error(refused.reason);
		Y.applyUpdate(real, update);
	}
	const refusals: number[] = [];
	for (let i = 0; i < REFUSALS; i++) {
		const replica = new Y.Doc();
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(real));
		const before = Y.encodeStateVector(replica);
		setScore(replica, 'closed', 'a1', 'worth', 1 + (i % 5));
		const update = Y.encodeStateAsUpdate(replica, before);
		const start = performance.now();
		const refused = judge(real, update);
		refusals.push(performance.now() - start);
		if (!refused) throw new Error('a score of a closed round was accepted');
	}
	const [first, ...rest] = times as [number, ...number[]];
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
	console.log(
		`${label.padEnd(34)} ${(bytes / 1e6).toFixed(2)} MB  first ${first.toFixed(1)} ms  then mean ${mean(rest).toFixed(3)} ms, worst ${Math.max(...rest).toFixed(3)} ms per tiny update; refused: mean ${mean(refusals).toFixed(3)} ms, worst ${Math.max(...refusals).toFixed(3)} ms`
	);
}

measure('60,000 entries (stored before)', (doc) =>
	doc.transact(() => {
		const drafts = doc.getMap('drafts');
		for (let i = 0; i < 60_000; i++) drafts.set(`draft-${i}`, 'x'.repeat(20));
	})
);
measure('1000 silent-round ideas', (doc) =>
	doc.transact(() => {
		for (let i = 0; i < 1000; i++) {
			const idea = new Y.Map<unknown>();
			ideasMap(doc).set(`idea-${i}`, idea);
			const fields = {
				text: 'å'.repeat(1700),
				areaId: 'area1',
				group: null,
				order: 'a0',
				authorId: 'pia',
				authorName: 'Pia',
				profession: 'sjukskoterska',
				organisation: 'kommun',
				createdAt: 1,
				updatedAt: 1
			};
			for (const [k, v] of Object.entries(fields)) idea.set(k, v);
		}
	})
);
