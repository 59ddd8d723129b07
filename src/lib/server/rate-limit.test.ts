import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows up to the limit per window and per key, then resets', () => {
		const limiter = new RateLimiter(2, 1000);
		expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2)]).toEqual([
			true,
			true,
			false
		]);
		expect(limiter.take('b', 2)).toBe(true);
		expect(limiter.take('a', 1000)).toBe(true);
	});

	it('reports a used-up key without counting', () => {
		const limiter = new RateLimiter(1, 1000);
		expect(limiter.blocked('a', 0)).toBe(false);
		limiter.take('a', 0);
		expect(limiter.blocked('a', 1)).toBe(true);
		expect(limiter.blocked('a', 1000)).toBe(false);
	});

	it('gives back a refunded attempt within its window only', () => {
		const limiter = new RateLimiter(1, 1000);
		expect(limiter.take('a', 0)).toBe(true);
		limiter.refund('a', 1);
		expect(limiter.take('a', 2)).toBe(true);
		expect(limiter.take('a', 3)).toBe(false);
		limiter.refund('a', 1000);
		expect(limiter.blocked('a', 1000)).toBe(false);
	});
});
