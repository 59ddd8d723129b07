/**
 * `run` for many callers, started at most once per `gapMs`: a caller shares the next run that
 * starts after its call (so whatever it did before calling is covered), and a run never
 * overlaps another. For a job that blocks the process in proportion to the whole store (SQLite's
 * VACUUM): one per deletion let anyone who can create and delete workshops stall every room in
 * a loop; paced, deletions in a burst share one run.
 */
export function paced(
	run: () => Promise<void>,
	gapMs: number,
	clock: { now(): number; wait(ms: number): Promise<void> } = {
		now: () => Date.now(),
		wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
	}
): () => Promise<void> {
	/** The run callers now join: not started yet. */
	let next: Promise<void> | null = null;
	let running: Promise<void> | null = null;
	let lastStart = Number.NEGATIVE_INFINITY;
	async function start() {
		// After the caller below set `next`: this run sets it back once it has started.
		await Promise.resolve();
		if (running) await running.catch(() => {});
		const delay = lastStart + gapMs - clock.now();
		if (delay > 0) await clock.wait(delay);
		lastStart = clock.now();
		// A throw becomes this run's rejection, never a `next` left set for good.
		const current = (async () => run())();
		running = current;
		// From here on a caller's change may come after this run started: it waits for the next.
		next = null;
		try {
			await current;
		} finally {
			if (running === current) running = null;
		}
	}
	return () => (next ??= start());
}
