import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs the first call at once and folds a burst into one trailing run', () => {
		const fn = vi.fn();
		const t = throttle(fn, 500);
		t.call();
		expect(fn).toHaveBeenCalledTimes(1);
		for (let i = 0; i < 10; i++) t.call();
		expect(fn).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(499);
		expect(fn).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(1);
		expect(fn).toHaveBeenCalledTimes(2);
	});

	it('runs at once again after a quiet window', () => {
		const fn = vi.fn();
		const t = throttle(fn, 500);
		t.call();
		vi.advanceTimersByTime(600);
		t.call();
		expect(fn).toHaveBeenCalledTimes(2);
	});

	it('cancel drops the pending run', () => {
		const fn = vi.fn();
		const t = throttle(fn, 500);
		t.call();
		t.call();
		t.cancel();
		vi.advanceTimersByTime(1000);
		expect(fn).toHaveBeenCalledTimes(1);
	});
});
