/**
 * Runs tasks of one key one after another, tasks of different keys side by side; a key is
 * forgotten once its last task settled.
 */
export class OneAtATime {
	#tails = new Map<string, Promise<void>>();

	run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const result = (this.#tails.get(key) ?? Promise.resolve()).then(task);
		const tail = result.then(
			() => {},
			() => {}
		);
		this.#tails.set(key, tail);
		void tail.then(() => {
			if (this.#tails.get(key) === tail) this.#tails.delete(key);
		});
		return result;
	}

	/** Keys with a task running or waiting. */
	get size(): number {
		return this.#tails.size;
	}
}
