import { TIMER_MINUTES_MAX, type Timer } from './records/facilitation';

/**
 * The step timer's arithmetic, on the server's clock. The timer (records/facilitation.ts)
 * holds server times; a client reads it with `serverNow = Date.now() + offset`, where the
 * offset is estimated from the server's clock (`estimateOffset`).
 */

/** What is left of a timer at `serverNow`, in ms (null: no timer). Never below zero. */
export function remainingMs(timer: Timer | null, serverNow: number): number | null {
	if (!timer) return null;
	if (timer.endsAt === null) return Math.max(0, timer.remainingMs ?? 0);
	return Math.max(0, timer.endsAt - serverNow);
}

export type TimerPhase = 'none' | 'running' | 'paused' | 'ended';

export function timerPhase(timer: Timer | null, serverNow: number): TimerPhase {
	if (!timer) return 'none';
	if (timer.endsAt === null) return (timer.remainingMs ?? 0) > 0 ? 'paused' : 'ended';
	return timer.endsAt > serverNow ? 'running' : 'ended';
}

/** "4:05": minutes and seconds left, rounded up so "0:00" shows only at the end. */
export function formatClock(ms: number): string {
	const seconds = Math.ceil(Math.max(0, ms) / 1000);
	const minutes = Math.floor(seconds / 60);
	return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One reading of the server's clock: local time sent, the server's time, local time received. */
export interface ClockSample {
	sentAt: number;
	serverNow: number;
	receivedAt: number;
}

/**
 * The server's clock minus ours, from the sample with the shortest round trip (its midpoint
 * is the best guess of when the server read its clock); 0 with no sample.
 */
export function estimateOffset(samples: readonly ClockSample[]): number {
	let best: ClockSample | null = null;
	for (const s of samples) {
		if (s.receivedAt < s.sentAt) continue;
		if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
	}
	return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : 0;
}

/**
 * The longest a timer may hold, extensions included: the schema's bound in
 * records/facilitation.ts, so +5 on a long timer stays a valid record.
 */
export const TIMER_HOLD_MAX_MS = 3 * TIMER_MINUTES_MAX * 60_000;
const MINUTE = 60_000;
const capped = (ms: number) => Math.min(TIMER_HOLD_MAX_MS, Math.max(0, Math.round(ms)));

/** A timer of `minutes` for `stepId`, running from the server's `now`. */
export function startTimer(stepId: string, minutes: number, now: number): Timer {
	const ms = capped(minutes * MINUTE);
	return { stepId, durationMs: ms, endsAt: now + ms, remainingMs: null };
}

/**
 * `minutes` more: a running timer ends later, a paused one holds more, an ended one runs
 * again for `minutes` from now ("+1" after the bell gives the room one more minute).
 */
export function extendTimer(timer: Timer, minutes: number, now: number): Timer {
	const add = minutes * MINUTE;
	const left = remainingMs(timer, now) ?? 0;
	const total = capped(left + add);
	const durationMs = Math.max(1, capped(timer.durationMs + total - left));
	if (timer.endsAt === null && left > 0) return { ...timer, durationMs, remainingMs: total };
	return { ...timer, durationMs, endsAt: now + total, remainingMs: null };
}

/** Holds what is left; a paused or ended timer is unchanged. */
export function pauseTimer(timer: Timer, now: number): Timer {
	if (timer.endsAt === null || timer.endsAt <= now) return timer;
	return { ...timer, endsAt: null, remainingMs: timer.endsAt - now };
}

/** Runs a paused timer on from `now`; a running or ended timer is unchanged. */
export function resumeTimer(timer: Timer, now: number): Timer {
	if (timer.endsAt !== null || !timer.remainingMs) return timer;
	return { ...timer, endsAt: now + timer.remainingMs, remainingMs: null };
}

/** What a page last saw of the timer. */
export interface TimerSight {
	left: number;
	phase: TimerPhase;
}

/**
 * What to tell the room between two sights of the timer: "minute" when it crossed one minute
 * left while running, "end" when it ran out; null otherwise, so a page opened late, a pause or
 * an extension says nothing, and nothing ticks.
 */
export function timerCue(before: TimerSight | null, now: TimerSight): 'minute' | 'end' | null {
	if (!before) return null;
	if (before.phase === 'running' && now.phase === 'ended') return 'end';
	if (now.phase === 'running' && before.left > 60_000 && now.left <= 60_000) return 'minute';
	return null;
}
