import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setDots, setScore } from '$lib/workshop/records/score';
import { BallotProgress, type BallotRound } from './progress';

/** Private documents by name, read as the realtime server reads them, counting the reads. */
function documents() {
	const docs = new Map<string, Y.Doc>();
	const reads: string[] = [];
	const doc = (id: string) => {
		const name = `w/w1/p/${id}`;
		if (!docs.has(name)) docs.set(name, new Y.Doc());
		return docs.get(name)!;
	};
	const realtime = {
		read: async <T>(name: string, read: (d: Y.Doc) => T): Promise<T> => {
			reads.push(name);
			return read(docs.get(name) ?? new Y.Doc());
		}
	};
	return { doc, reads, progress: new BallotProgress(realtime) };
}

const scoring: BallotRound = { id: 'r1', type: 'scoring', areaIds: ['a1', 'a2'] };
const members = async () => ['pia', 'per', 'pal', 'bo', 'eva'];

describe('round progress', () => {
	it('counts from every private document once, then from each hand-in alone', async () => {
		const { doc, reads, progress } = documents();
		for (const id of ['pia', 'per']) {
			for (const area of scoring.areaIds) {
				setScore(doc(id), 'r1', area, 'worth', 3);
				setScore(doc(id), 'r1', area, 'cost', 2);
			}
		}
		// Pål has scored one axis of one area only.
		setScore(doc('pal'), 'r1', 'a1', 'worth', 1);
		expect([...(await progress.handedIn('w1', [scoring], members))[0]!].sort()).toEqual([
			'per',
			'pia'
		]);
		expect(reads).toHaveLength(5);

		for (const [area, axis] of [
			['a1', 'cost'],
			['a2', 'worth'],
			['a2', 'cost']
		] as const) {
			setScore(doc('pal'), 'r1', area, axis, 4);
			progress.changed('w1', 'pal', doc('pal'), scoring);
		}
		expect((await progress.handedIn('w1', [scoring], members))[0]!.size).toBe(3);
		// Taking a score back hands the ballot back in again only when complete.
		doc('pia').getMap('scores').delete('r1:a2');
		progress.changed('w1', 'pia', doc('pia'), scoring);
		expect([...(await progress.handedIn('w1', [scoring], members))[0]!].sort()).toEqual([
			'pal',
			'per'
		]);
		expect(reads).toHaveLength(5);
	});

	it('starts a round just opened empty, reading nothing, and counts dots', async () => {
		const { doc, reads, progress } = documents();
		const dots: BallotRound = { id: 'd1', type: 'dots', areaIds: ['i1', 'i2'] };
		progress.start('w1', 'd1');
		setDots(doc('eva'), 'd1', 'i2', 1);
		progress.changed('w1', 'eva', doc('eva'), dots);
		setDots(doc('bo'), 'd1', 'i1', 0);
		progress.changed('w1', 'bo', doc('bo'), dots);
		expect([...(await progress.handedIn('w1', [dots], members))[0]!]).toEqual(['eva']);
		expect(reads).toEqual([]);
		// Forgotten once revealed: a later count reads the documents again.
		progress.forget('w1', 'd1');
		expect([...(await progress.handedIn('w1', [dots], members))[0]!]).toEqual(['eva']);
		expect(reads).toHaveLength(5);
	});

	it('counts every round not counted yet in one read of each document', async () => {
		const { doc, reads, progress } = documents();
		const rounds: BallotRound[] = ['r1', 'r2', 'r3'].map((id) => ({ ...scoring, id }));
		for (const area of scoring.areaIds) {
			setScore(doc('bo'), 'r2', area, 'worth', 1);
			setScore(doc('bo'), 'r2', area, 'cost', 1);
		}
		const sets = await progress.handedIn('w1', rounds, members);
		expect(sets.map((s) => [...s])).toEqual([[], ['bo'], []]);
		expect(reads).toHaveLength(5);
	});

	it('leaves a round not counted yet to its first count', async () => {
		const { doc, reads, progress } = documents();
		setDots(doc('eva'), 'd1', 'i1', 1);
		progress.changed('w1', 'eva', doc('eva'), { id: 'd1', type: 'dots', areaIds: ['i1'] });
		expect(reads).toEqual([]);
	});
});
