import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RoundRules } from '$lib/workshop/private-layout';
import { dotsMap, scoresMap, setDots, setScore } from '$lib/workshop/records/score';
import { encodeUpdate, type Struct } from './judge-bytes';
import { privateJudge, type PrivateHooks } from './private-doc';

/** The update a client's replica of `server` produces with `change`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	change(client);
	return Y.encodeStateAsUpdate(client, before);
}

const scoring = (status: RoundRules['status']): RoundRules => ({
	status,
	type: 'scoring',
	areaIds: ['a1', 'a2'],
	dotLimits: null
});
const rounds = new Map<string, RoundRules>([
	['open1', scoring('open')],
	['closed1', scoring('closed')],
	['shown1', scoring('revealed')],
	[
		'dots1',
		{
			status: 'open',
			type: 'dots',
			areaIds: ['a1', 'a2', 'a3'],
			dotLimits: { perPerson: 3, perArea: 2 }
		}
	]
]);
const pia = {
	membershipId: 'pia',
	ids: () => ['pia'],
	names: () => ['Pia'],
	profession: () => 'lakare',
	organisation: () => 'region'
};
const hooks: PrivateHooks = {
	round: (_workshopId, id) => rounds.get(id) ?? null,
	silentOpen: () => false,
	ballotsChanged: () => {}
};
const judge = privateJudge('w1', pia, hooks);

describe('private document judge', () => {
	it('lets the owner write scores and dots of an open round', () => {
		const server = new Y.Doc();
		expect(
			judge(
				server,
				updateFrom(server, (d) => setScore(d, 'open1', 'a1', 'worth', 4))
			)
		).toBeNull();
		expect(
			judge(
				server,
				updateFrom(server, (d) => setDots(d, 'dots1', 'a1', 2))
			)
		).toBeNull();
	});

	it('refuses a root its layout does not declare, such as drafts', () => {
		const server = new Y.Doc();
		const drafts = updateFrom(server, (d) => d.getMap('drafts').set('x', 'utkast'));
		expect(judge(server, drafts)?.reason).toBe('unknown root map');
	});

	it('refuses scores of a closed, revealed or unknown round', () => {
		const server = new Y.Doc();
		for (const round of ['closed1', 'shown1', 'nope']) {
			const refused = judge(
				server,
				updateFrom(server, (d) => setScore(d, round, 'a1', 'cost', 2))
			);
			expect(refused).toEqual({ reason: 'score: round is not open', malformed: false });
		}
	});

	it('refuses removing or changing a score once the round closed', () => {
		const server = new Y.Doc();
		setScore(server, 'closed1', 'a1', 'worth', 3);
		expect(
			judge(
				server,
				updateFrom(server, (d) => scoresMap(d).delete('closed1:a1'))
			)
		).not.toBeNull();
		expect(
			judge(
				server,
				updateFrom(server, (d) => setScore(d, 'closed1', 'a1', 'worth', 5))
			)
		).not.toBeNull();
	});

	it('refuses malformed scores, dots and keys', () => {
		const server = new Y.Doc();
		const bad = [
			(d: Y.Doc) => scoresMap(d).set('open1:a1', { worth: 6 }),
			(d: Y.Doc) => scoresMap(d).set('open1:a1', { worth: 2, who: 'Per' }),
			(d: Y.Doc) => dotsMap(d).set('dots1:a1', -1),
			(d: Y.Doc) => scoresMap(d).set('open1', { worth: 2 })
		];
		for (const change of bad) expect(judge(server, updateFrom(server, change))).not.toBeNull();
	});

	it('refuses dots over the round’s limits, on another area, or in a scoring round', () => {
		const server = new Y.Doc();
		setDots(server, 'dots1', 'a1', 2);
		const over = (change: (d: Y.Doc) => void) => judge(server, updateFrom(server, change));
		// Three on one area where at most two may go.
		expect(over((d) => setDots(d, 'dots1', 'a2', 3))).toEqual({
			reason: 'dot: over the round’s limits',
			malformed: false
		});
		// Four in all where three may go: 2 already on a1, 2 more on a2.
		expect(over((d) => setDots(d, 'dots1', 'a2', 2))?.reason).toBe('dot: over the round’s limits');
		expect(over((d) => setDots(d, 'dots1', 'zz', 1))?.reason).toBe('dot: area is not in the round');
		expect(over((d) => setDots(d, 'open1', 'a1', 1))?.reason).toBe('dot: not this kind of round');
		expect(over((d) => setScore(d, 'dots1', 'a1', 'worth', 3))?.reason).toBe(
			'score: not this kind of round'
		);
		expect(over((d) => setScore(d, 'open1', 'zz', 'worth', 3))?.reason).toBe(
			'score: area is not in the round'
		);
		// Within the limits: moving one dot from a1 to a2 and adding one to a3.
		expect(
			over((d) =>
				d.transact(() => {
					setDots(d, 'dots1', 'a1', 1);
					setDots(d, 'dots1', 'a2', 1);
					setDots(d, 'dots1', 'a3', 1);
				})
			)
		).toBeNull();
	});

	it('refuses an update that depends on changes the server does not have', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		setScore(client, 'open1', 'a1', 'worth', 2);
		const first = Y.encodeStateVector(client);
		setScore(client, 'closed1', 'a1', 'worth', 5);
		const second = Y.encodeStateAsUpdate(client, first);
		expect(judge(server, second)).toEqual({
			reason: 'depends on changes the server does not have',
			malformed: false
		});
	});
});

describe('private document judge, updates written byte by byte', () => {
	/** One client's structs from clock 0. */
	const structs = (client: number, list: Struct[]) =>
		encodeUpdate([{ client, clock: 0, structs: list }]);
	const score = (key: string, value: unknown): Struct => ({
		parent: 'scores',
		parentSub: key,
		content: { any: [value] }
	});
	const send = (doc: Y.Doc, update: Uint8Array) => {
		const refused = judge(doc, update);
		if (refused) return refused.malformed ? 'malformed' : refused.reason;
		Y.applyUpdate(doc, update);
		return null;
	};

	it('takes a score under any client id of hers (the control)', () => {
		const doc = new Y.Doc();
		expect(send(doc, structs(7, [score('open1:a1', { worth: 4, cost: 2 })]))).toBeNull();
		expect(send(doc, structs(8, [score('open1:a2', { worth: 1 })]))).toBeNull();
		expect(scoresMap(doc).toJSON()).toEqual({
			'open1:a1': { worth: 4, cost: 2 },
			'open1:a2': { worth: 1 }
		});
	});

	it('refuses keys, values and places the layout does not declare', () => {
		const doc = new Y.Doc();
		const cases: Array<[Uint8Array, string]> = [
			[structs(10, [score('open1', { worth: 2 })]), 'score: bad id'],
			[structs(11, [score('open1:a1:x', { worth: 2 })]), 'score: bad id'],
			[structs(12, [score('open1:a1', { worth: '4' })]), 'score: bad value for value'],
			[structs(13, [score('open1:a1', [4])]), 'score: bad value for value'],
			[
				structs(14, [{ parent: 'dots', parentSub: 'dots1:a1', content: { string: '2' } }]),
				'dot: bad value for value'
			],
			// A map where a plain value belongs, with a field inside it.
			[
				structs(15, [
					{ parent: 'scores', parentSub: 'open1:a1', content: { map: true } },
					{ parent: [15, 0], parentSub: 'worth', content: { any: [4] } }
				]),
				'score: bad value for value'
			],
			[structs(16, [{ parent: 'scores', content: { any: [4] } }]), 'not a map entry'],
			[
				structs(17, [{ parent: 'drafts', parentSub: 'x', content: { any: ['y'] } }]),
				'unknown root map'
			]
		];
		for (const [update, reason] of cases) expect(send(doc, update)).toBe(reason);
		// Nothing of them was taken.
		expect(doc.store.clients.size).toBe(0);
	});

	it('refuses removing a score of a closed round, and takes removing one of an open round', () => {
		const doc = new Y.Doc();
		expect(send(doc, structs(20, [score('open1:a1', { worth: 3 })]))).toBeNull();
		const removal = encodeUpdate([], [{ client: 20, ranges: [[0, 1]] }]);
		expect(send(doc, removal)).toBeNull();
		expect(scoresMap(doc).size).toBe(0);
		setScore(doc, 'closed1', 'a1', 'worth', 3);
		const theirs = scoresMap(doc)._map.get('closed1:a1')!.id;
		expect(
			send(doc, encodeUpdate([], [{ client: theirs.client, ranges: [[theirs.clock, 1]] }]))
		).toBe('score: round is not open');
	});

	it('refuses dots over the limits in one update of many keys', () => {
		const doc = new Y.Doc();
		const dot = (area: string, n: number): Struct => ({
			parent: 'dots',
			parentSub: `dots1:${area}`,
			content: { any: [n] }
		});
		expect(send(doc, structs(30, [dot('a1', 2), dot('a2', 2)]))).toBe(
			'dot: over the round’s limits'
		);
		expect(send(doc, structs(30, [dot('a1', 2), dot('a2', 1)]))).toBeNull();
	});
});
