import { describe, expect, it } from 'vitest';
import { RefusalBudget } from './limits';

describe('RefusalBudget', () => {
	it('blocks a member after the budget of refusals within the window, and forgets them after', () => {
		const budget = new RefusalBudget(3, 60_000);
		budget.note('m1', 0);
		budget.note('m1', 10_000);
		expect(budget.blocked('m1', 20_000)).toBe(false);
		budget.note('m1', 30_000);
		expect(budget.blocked('m1', 30_001)).toBe(true);
		expect(budget.blocked('m2', 30_001)).toBe(false);
		// The first refusal leaves the window after a minute.
		expect(budget.blocked('m1', 60_000)).toBe(false);
	});
});
