import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RoundStatus } from '$lib/workshop/records/round';
import { dotsMap, scoresMap, setDots, setScore } from '$lib/workshop/records/score';
import { judgePrivateWrites } from './judge-private';

/** The update a client's replica of `server` produces with `change`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	change(client);
	return Y.encodeStateAsUpdate(client, before);
}

describe('private document judge', () => {
	const status = new Map<string, RoundStatus>([
		['open1', 'open'],
		['closed1', 'closed'],
		['shown1', 'revealed']
	]);
	const judge = judgePrivateWrites((id) => status.get(id) ?? null);

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
				updateFrom(server, (d) => setDots(d, 'open1', 'a1', 2))
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
			(d: Y.Doc) => dotsMap(d).set('open1:a1', -1),
			(d: Y.Doc) => scoresMap(d).set('open1', { worth: 2 })
		];
		for (const change of bad) expect(judge(server, updateFrom(server, change))).not.toBeNull();
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
