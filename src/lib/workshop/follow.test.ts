import { describe, expect, it } from 'vitest';
import { followAction, neighbours, onStepPage, stepRoute, type FollowInput } from './follow';

const seen = { stepId: 'a', gatheredAt: null };
const input = (over: Partial<FollowInput>): FollowInput => ({
	seen,
	now: seen,
	follows: true,
	typing: false,
	...over
});

describe('following the facilitator’s step', () => {
	it('goes to a new step when not typing, and announces it while typing', () => {
		expect(followAction(input({ now: { stepId: 'b', gatheredAt: null } }))).toBe('go');
		expect(followAction(input({ now: { stepId: 'b', gatheredAt: null }, typing: true }))).toBe(
			'announce'
		);
	});

	it('brings everyone on "Samla alla hit", typing or not, on the same step too', () => {
		expect(followAction(input({ now: { stepId: 'a', gatheredAt: 5 }, typing: true }))).toBe('go');
		expect(
			followAction(
				input({ seen: { stepId: 'a', gatheredAt: 5 }, now: { stepId: 'a', gatheredAt: 5 } })
			)
		).toBe('none');
	});

	it('does nothing for facilitators, on opening the board, or without a current step', () => {
		expect(followAction(input({ now: { stepId: 'b', gatheredAt: 9 }, follows: false }))).toBe(
			'none'
		);
		expect(followAction(input({ seen: undefined, now: { stepId: 'b', gatheredAt: 9 } }))).toBe(
			'none'
		);
		expect(followAction(input({ now: { stepId: null, gatheredAt: 9 } }))).toBe('none');
		expect(followAction(input({}))).toBe('none');
	});
});

describe('the page of a step', () => {
	it('maps method steps to their pages and free steps to none', () => {
		expect(stepRoute('w1', 'journey')).toBe('/w/w1');
		expect(stepRoute('w1', 'clustering')).toBe('/w/w1/klustring');
		expect(stepRoute('w1', 'goals')).toBe('/w/w1/prioritering');
		expect(stepRoute('w1', 'break')).toBeNull();
	});

	it('knows whether a page shows the step', () => {
		expect(onStepPage('/w/w1', 'w1', 'journey')).toBe(true);
		expect(onStepPage('/w/w1/persona', 'w1', 'journey')).toBe(false);
		expect(onStepPage('/w/w1/prioritering/malbild/x', 'w1', 'goals')).toBe(true);
		expect(onStepPage('/w/w1/citat', 'w1', 'discussion')).toBe(true);
	});

	it('finds the steps before and after the current one', () => {
		const steps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(neighbours(steps, 'b')).toEqual({ previous: { id: 'a' }, next: { id: 'c' } });
		expect(neighbours(steps, null)).toEqual({ previous: null, next: { id: 'a' } });
		expect(neighbours(steps, 'c').next).toBeNull();
	});
});
