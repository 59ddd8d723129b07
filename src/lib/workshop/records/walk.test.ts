import { describe, expect, it } from 'vitest';
import { ideaRoundRecord } from './idea-round';
import { insightRecord } from './insight';
import { roundRecord } from './round';
import { mapKey, mapRefs, mapStrings, refSteps } from './walk';

const upper = (id: string) => id.toUpperCase();

describe('walking a record by its declaration', () => {
	it('renews ids in fields, lists, object keys and list items, and nothing else', () => {
		const round = {
			areaIds: ['a1', 'a2'],
			previousId: null,
			axes: { worth: { label: 'a1' } },
			results: { scores: { a1: { flagged: false } }, dots: [{ areaId: 'a2', dots: 3 }] }
		};
		expect(mapRefs(roundRecord, round, upper)).toEqual({
			areaIds: ['A1', 'A2'],
			previousId: null,
			axes: { worth: { label: 'a1' } },
			results: { scores: { A1: { flagged: false } }, dots: [{ areaId: 'A2', dots: 3 }] }
		});
		expect(mapRefs(ideaRoundRecord, { results: [{ ideaId: 'i1' }] }, upper)).toEqual({
			results: [{ ideaId: 'I1' }]
		});
		expect(mapRefs(ideaRoundRecord, { results: null }, upper)).toEqual({ results: null });
	});

	it('tells each reference where it points', () => {
		const seen: string[] = [];
		mapRefs(insightRecord, { sourceNoteIds: ['n1'], areaId: 'a1', createdBy: 'm1' }, (id, to) => {
			seen.push(`${id}→${to}`);
			return id;
		});
		expect(seen.sort()).toEqual(['a1→areas', 'm1→members', 'n1→notes']);
	});

	it('renews the ids a key holds', () => {
		const ids = { kind: 'ids', to: ['events', 'members'], separator: '|' } as const;
		expect(mapKey(ids, 'e1|m1', upper, null)).toBe('E1|M1');
		const derived = { kind: 'derived', prefix: 'n-', to: 'notes' } as const;
		expect(mapKey(derived, 'n-x1', upper, (id) => `own-${id}`)).toBe('n-X1');
		expect(mapKey(derived, 'x1', upper, (id) => `own-${id}`)).toBe('own-x1');
		expect(mapKey({ kind: 'digest', of: 'insights' }, 'g1', upper, null)).toBeNull();
		expect(mapKey(undefined, 'k', upper, null)).toBe('k');
	});

	it('reaches every string of a value and refuses a malformed path', () => {
		expect(mapStrings({ a: ['x', 1, { b: 'y' }], c: null }, upper)).toEqual({
			a: ['X', 1, { b: 'Y' }],
			c: null
		});
		expect(() => refSteps('results..x')).toThrow();
	});
});
