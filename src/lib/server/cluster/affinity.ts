import type { Redis } from 'ioredis';
import { parseRoom } from '$lib/workshop/rooms';
import type { WorkshopLeases } from './leases';

/** What affinity needs of the realtime server: which rooms are loaded, and dropping a workshop. */
export interface ServedRooms {
	readonly rooms: ReadonlyMap<string, unknown>;
	/** Closes the workshop's sockets with a code clients reconnect after, and forgets its rooms. */
	evictWorkshop(workshopId: string): void;
	/** Whether a workshop of this id exists (asked before taking a lease for it). */
	exists?(workshopId: string): Promise<boolean>;
}

export interface AffinityOptions {
	/** A lease no room and no request has used for this long is given back (default 30 s). */
	idleMs?: number;
	/**
	 * A second connection, in subscriber mode, for hand-over requests; without it a workshop
	 * stays with its holder until that process lets it go.
	 */
	subscriber?: Redis;
	/** The connection hand-over requests are published on (the leases' own connection). */
	publisher?: Redis;
	channel?: string;
	now?: () => number;
}

/**
 * Room affinity for several app processes (docs/operations.md): a workshop's board and private
 * rooms, and the HTTP routes that edit them, are served only by the process holding its lease.
 *
 * Hand-over: the proxy sends a workshop to one process by hashing its id, but another process
 * may hold it (it took it over while the first was down). The process that is asked and cannot
 * take it publishes a request; the holder, once it has held the workshop for a lease time (so
 * two processes cannot bounce it back and forth), closes its sockets and gives the lease back,
 * and its clients reconnect through the proxy to the asking process.
 */
export class WorkshopAffinity {
	#lastUsed = new Map<string, number>();
	#heldSince = new Map<string, number>();
	#asked = new Map<string, number>();
	#handOvers = new Map<string, NodeJS.Timeout>();
	/** Workshops being deleted, settled once the deletion is committed (see pin). */
	#pins = new Map<string, Promise<void>>();
	#sweeper: NodeJS.Timeout | null = null;
	#idleMs: number;
	#now: () => number;
	#channel: string;

	constructor(
		readonly leases: WorkshopLeases,
		private readonly served: ServedRooms,
		private readonly options: AffinityOptions = {}
	) {
		this.#idleMs = options.idleMs ?? 30_000;
		this.#now = options.now ?? (() => performance.now());
		this.#channel = options.channel ?? 'samskapa:handover';
		leases.onLost = (workshopId) => {
			console.warn(`[cluster] lost the lease of workshop ${workshopId}: closing its sockets`);
			this.#stopServing(workshopId);
		};
	}

