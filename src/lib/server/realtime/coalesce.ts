/**
 * Runs `run(key)` at most once per `intervalMs` per key, and always once more after the last
 * call: a burst of calls costs one run now-ish and one at the end. For work that reads many
 * documents after each write (recounting a round's progress reads every member's private
 * document), so one member writing fast cannot make the server repeat it per message.
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
