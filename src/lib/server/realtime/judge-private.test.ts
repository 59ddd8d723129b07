import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dotsMap, scoresMap, setDots, setScore } from '$lib/workshop/records/score';
import { judgePrivateWrites, type RoundRules } from './judge-private';

/** The update a client's replica of `server` produces with `change`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	change(client);
	return Y.encodeStateAsUpdate(client, before);
}

describe('private document judge', () => {
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
	const judge = judgePrivateWrites((id) => rounds.get(id) ?? null);

	it('lets the owner write drafts and scores of an open round', () => {
		const server = new Y.Doc();
		expect(
			judge(
				server,
				updateFrom(server, (d) => d.getMap('drafts').set('x', 'utkast'))
			)
		).toBeNull();
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

	it('refuses scores of a closed, revealed or unknown round', () => {
		const server = new Y.Doc();
		for (const round of ['closed1', 'shown1', 'nope']) {
			const refused = judge(
				server,
				updateFrom(server, (d) => setScore(d, round, 'a1', 'cost', 2))
			);
			expect(refused).toEqual({ reason: 'scores: round is not open', malformed: false });
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
			reason: 'dots: over the round’s limits',
			malformed: false
		});
		// Four in all where three may go: 2 already on a1, 2 more on a2.
		expect(over((d) => setDots(d, 'dots1', 'a2', 2))?.reason).toBe('dots: over the round’s limits');
		expect(over((d) => setDots(d, 'dots1', 'zz', 1))?.reason).toBe(
			'dots: area is not in the round'
		);
		expect(over((d) => setDots(d, 'open1', 'a1', 1))?.reason).toBe('dots: not this kind of round');
		expect(over((d) => setScore(d, 'dots1', 'a1', 'worth', 3))?.reason).toBe(
			'scores: not this kind of round'
		);
		expect(over((d) => setScore(d, 'open1', 'zz', 'worth', 3))?.reason).toBe(
			'scores: area is not in the round'
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
		client.getMap('drafts').set('x', 1);
		const first = Y.encodeStateVector(client);
		setScore(client, 'closed1', 'a1', 'worth', 5);
		const second = Y.encodeStateAsUpdate(client, first);
		expect(judge(server, second)).toEqual({
			reason: 'depends on changes the server does not have',
			malformed: false
		});
	});
});
