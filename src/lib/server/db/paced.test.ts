import { describe, expect, it } from 'vitest';
import { paced } from './paced';

/** A clock the test moves: `wait` resolves once `advance` passes its time. */
function testClock() {
	let now = 0;
	const waiting: { at: number; resolve: () => void }[] = [];
	return {
		now: () => now,
		wait: (ms: number) => new Promise<void>((resolve) => waiting.push({ at: now + ms, resolve })),
		advance(ms: number) {
			now += ms;
			for (const w of waiting.splice(0)) {
				if (w.at <= now) w.resolve();
				else waiting.push(w);
			}
		},
		get waiting() {
			return waiting.length;
		}
	};
}

/** A run the test finishes by hand, counting how many started. */
function runs() {
	const started: (() => void)[] = [];
	return {
		run: () => new Promise<void>((resolve) => started.push(resolve)),
		started,
		finish: (i: number) => started[i]!()
	};
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('paced', () => {
	it('runs at once the first time, and callers during a run share one later run', async () => {
		const clock = testClock();
		const r = runs();
		const scrub = paced(r.run, 5000, clock);
		const first = scrub();
		await settle();
		expect(r.started).toHaveLength(1);
		// A burst while the first runs: one more run for all of them, not one each.
		const burst = Array.from({ length: 20 }, () => scrub());
		r.finish(0);
		await first;
		await settle();
		expect(r.started).toHaveLength(1);
		expect(clock.waiting).toBe(1);
		clock.advance(5000);
		await settle();
		expect(r.started).toHaveLength(2);
		r.finish(1);
		await Promise.all(burst);
		expect(r.started).toHaveLength(2);
	});

	it('resolves a caller only after a run that started after its call', async () => {
		const clock = testClock();
		const r = runs();
		const scrub = paced(r.run, 1000, clock);
		void scrub();
		await settle();
		let late = false;
		// Called while the first run is under way: its change may not be in that run.
		const second = scrub().then(() => (late = true));
		r.finish(0);
		await settle();
		expect(late).toBe(false);
		clock.advance(1000);
		await settle();
		r.finish(1);
		await second;
		expect(late).toBe(true);
	});

	it('passes a failed run to its callers and runs again for the next', async () => {
		const clock = testClock();
		let calls = 0;
		const scrub = paced(
			async () => {
				if (++calls === 1) throw new Error('disk full');
			},
			10,
			clock
		);
		await expect(scrub()).rejects.toThrow('disk full');
		const again = scrub();
		await settle();
		clock.advance(10);
		await again;
		expect(calls).toBe(2);
	});
});
