/**
 * Runs `run(key)` at most once per `intervalMs` per key, and always once more after the last
 * call: a burst of calls costs one run now-ish and one at the end. For work one member's fast
 * writing would otherwise repeat per message (writing a round's progress into the board, which
 * every browser then receives).
 */
export function coalesce(intervalMs: number, run: (key: string) => void): (key: string) => void {
	const pending = new Map<string, NodeJS.Timeout>();
	return (key) => {
		if (pending.has(key)) return;
		const timer = setTimeout(() => {
			pending.delete(key);
			run(key);
		}, intervalMs);
		timer.unref();
		pending.set(key, timer);
	};
}
