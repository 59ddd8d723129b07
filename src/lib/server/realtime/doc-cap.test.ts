import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { RoundRules } from '$lib/workshop/private-layout';
import { addIdea } from '$lib/workshop/records/idea';
import { coalesce } from './coalesce';
import { capDocument } from './doc-cap';
import { privateJudge } from './private-doc';

const pia = {
	membershipId: 'pia',
	ids: () => ['pia'],
	names: () => ['Pia'],
	profession: () => 'lakare',
	organisation: () => 'region'
};
const round = (status: RoundRules['status']): RoundRules => ({
	status,
	type: 'scoring',
	areaIds: ['a1'],
	dotLimits: null
});

/** The update a client sends for one change of its copy of `real`. */
function edit(real: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(real));
	const before = Y.encodeStateVector(copy);
	change(copy);
	return Y.encodeStateAsUpdate(copy, before);
}

const idea = (text: string) => (d: Y.Doc) =>
	addIdea(d, {
		text,
		areaId: 'area1',
		author: { id: 'pia', name: 'Pia', profession: 'lakare', organisation: 'region' }
	});

describe('a private document is bounded', () => {
	const judge = (max: number) =>
		capDocument(
			privateJudge('w1', pia, {
				round: () => round('open'),
				silentOpen: () => true,
				ballotsChanged: () => {}
			}),
			max
		);

	it('refuses ideas past the cap, in one update or many, and takes small ones', () => {
		const real = new Y.Doc();
		const check = judge(64 * 1024);
		const small = edit(real, idea('x'.repeat(1000)));
		expect(check(real, small)).toBeNull();
		Y.applyUpdate(real, small);
		const big = edit(real, (d) => {
			for (let i = 0; i < 50; i++) idea('y'.repeat(2000))(d);
		});
		expect(check(real, big)).toEqual({ reason: 'the document is full', malformed: false });
		let refused = null;
		for (let i = 0; i < 40 && !refused; i++) {
			const u = edit(real, idea(`${i}`.repeat(2000).slice(0, 2000)));
			refused = check(real, u);
			if (!refused) Y.applyUpdate(real, u);
		}
		expect(refused).toEqual({ reason: 'the document is full', malformed: false });
		expect(Y.encodeStateAsUpdate(real).byteLength).toBeLessThanOrEqual(64 * 1024);
	});

	it('takes writes again once the server made room (a reveal takes the ideas out)', () => {
		const real = new Y.Doc();
		const check = judge(64 * 1024);
		let refused = null;
		while (!refused) {
			const u = edit(real, idea('z'.repeat(2000)));
			refused = check(real, u);
			if (!refused) Y.applyUpdate(real, u);
		}
		real.transact(() => real.getMap('ideas').clear(), 'server');
		expect(check(real, edit(real, idea('kvar')))).toBeNull();
	});

	it('keeps the inner judge: a score of a closed round is still refused as such', () => {
		const real = new Y.Doc();
		const check = privateJudge('w1', pia, {
			round: () => round('closed'),
			silentOpen: () => false,
			ballotsChanged: () => {}
		});
		const u = edit(real, (d) => d.getMap('scores').set('r1:a1', { worth: 3 }));
		expect(check(real, u)?.reason).toMatch(/round is not open/);
	});
});

describe('coalesce', () => {
	it('runs a burst of calls once per interval and once after the last', () => {
		vi.useFakeTimers();
		const runs: string[] = [];
		const call = coalesce(200, (key) => runs.push(key));
		for (let i = 0; i < 100; i++) call('w1');
		call('w2');
		expect(runs).toEqual([]);
		vi.advanceTimersByTime(200);
		expect(runs.sort()).toEqual(['w1', 'w2']);
		call('w1');
		vi.advanceTimersByTime(200);
		expect(runs).toHaveLength(3);
		vi.useRealTimers();
	});
});
