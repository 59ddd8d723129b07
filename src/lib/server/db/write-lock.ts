/**
 * One SQLite connection serves the whole process, and better-sqlite3 runs a transaction on that
 * connection: any statement issued while a transaction is open becomes part of it (and is rolled
 * back with it), and sees what it wrote before it commits. An async transaction body yields at
 * every `await`, so other requests would slip their statements in. The lock serialises
 * transactions, and every statement outside one (the doc log's appends and loads, drizzle's
 * writes and reads through the store's `db`) runs only while no transaction is open:
 * at once when the lock is free (no promise, the hot path stays synchronous), or right after the
 * holder commits, in the order they asked, before the next transaction begins.
 */
export class WriteLock {
	#held = false;
	#queue: Array<{ transaction: boolean; go: () => void }> = [];

	get held(): boolean {
		return this.#held;
	}

	/** Runs `body` holding the lock; transactions run one at a time, in the order they asked. */
	async run<T>(body: () => Promise<T>): Promise<T> {
		if (this.#held) {
			await new Promise<void>((go) => this.#queue.push({ transaction: true, go }));
		}
		this.#held = true;
		try {
			return await body();
		} finally {
			this.#release();
		}
	}

	/** Runs `fn` synchronously when the lock is free; otherwise just after the holder releases it. */
	whenFree<T>(fn: () => T): T | Promise<T> {
		if (!this.#held) return fn();
		return new Promise<T>((resolve, reject) => {
			this.#queue.push({
				transaction: false,
				go: () => {
					try {
						resolve(fn());
					} catch (error) {
						reject(error);
					}
				}
			});
		});
	}

	#release() {
		this.#held = false;
		while (this.#queue.length > 0) {
			const next = this.#queue.shift()!;
			if (next.transaction) {
				// Held from now, so a write asked for before the transaction resumes waits for it.
				this.#held = true;
				next.go();
				return;
			}
			next.go();
		}
	}
}
