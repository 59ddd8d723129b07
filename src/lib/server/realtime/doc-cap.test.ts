import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { coalesce } from './coalesce';
import { capDocument } from './doc-cap';
import { judgePrivateWrites, type RoundRules } from './judge-private';

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

describe('a private document is bounded', () => {
	it('refuses drafts past the cap, in one update or many, and takes small ones', () => {
		const real = new Y.Doc();
		const check = capDocument(
			judgePrivateWrites(() => round('open')),
			64 * 1024
		);
		const small = edit(real, (d) => d.getMap('drafts').set('a', 'x'.repeat(1000)));
		expect(check(real, small)).toBeNull();
		Y.applyUpdate(real, small);
		const big = edit(real, (d) => d.getMap('drafts').set('b', 'x'.repeat(100 * 1024)));
		expect(check(real, big)).toEqual({ reason: 'the document is full', malformed: false });
		let refused = null;
		for (let i = 0; i < 10 && !refused; i++) {
			const u = edit(real, (d) => d.getMap('drafts').set(`k${i}`, 'x'.repeat(10 * 1024)));
			refused = check(real, u);
			if (!refused) Y.applyUpdate(real, u);
		}
		expect(refused).toEqual({ reason: 'the document is full', malformed: false });
		expect(Y.encodeStateAsUpdate(real).byteLength).toBeLessThanOrEqual(64 * 1024);
	});

	it('keeps the inner judge: a score of a closed round is still refused as such', () => {
		const real = new Y.Doc();
		const check = capDocument(judgePrivateWrites(() => round('closed')));
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
