import { describe, expect, it } from 'vitest';
import { timerSchema } from './records/facilitation';
import {
	TIMER_HOLD_MAX_MS,
	estimateOffset,
	extendTimer,
	formatClock,
	pauseTimer,
	remainingMs,
	resumeTimer,
	startTimer,
	timerCue,
	timerPhase
} from './timer';

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

describe('timer arithmetic on the server (start, +1/+5, pause, resume)', () => {
	const T0 = 5_000_000;

	it('starts for the step and runs from the server’s now', () => {
		const t = startTimer('s1', 5, T0);
		expect(t).toEqual({
			stepId: 's1',
			durationMs: 300_000,
			endsAt: T0 + 300_000,
			remainingMs: null
		});
		expect(remainingMs(t, T0 + 60_000)).toBe(240_000);
	});

	it('+1 and +5 add to what is left, running or paused', () => {
		const t = startTimer('s1', 5, T0);
		const plusOne = extendTimer(t, 1, T0 + 100_000);
		expect(remainingMs(plusOne, T0 + 100_000)).toBe(260_000);
		expect(plusOne.durationMs).toBe(360_000);
		const held = pauseTimer(plusOne, T0 + 200_000);
		const plusFive = extendTimer(held, 5, T0 + 900_000);
		expect(timerPhase(plusFive, T0 + 900_000)).toBe('paused');
		expect(remainingMs(plusFive, T0 + 900_000)).toBe(160_000 + 300_000);
	});

	it('+1 after the end runs one more minute from now', () => {
		const t = startTimer('s1', 1, T0);
		const after = extendTimer(t, 1, T0 + 120_000);
		expect(after.endsAt).toBe(T0 + 180_000);
		expect(timerPhase(after, T0 + 120_000)).toBe('running');
	});

	it('never holds more than the record allows', () => {
		let t = startTimer('s1', 60, T0);
		for (let i = 0; i < 40; i++) t = extendTimer(t, 5, T0);
		expect(remainingMs(t, T0)).toBe(TIMER_HOLD_MAX_MS);
		expect(timerSchema.safeParse(t).success).toBe(true);
	});

	it('pause holds, resume runs on: every client reads the same remaining time whatever its skew', () => {
		const t = startTimer('s1', 10, T0);
		const held = pauseTimer(t, T0 + 90_000);
		expect(held).toMatchObject({ endsAt: null, remainingMs: 510_000 });
		expect(pauseTimer(held, T0 + 200_000)).toBe(held);
		const again = resumeTimer(held, T0 + 400_000);
		expect(again).toMatchObject({ endsAt: T0 + 910_000, remainingMs: null });
		expect(resumeTimer(again, T0 + 500_000)).toBe(again);
		// Two clients, one 40 s slow and one 25 s fast, each corrected by its estimated offset.
		for (const skew of [-40_000, 25_000]) {
			const local = T0 + 500_000 + skew;
			const offset = estimateOffset([
				{ sentAt: local - 10, serverNow: T0 + 500_000, receivedAt: local + 10 }
			]);
			expect(remainingMs(again, local + offset)).toBe(410_000);
			expect(remainingMs(held, local + offset)).toBe(510_000);
		}
	});

	it('pausing an ended timer leaves it ended', () => {
		const t = startTimer('s1', 1, T0);
		expect(pauseTimer(t, T0 + 60_000)).toBe(t);
		expect(timerPhase(pauseTimer(t, T0 + 70_000), T0 + 70_000)).toBe('ended');
	});
});

describe('what the room hears', () => {
	it('one announcement at one minute left and one at the end, never a tick', () => {
		const t = startTimer('s1', 2, 0);
		const sights = [0, 30_000, 59_000, 60_000, 61_000, 90_000, 119_000, 120_000, 121_000].map(
			(now) => ({ left: remainingMs(t, now)!, phase: timerPhase(t, now) })
		);
		const cues = sights.map((s, i) => timerCue(sights[i - 1] ?? null, s));
		expect(cues.filter(Boolean)).toEqual(['minute', 'end']);
		expect(cues[3]).toBe('minute');
		expect(cues[7]).toBe('end');
	});

	it('says nothing on opening a page late, on a pause, or after +1 brings it back', () => {
		expect(timerCue(null, { left: 30_000, phase: 'running' })).toBeNull();
		expect(timerCue({ left: 70_000, phase: 'running' }, { left: 70_000, phase: 'paused' })).toBe(
			null
		);
		expect(timerCue({ left: 0, phase: 'ended' }, { left: 60_000, phase: 'running' })).toBeNull();
		expect(timerCue({ left: 0, phase: 'ended' }, { left: 0, phase: 'ended' })).toBeNull();
	});
});
