export interface Throttled {
	/** Runs now when the last run is at least `ms` ago, else once when the window ends. */
	call(): void;
	cancel(): void;
}

/** Leading-and-trailing throttle: bursts of calls become at most one run per `ms`. */
export function throttle(fn: () => void, ms: number, now: () => number = Date.now): Throttled {
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const run = () => {
		timer = null;
		last = now();
		fn();
	};
	return {
		call() {
			if (timer !== null) return;
			const wait = last + ms - now();
			if (wait <= 0) run();
			else timer = setTimeout(run, wait);
		},
		cancel() {
			if (timer !== null) clearTimeout(timer);
			timer = null;
		}
	};
}
