import type { Redis } from 'ioredis';

/**
 * Exclusive leases on workshops in Redis, one key per workshop holding the owning process's
 * id with an expiry (docs/operations.md, "Room affinity"). Taken with SET NX PX, renewed and
 * given back only by the owner (compare-and-set in Lua), so a process that stalled past its
 * lease can never extend or drop the lease another process has taken since.
 *
 * Each process keeps a local deadline per lease, counted from before the request that took or
 * renewed it was sent, so it always ends before the key expires in Redis: `holds` turns false
 * at that deadline whether or not Redis can be reached, and the owner is told (`onLost`) at once.
 */
export interface LeaseOptions {
	redis: Redis;
	/** Unique per running process (a restart is a new process). */
	processId: string;
	leaseMs: number;
	/** Key prefix, so several installations may share one Redis. */
	prefix?: string;
	/** A monotonic clock in milliseconds. */
	now?: () => number;
}

// KEYS[1] the lease, ARGV[1] this process, ARGV[2] lease ms. 1: held now by this process.
const CLAIM = `
local owner = redis.call('get', KEYS[1])
if owner == false then
	redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
	return 1
end
if owner == ARGV[1] then
	redis.call('pexpire', KEYS[1], ARGV[2])
	return 1
end
return 0`;

const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then
	return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then
	return redis.call('del', KEYS[1])
end
return 0`;

interface Held {
	deadline: number;
	/** Fires at the deadline unless a renewal moved it. */
	expiry: NodeJS.Timeout;
}

export class WorkshopLeases {
	/** Called once when a lease this process held has ended without `release`. */
	onLost: (workshopId: string) => void = () => {};
	readonly leaseMs: number;
	readonly processId: string;
	#redis: Redis;
	#prefix: string;
	#now: () => number;
	#held = new Map<string, Held>();
	#claims = new Map<string, Promise<boolean>>();
	#renewer: NodeJS.Timeout | null = null;

	constructor(options: LeaseOptions) {
		this.#redis = options.redis;
		this.processId = options.processId;
		this.leaseMs = options.leaseMs;
		this.#prefix = options.prefix ?? 'samskapa:lease:';
		this.#now = options.now ?? (() => performance.now());
	}

	/** Renews every held lease a third of the lease time apart, until `stop`. */
	start() {
		this.#renewer ??= setInterval(() => void this.renewAll(), Math.max(1, this.leaseMs / 3));
		this.#renewer.unref();
	}

	/** True while this process may serve the workshop (its local deadline is ahead). */
	holds(workshopId: string): boolean {
		const held = this.#held.get(workshopId);
		return held !== undefined && held.deadline > this.#now();
	}

	/** Workshops this process holds now. */
	get held(): string[] {
		return [...this.#held.keys()].filter((id) => this.holds(id));
	}

	/** Takes (or keeps) the workshop's lease; false while another process holds it. */
	claim(workshopId: string): Promise<boolean> {
		if (this.holds(workshopId)) return Promise.resolve(true);
		let pending = this.#claims.get(workshopId);
		if (!pending) {
			pending = this.#claim(workshopId).finally(() => this.#claims.delete(workshopId));
			this.#claims.set(workshopId, pending);
		}
		return pending;
	}

	async #claim(workshopId: string): Promise<boolean> {
		const sentAt = this.#now();
		const taken = await this.#redis.eval(
			CLAIM,
			1,
			this.#key(workshopId),
			this.processId,
			this.leaseMs
		);
		if (taken !== 1) return false;
		this.#extend(workshopId, sentAt);
		return true;
	}

	/** Renews every held lease; one that is gone or cannot be renewed in time is lost. */
	async renewAll() {
		await Promise.all([...this.#held.keys()].map((id) => this.#renew(id)));
	}

	async #renew(workshopId: string) {
		const sentAt = this.#now();
		let renewed: unknown;
		try {
			renewed = await this.#redis.eval(
				RENEW,
				1,
				this.#key(workshopId),
				this.processId,
				this.leaseMs
			);
		} catch (error) {
			// Redis unreachable: keep serving until the local deadline, which the expiry timer enforces.
			console.error('[cluster] could not renew a lease', error);
			return;
		}
		if (!this.#held.has(workshopId)) return;
		if (renewed === 1) this.#extend(workshopId, sentAt);
		else this.#lose(workshopId);
	}

	/** Gives the lease back (only if still this process's), so another process may take it. */
	async release(workshopId: string) {
		const held = this.#held.get(workshopId);
		if (!held) return;
		clearTimeout(held.expiry);
		this.#held.delete(workshopId);
		await this.#redis.eval(RELEASE, 1, this.#key(workshopId), this.processId);
	}

	/** Stops renewing and gives back every lease (a clean shutdown). */
	async stop() {
		if (this.#renewer) clearInterval(this.#renewer);
		this.#renewer = null;
		await Promise.allSettled([...this.#held.keys()].map((id) => this.release(id)));
	}

	#extend(workshopId: string, sentAt: number) {
		const deadline = sentAt + this.leaseMs;
		const old = this.#held.get(workshopId);
		if (old) clearTimeout(old.expiry);
		const expiry = setTimeout(() => this.#lose(workshopId), Math.max(0, deadline - this.#now()));
		expiry.unref();
		this.#held.set(workshopId, { deadline, expiry });
	}

	#lose(workshopId: string) {
		const held = this.#held.get(workshopId);
		if (!held) return;
		clearTimeout(held.expiry);
		this.#held.delete(workshopId);
		try {
			this.onLost(workshopId);
		} catch (error) {
			console.error('[cluster] handling a lost lease failed', error);
		}
	}

	#key(workshopId: string) {
		return `${this.#prefix}${workshopId}`;
	}
}
