import { describe, expect, it } from 'vitest';
import { schedule } from './schedule';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
// Persona 20 min, Resan 45 min, Paus 15 min.
const steps = [
	{ id: 'persona', minutes: 20 },
	{ id: 'resan', minutes: 45 },
	{ id: 'paus', minutes: 15 }
];

describe('planned against actual time', () => {
	it('says nothing before the agenda has started', () => {
		expect(schedule(steps, { stepId: null, stepStartedAt: null, startedAt: null }, T0)).toEqual({
			status: 'none'
		});
		expect(schedule(steps, { stepId: 'gone', stepStartedAt: T0, startedAt: T0 }, T0).status).toBe(
			'none'
		);
	});

	it('is on schedule while the steps keep their planned minutes', () => {
		const room = { stepId: 'resan', stepStartedAt: T0 + 20 * MIN, startedAt: T0 };
		expect(schedule(steps, room, T0 + 30 * MIN)).toMatchObject({ status: 'on', minutes: 0 });
		expect(schedule(steps, room, T0 + 65 * MIN + 30_000)).toMatchObject({ status: 'on' });
	});

	it('is behind by a late start of the step and by its overrun', () => {
		// Persona ran 32 min: Resan began 12 min late.
		const late = { stepId: 'resan', stepStartedAt: T0 + 32 * MIN, startedAt: T0 };
		expect(schedule(steps, late, T0 + 40 * MIN)).toMatchObject({ status: 'behind', minutes: 12 });
		// …and Resan itself runs 3 min over its 45.
		expect(schedule(steps, late, T0 + 80 * MIN)).toMatchObject({ status: 'behind', minutes: 15 });
	});

	it('is ahead when the steps before ended early', () => {
		const early = { stepId: 'paus', stepStartedAt: T0 + 62 * MIN, startedAt: T0 };
		expect(schedule(steps, early, T0 + 63 * MIN)).toMatchObject({ status: 'ahead', minutes: 3 });
	});
});
