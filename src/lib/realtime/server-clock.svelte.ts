import { estimateOffset, type ClockSample } from '$lib/workshop/timer';

/**
 * This browser's estimate of the server's clock, for the step timer: a few readings of
 * /api/time when first needed, again when the tab comes back (a laptop that slept may have
 * had its clock corrected). Until the first reading the offset is 0, this clock as it is.
 */
class ServerClock {
	offset = $state(0);
	#syncing: Promise<void> | null = null;
	#listening = false;

	/** The server's time now, as well as this browser can tell. */
	now(): number {
		return Date.now() + this.offset;
	}

	sync(): Promise<void> {
		if (!this.#listening && typeof document !== 'undefined') {
			this.#listening = true;
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.sync();
			});
		}
		this.#syncing ??= this.#read().finally(() => (this.#syncing = null));
		return this.#syncing;
	}

	async #read(): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < 3; i++) {
			const sentAt = Date.now();
			try {
				const response = await fetch('/api/time', { cache: 'no-store' });
				const body = (await response.json()) as { now?: unknown };
				if (typeof body.now === 'number') {
					samples.push({ sentAt, serverNow: body.now, receivedAt: Date.now() });
				}
			} catch {
				// Offline: keep the last estimate; the next visibility change tries again.
				return;
			}
		}
		if (samples.length > 0) this.offset = estimateOffset(samples);
	}
}

export const serverClock = new ServerClock();