	/** Starts renewing leases, giving back idle ones and answering hand-over requests. */
	async start() {
		this.leases.start();
		this.#sweeper ??= setInterval(() => void this.#sweep(), this.leases.leaseMs);
		this.#sweeper.unref();
		const subscriber = this.options.subscriber;
		if (subscriber) {
			subscriber.on('message', (channel: string, workshopId: string) => {
				if (channel === this.#channel) this.#handOver(workshopId);
			});
			await subscriber.subscribe(this.#channel);
		}
	}

	/**
	 * True when this process serves the workshop now (holding or taking its lease), or when no
	 * such workshop exists (nothing to serve: the route answers). False while
	 * another holds it: the caller refuses, and unless `ask` is false the holder is asked to hand
	 * it over (only for requests the proxy routed here by the workshop's hash: anything else
	 * would move a live workshop away from the process its people reach).
	 */
	async admit(workshopId: string, { ask = true }: { ask?: boolean } = {}): Promise<boolean> {
		let ok: boolean;
		try {
			// Any id in a path, before anyone signed in: a lease for each id that names no
			// workshop would be renewed in Redis until it idled out. The route answers 404.
			if (!this.holds(workshopId) && this.served.exists) {
				if (!(await this.served.exists(workshopId))) return true;
			}
			ok = await this.leases.claim(workshopId);
		} catch (error) {
			console.error('[cluster] could not claim a workshop', error);
			return false;
		}
		const now = this.#now();
		if (ok) {
			if (!this.#heldSince.has(workshopId)) {
				// Whatever of the workshop this process still has in memory is from before another
				// process served it: load it afresh from the store.
				this.served.evictWorkshop(workshopId);
				this.#heldSince.set(workshopId, now);
				console.log(`[cluster] serving workshop ${workshopId}`);
			}
			this.#lastUsed.set(workshopId, now);
		} else if (ask) {
			this.#ask(workshopId, now);
		}
		return ok;
	}

	/**
	 * Runs `work` (retention's deletion) while the workshop's lease is kept: a hand-over or the
	 * idle sweep given it meanwhile waits until `work` is done. Released before the deletion is
	 * committed, the lease would let another process load the rows still there, and a socket it
	 * authenticated before the commit append to the log of a deleted workshop.
	 */
	async pin<T>(workshopId: string, work: () => Promise<T>): Promise<T> {
		await this.#unpinned(workshopId);
		let unpin!: () => void;
		this.#pins.set(workshopId, new Promise<void>((resolve) => (unpin = resolve)));
		try {
			return await work();
		} finally {
			this.#pins.delete(workshopId);
			unpin();
		}
	}

	async #unpinned(workshopId: string) {
		for (let pin = this.#pins.get(workshopId); pin; pin = this.#pins.get(workshopId)) await pin;
	}

	/** True while this process may store the workshop's updates. */
	holds(workshopId: string): boolean {
		return this.leases.holds(workshopId);
	}

	/**
	 * The store the realtime server writes through: every write of a document whose workshop
	 * this process does not hold (its lease ran out, or never was) fails like a storage error,
	 * so the room drops itself and nothing is broadcast that another process might not have.
	 */
	guardStore<T extends object>(store: T, writes: readonly string[] = ['append', 'compact']): T {
		const holds = (docName: unknown) => {
			const workshopId = typeof docName === 'string' ? parseRoom(docName)?.workshopId : null;
			return workshopId ? this.holds(workshopId) : false;
		};
		return new Proxy(store, {
			get(target, property, receiver) {
				const value: unknown = Reflect.get(target, property, receiver);
				if (typeof value !== 'function') return value;
				if (typeof property !== 'string' || !writes.includes(property)) return value.bind(target);
				return (docName: unknown, ...rest: unknown[]) => {
					if (!holds(docName)) {
						throw new Error(`not storing ${String(docName)}: this process does not hold it`);
					}
					return (value as (...args: unknown[]) => unknown).call(target, docName, ...rest);
				};
			}
		});
	}

	/** Stops serving and gives back every workshop (a clean shutdown). */
	async stop() {
		if (this.#sweeper) clearInterval(this.#sweeper);
		this.#sweeper = null;
		for (const timer of this.#handOvers.values()) clearTimeout(timer);
		this.#handOvers.clear();
		await Promise.all(this.#pins.values());
		await this.options.subscriber?.unsubscribe().catch(() => {});
		await this.leases.stop();
	}

	#ask(workshopId: string, now: number) {
		const publisher = this.options.publisher;
		if (!publisher) return;
		const last = this.#asked.get(workshopId);
		if (last !== undefined && now - last < this.leases.leaseMs) return;
		this.#asked.set(workshopId, now);
		publisher.publish(this.#channel, workshopId).catch((error: unknown) => {
			console.error('[cluster] could not ask for a hand-over', error);
		});
		if (this.#asked.size > 10_000) this.#asked.clear();
	}

	/** Gives the workshop back once it has held it for a lease time (at once, if it has). */
	#handOver(workshopId: string) {
		const since = this.#heldSince.get(workshopId);
		if (since === undefined || !this.holds(workshopId) || this.#handOvers.has(workshopId)) return;
		const wait = Math.max(0, Math.ceil(since + this.leases.leaseMs - this.#now()));
		const timer = setTimeout(() => {
			this.#handOvers.delete(workshopId);
			// Still the same holding: not lost and taken again meanwhile.
			if (this.#heldSince.get(workshopId) !== since) return;
			// A timer may fire a fraction of a millisecond before its time: wait out the rest.
			if (this.#now() < since + this.leases.leaseMs) this.#handOver(workshopId);
			else void this.#giveBack(workshopId);
		}, wait);
		timer.unref();
		this.#handOvers.set(workshopId, timer);
	}

	/** Gives back leases of workshops with no loaded room that no request used for a while. */
	async #sweep() {
		const inUse = new Set<string>();
		for (const name of this.served.rooms.keys()) {
			const workshopId = parseRoom(name)?.workshopId;
			if (workshopId) inUse.add(workshopId);
		}
		const now = this.#now();
		for (const workshopId of this.leases.held) {
			if (inUse.has(workshopId) || this.#pins.has(workshopId)) continue;
			if (now - (this.#lastUsed.get(workshopId) ?? 0) < this.#idleMs) continue;
			await this.#giveBack(workshopId);
		}
	}

	async #giveBack(workshopId: string) {
		await this.#unpinned(workshopId);
		console.log(`[cluster] giving workshop ${workshopId} back`);
		// Sockets first: from here on this process stores nothing of the workshop.
		this.#stopServing(workshopId);
		try {
			await this.leases.release(workshopId);
		} catch (error) {
			// It expires on its own within the lease time.
			console.error('[cluster] could not give a lease back', error);
		}
	}

	#stopServing(workshopId: string) {
		this.#heldSince.delete(workshopId);
		this.#lastUsed.delete(workshopId);
		this.served.evictWorkshop(workshopId);
	}
}
