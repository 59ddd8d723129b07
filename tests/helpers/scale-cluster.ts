/**
 * Everything several app processes need, on loopback (docs/operations.md): a throwaway
 * PostgreSQL cluster, redis-server, N app processes sharing both, and HAProxy running
 * deploy/haproxy.cfg in front. Used by the scale-out test and bench:scale-out.
 */
import { Redis } from 'ioredis';
import { haproxyBinary, startHaproxy, type TestProxy } from './haproxy.ts';
import { createDatabase, postgresBinDir, startCluster, type Cluster } from './postgres.ts';
import { freePort } from './ports.ts';
import { redisBinary, startRedis, type TestRedis } from './redis.ts';
import { startServer, tempDbPath, type TestServer } from './server.ts';
import type { TestDatabase } from './store.ts';

/**
 * The store the processes share: PostgreSQL, the store for several processes; or, with
 * SCALE_OUT_STORE=sqlite, one SQLite file, which WAL lets processes on one machine share.
 */
export const scaleOutStore = process.env.SCALE_OUT_STORE === 'sqlite' ? 'sqlite' : 'postgres';

/** What is missing to run a scale-out on this machine (empty: everything is there). */
export function missingForScaleOut(): string[] {
	return [
		postgresBinDir() || scaleOutStore === 'sqlite' ? null : 'postgresql',
		redisBinary ? null : 'redis-server',
		haproxyBinary ? null : 'haproxy'
	].filter((name): name is string => name !== null);
}

export interface ScaleOptions {
	/** Fixed ports (a benchmark's); free ones when omitted, as tests take them. */
	pgPort?: number;
	redisPort?: number;
	proxyPort?: number;
	processes?: number;
	leaseMs: number;
	/** Extra environment for every app process. */
	env?: Record<string, string>;
}

export interface AppProcess extends TestServer {
	/** Its CLUSTER_PROCESS_ID, as written in the lease keys. */
	id: string;
}

export interface ScaleCluster {
	postgres: Cluster | null;
	database: TestDatabase;
	redisServer: TestRedis;
	redis: Redis;
	apps: AppProcess[];
	proxy: TestProxy;
	leaseMs: number;
	/** The process holding the workshop's lease, or null. */
	holderOf(workshopId: string): Promise<AppProcess | null>;
	stop(): Promise<void>;
}

export async function startScaleCluster(options: ScaleOptions): Promise<ScaleCluster> {
	const previousPort = process.env.TEST_PG_PORT;
	process.env.TEST_PG_PORT = String(options.pgPort ?? (await freePort()));
	const stops: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch(() => {});
	};
	try {
		let postgres: Cluster | null = null;
		let database: TestDatabase;
		if (scaleOutStore === 'postgres') {
			const binDir = postgresBinDir();
			if (!binDir) throw new Error('PostgreSQL binaries are missing (apt-get install postgresql)');
			const cluster = await startCluster(binDir);
			postgres = cluster;
			stops.push(() => cluster.stop());
			database = { store: 'postgres', url: await createDatabase(cluster.adminUrl) };
		} else {
			database = { store: 'sqlite', path: await tempDbPath() };
		}
		const redisServer = await startRedis(options.redisPort);
		stops.push(() => redisServer.stop());
		const redis = new Redis(redisServer.url);
		stops.push(async () => redis.disconnect());
		const env = {
			REDIS_URL: redisServer.url,
			CLUSTER_LEASE_MS: String(options.leaseMs),
			// Behind the proxy, the client's address is the last one it appends.
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1',
			...options.env
		};
		const apps: AppProcess[] = [];
		// One after the other: each runs the migrations (under PostgreSQL's advisory lock).
		for (let i = 1; i <= (options.processes ?? 3); i++) {
			const id = `app${i}`;
			const app = await startServer({ database, env: { ...env, CLUSTER_PROCESS_ID: id } });
			stops.push(() => app.stop());
			apps.push({ ...app, id });
		}
		const proxy = await startHaproxy(
			options.proxyPort,
			apps.map((app) => app.port)
		);
		stops.push(() => proxy.stop());
		return {
			postgres,
			database,
			redisServer,
			redis,
			apps,
			proxy,
			leaseMs: options.leaseMs,
			async holderOf(workshopId) {
				const id = await redis.get(`samskapa:lease:${workshopId}`);
				return apps.find((app) => app.id === id) ?? null;
			},
			stop: stopAll
		};
	} catch (error) {
		await stopAll();
		throw error;
	} finally {
		if (previousPort === undefined) delete process.env.TEST_PG_PORT;
		else process.env.TEST_PG_PORT = previousPort;
	}
}
