import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emotionCurve, myEmotion, setEmotion, summarise } from './emotions';

describe('emotion curve', () => {
	it('summarises odd and even counts with median, range and histogram', () => {
		expect(summarise([2, -2, 1])).toEqual({
			count: 3,
			median: 1,
			min: -2,
			max: 2,
			histogram: [1, 0, 0, 1, 1]
		});
		expect(summarise([-1, 0, -2, 1]).median).toBe(-0.5);
		expect(summarise([])).toMatchObject({ count: 0, median: null });
		expect(summarise([5, Number.NaN]).count).toBe(0);
	});

	it('aggregates each participant once per event and follows changes of mind', () => {
		const doc = new Y.Doc();
		setEmotion(doc, 'e1', 'anna', -2);
		setEmotion(doc, 'e1', 'bo', -1);
		setEmotion(doc, 'e1', 'bo', 1);
		setEmotion(doc, 'e2', 'anna', 2);
		setEmotion(doc, 'e2', 'anna', null);
		const curve = emotionCurve(doc, ['e1', 'e2']);
		expect(curve.get('e1')).toMatchObject({ count: 2, median: -0.5, min: -2, max: 1 });
		expect(curve.get('e2')).toMatchObject({ count: 0, median: null });
		expect(myEmotion(doc, 'e1', 'bo')).toBe(1);
		expect(myEmotion(doc, 'e2', 'anna')).toBeNull();
	});

	it('refuses ratings outside −2 … +2', () => {
		const doc = new Y.Doc();
		expect(() => setEmotion(doc, 'e1', 'anna', 3)).toThrow(RangeError);
	});
});
