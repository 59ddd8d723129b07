import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { WorkshopAffinity, type ServedRooms } from './affinity';
import { WorkshopLeases } from './leases';

/** Several app processes behind a proxy (docs/operations.md); off unless REDIS_URL is set. */
export interface ClusterConfig {
	redisUrl: string;
	/** How long a workshop's lease lasts unrenewed: the bound on a move after `kill -9`. */
	leaseMs: number;
	/** Names this process in Redis; unique per running process. */
	processId: string;
}

const positive = (value: string | undefined, fallback: number) => {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function readClusterConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig | null {
	const redisUrl = env.REDIS_URL?.trim();
	if (!redisUrl) return null;
	return {
		redisUrl,
		leaseMs: positive(env.CLUSTER_LEASE_MS, 10_000),
		processId: env.CLUSTER_PROCESS_ID?.trim() || `${hostname()}:${process.pid}:${randomUUID()}`
	};
}

export interface Cluster {
	config: ClusterConfig;
	/** The connection for commands (leases, rate limits). */
	redis: Redis;
	affinity: WorkshopAffinity;
	stop(): Promise<void>;
}

/** Connects to Redis and starts serving workshops by lease. */
export async function startCluster(config: ClusterConfig, served: ServedRooms): Promise<Cluster> {
	const options = {
		// A command fails after one reconnect attempt rather than waiting in the offline queue
		// until Redis is back. No command timeout: a reply late only because this process was
		// busy is still good, and a lease whose renewal hangs ends at its local deadline anyway.
		maxRetriesPerRequest: 1,
		lazyConnect: true
	};
	// Only a deployment with REDIS_URL pays for ioredis (about 40 modules and their heap).
	const { Redis } = await import('ioredis');
	const redis = new Redis(config.redisUrl, options);
	const subscriber = new Redis(config.redisUrl, options);
	for (const [name, connection] of [
		['commands', redis],
		['hand-over', subscriber]
	] as const) {
		connection.on('error', (error: Error) =>
			console.error(`[cluster] redis (${name}): ${error.message}`)
		);
	}
	await Promise.all([redis.connect(), subscriber.connect()]);
	const leases = new WorkshopLeases({
		redis,
		processId: config.processId,
		leaseMs: config.leaseMs
	});
	const affinity = new WorkshopAffinity(leases, served, { subscriber, publisher: redis });
	await affinity.start();
	console.log(`[cluster] process ${config.processId}, leases of ${config.leaseMs} ms`);
	return {
		config,
		redis,
		affinity,
		async stop() {
			await affinity.stop();
			subscriber.disconnect();
			await redis.quit().catch(() => redis.disconnect());
		}
	};
}
