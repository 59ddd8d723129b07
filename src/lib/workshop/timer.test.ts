import { describe, expect, it } from 'vitest';
import { estimateOffset, formatClock, remainingMs, timerPhase } from './timer';

const running = { stepId: 's', durationMs: 300_000, endsAt: 1_000_000, remainingMs: null };
const paused = { stepId: 's', durationMs: 300_000, endsAt: null, remainingMs: 65_000 };

describe('step timer', () => {
	it('counts down on the server’s clock and stops at zero', () => {
		expect(remainingMs(running, 940_000)).toBe(60_000);
		expect(remainingMs(running, 1_200_000)).toBe(0);
		expect(timerPhase(running, 999_999)).toBe('running');
		expect(timerPhase(running, 1_000_000)).toBe('ended');
	});

	it('holds still while paused, whatever the clock says', () => {
		expect(remainingMs(paused, 0)).toBe(65_000);
		expect(remainingMs(paused, 9e12)).toBe(65_000);
		expect(timerPhase(paused, 0)).toBe('paused');
		expect(remainingMs(null, 0)).toBeNull();
	});

	it('corrects a client clock that runs 90 s fast', () => {
		// The client's clock says 1_090_000 when the server's says 1_000_000.
		const offset = estimateOffset([
			{ sentAt: 1_089_900, serverNow: 1_000_000, receivedAt: 1_090_100 },
			{ sentAt: 1_090_000, serverNow: 1_000_010, receivedAt: 1_090_020 }
		]);
		expect(offset).toBe(-90_000);
		expect(remainingMs(running, 1_030_000 + offset)).toBe(60_000);
	});

	it('ignores a sample whose clock went backwards, and formats what is left', () => {
		expect(estimateOffset([{ sentAt: 10, serverNow: 5_000, receivedAt: 5 }])).toBe(0);
		expect(formatClock(65_000)).toBe('1:05');
		expect(formatClock(64_001)).toBe('1:05');
		expect(formatClock(0)).toBe('0:00');
	});
});
