import { openStore, type DB, type DocLog, type Store } from './db';
import { readConfig, type Config } from './config';
import { randomToken } from './auth/tokens';
import { ensureDemo } from './demo';
import { createAuthorize } from './realtime/authorize';
import { storedClientIds } from './realtime/client-ids';
import { coalesce } from './realtime/coalesce';
import type { PrivateHooks } from './realtime/private-doc';
import { ballotProgress, PROGRESS_RECOUNT_MS } from './board/progress';
import { refreshProgress, roundOf } from './board/rounds';
import { silentIdeaProgress } from './board/silent-progress';
import { ideaRoundRules, refreshIdeaProgress, silentOpen } from './board/idea-rounds';
import { noteProgress, notesOpen, refreshNoteProgress } from './board/note-rounds';
import { boardRoom } from '$lib/workshop/rooms';
import { isBoardClosed } from '$lib/workshop/records/board-state';
import { RealtimeServer } from './realtime/server';
import { ensureSetting } from './services/settings';
import { startRetention } from './services/lifecycle';
import { readClusterConfig, startCluster, type Cluster } from './cluster';
import { getWorkshop } from './services/workshops';
import { affinityUpgrade } from './cluster/upgrade';
import { shareRateLimits } from './rate-limit';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface App {
	config: Config;
	store: Store;
	/** store.db and store.docs, named for the many callers that need only one. */
	db: DB;
	docs: DocLog;
	realtime: RealtimeServer;
	wsSecret: string;
	/** Which member each client id of a document is (the judge's; a reveal binds some too). */
	clientIds: ReturnType<typeof storedClientIds>;
	/** Path of the demo facilitator's login link, when the demo exists. */
	demoPath: string | null;
	/** Several processes behind a proxy (REDIS_URL set), or null for the single process. */
	cluster: Cluster | null;
	/** The WebSocket upgrade src/server.ts hands on: the realtime server's, behind affinity. */
	upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Snapshots every loaded document, closes the sockets, then the store; gives the leases back. */
	close(): Promise<void>;
}

/**
 * The process-wide application: one database, one realtime server. Kept on globalThis
 * because the production entry (src/server.ts), SvelteKit's bundle and Vite's dev module
 * graph each load this module separately but must share the same instance.
 */
const KEY = Symbol.for('samskapa.app');
type Holder = { [KEY]?: Promise<App> };

export function getApp(): Promise<App> {
	const holder = globalThis as Holder;
	holder[KEY] ??= createApp();
	return holder[KEY];
}

async function createApp(config = readConfig()): Promise<App> {
	const store = await openStore({
		databasePath: config.databasePath,
		databaseUrl: config.databaseUrl ?? undefined,
		poolSize: config.databasePoolSize,
		statementTimeoutMs: config.databaseQueryTimeoutMs
	});
	const { db, docs } = store;
	const wsSecret = await ensureSetting(db, 'ws_secret', () => randomToken(32));
	const clusterConfig = readClusterConfig();
	const cluster = clusterConfig
		? await startCluster(clusterConfig, {
				get rooms() {
					return realtime.rooms;
				},
				evictWorkshop: (workshopId) => realtime.evictWorkshop(workshopId),
				exists: async (workshopId) => (await getWorkshop(db, workshopId)) !== undefined
			})
		: null;
	// Join, sign-in, sign-up, import and export limits must hold however the proxy spreads requests.
	if (cluster) shareRateLimits(cluster.redis);
	// Later, outside the private document's transaction, since the count is written into the
	// board, and at most once per interval however fast one member scores.
	const writeProgress = coalesce(PROGRESS_RECOUNT_MS, (workshopId) => {
		const count = async () => {
			await refreshProgress({ db, realtime }, workshopId);
			await refreshIdeaProgress({ db, realtime }, workshopId);
			await refreshNoteProgress({ db, realtime }, workshopId);
		};
		count().catch((error: unknown) => console.error('[realtime] could not count progress', error));
	});
	const round = (workshopId: string, roundId: string) =>
		roundOf({ realtime }, workshopId, roundId) ?? ideaRoundRules({ realtime }, workshopId, roundId);
	const hooks: PrivateHooks = {
		round,
		silentOpen: (workshopId, areaId) => silentOpen({ realtime }, workshopId, areaId),
		ballotsChanged: (workshopId, membershipId, doc, roundIds) => {
			for (const id of roundIds) {
				const rules = round(workshopId, id);
				if (!rules) continue;
				const ballotRound = { id, type: rules.type, areaIds: rules.areaIds };
				ballotProgress(realtime).changed(workshopId, membershipId, doc, ballotRound);
			}
			writeProgress(workshopId);
		},
		closed: (workshopId) => isBoardClosed(realtime.loaded(boardRoom(workshopId))),
		notesOpen: (workshopId) => notesOpen({ realtime }, workshopId),
		notesChanged: (workshopId, membershipId, doc) => {
			noteProgress(realtime).changed(workshopId, membershipId, doc);
			writeProgress(workshopId);
		},
		ideasChanged: (workshopId, membershipId, doc) => {
			silentIdeaProgress(realtime).changed(workshopId, membershipId, doc);
			writeProgress(workshopId);
		}
	};
	const clientIds = storedClientIds(db);
	const realtime: RealtimeServer = new RealtimeServer(
		cluster ? cluster.affinity.guardStore(docs) : docs,
		createAuthorize(db, wsSecret, hooks, {
			rooms: () => realtime,
			clientIds
		}),
		{
			maxPayload: config.wsMaxPayload,
			maxSyncPayload: config.wsMaxSyncPayload,
			sockets: {
				socketsPerAddress: config.wsSocketsPerAddress,
				socketsPerMember: config.wsSocketsPerMember
			},
			refusalsPerMinute: config.wsRefusalsPerMinute
		}
	);
	const demoPath = config.demo ? await ensureDemo(db, docs) : null;
	if (demoPath) {
		console.log(`[samskapa] Demo workshop "Oskar 83": ${config.publicOrigin}${demoPath}`);
	}
	const stopRetention = await startRetention(
		{ store, realtime, cluster },
		config.retentionClosedMonths
	);
	const upgrade = realtime.handleUpgrade.bind(realtime);
	let closed = false;
	return {
		config,
		store,
		db,
		docs,
		realtime,
		wsSecret,
		clientIds,
		demoPath,
		cluster,
		upgrade: cluster ? affinityUpgrade(cluster.affinity, upgrade) : upgrade,
		async close() {
			if (closed) return;
			closed = true;
			stopRetention();
			try {
				await realtime.close();
				await store.close();
			} finally {
				// Given back only once every document is stored, so the next holder finds it all.
				await cluster?.stop();
			}
		}
	};
}
