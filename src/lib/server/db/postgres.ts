/**
 * PostgreSQL as the store (DATABASE_URL=postgres://…): a pg Pool, drizzle over schema.pg.ts,
 * the migrations of drizzle/pg applied at start, and the Yjs doc log.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { join, resolve } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { LOAD_ORIGIN, type DocLog } from '../realtime/doc-store';
import {
	postgresDefaults,
	registerDb,
	type DB,
	type Store,
	type StoreConfig,
	type Tables
} from './index';
import * as schema from './schema.pg';

export type PgDB = NodePgDatabase<typeof schema>;

export interface PostgresOptions {
	/** Connections in the pool (DATABASE_POOL_SIZE). */
	poolSize?: number;
	/** A statement running longer is cancelled (DATABASE_QUERY_TIMEOUT_MS); 0 for never. */
	statementTimeoutMs?: number;
	/** drizzle/pg by default. */
	migrationsFolder?: string;
}

export interface PostgresStore extends Store {
	readonly dialect: 'postgres';
	/** The pool itself, for what only PostgreSQL has (room leases, tests). */
	readonly pool: pg.Pool;
}

/**
 * The tables a deletion touches (lifecycle.ts: the doc log, snapshots, client ids, the
 * workshop and what cascades from it), vacuumed by `scrub`.
 */
const SCRUBBED = 'doc_updates, doc_snapshots, doc_clients, workshops, memberships, links';

/**
 * Opens PostgreSQL, applies drizzle/pg's migrations and returns the store. `db` is drizzle's
 * node-postgres database typed as the SQLite one (db/index.ts DB): services use only the
 * builder methods both share, and reach the tables through tablesOf(db), which finds
 * schema.pg.ts's here, for `db` and for every transaction's `tx`.
 */
export async function openPostgresStore(
	url: string,
	config: Omit<StoreConfig, 'databaseUrl' | 'databasePath'> & PostgresOptions = {}
): Promise<PostgresStore> {
	const { pool, db } = await openPostgresPool(url, {
		...config,
		migrationsFolder: join(config.migrationsFolder ?? resolve('drizzle'), 'pg')
	});
	let closing: Promise<void> | null = null;
	const store: PostgresStore = {
		dialect: 'postgres',
		db: db as unknown as DB,
		tables: schema as unknown as Tables,
		pool,
		docs: new PostgresDocLog(pool),
		transaction: (fn) =>
			db.transaction((tx) => {
				registerDb(tx, store, true);
				return fn(tx as unknown as DB);
			}),
		// Dead rows are removed now rather than whenever autovacuum comes by. Plain VACUUM takes
		// no lock that stops writers (FULL would stop every room's appends while it rewrites the
		// log); what PostgreSQL still keeps (freed page space until reused, WAL until recycled)
		// is in docs/operations.md.
		scrub: async () => {
			await maintenance(url, (client) => client.query(`VACUUM ${SCRUBBED}`));
		},
		close: () => (closing ??= pool.end())
	};
	registerDb(db, store, false);
	return store;
}

/**
 * Any number (one per process) serialising migrations: three processes starting at once wait
 * for each other here instead of racing to create the same tables.
 */
const MIGRATION_LOCK = 0x5a4d5350; // 'SMSP'

const INT8 = 20;

/**
 * int8 comes back as a JS number, as SQLite's integers do: counts (`count(*)` is int8) and the
 * log's ids stay numbers in the services; node-postgres gives strings otherwise. Exact up to
 * 2^53, far beyond any count or log id here.
 */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/**
 * Runs `fn` on a connection of its own, outside the pool: migrations and VACUUM may rightly
 * take longer than the statement timeout that guards the pool's requests.
 */
async function maintenance<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url, types });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

/**
 * Applies every pending migration, one process at a time: a session advisory lock, released
 * with the connection however the migration ends.
 */
function migrateLocked(url: string, migrationsFolder: string) {
	return maintenance(url, async (client) => {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		// drizzle's migrator runs the pending migrations in one transaction.
		await migrate(drizzle(client, { schema }), { migrationsFolder });
	});
}

async function openPostgresPool(
	url: string,
	options: PostgresOptions = {}
): Promise<{ pool: pg.Pool; db: PgDB }> {
	const { poolSize, statementTimeoutMs } = { ...postgresDefaults, ...options };
	await migrateLocked(url, options.migrationsFolder ?? resolve('drizzle/pg'));
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize,
		statement_timeout: statementTimeoutMs || undefined,
		types
	});
	// An idle connection the server drops (restart, network) must not take the process down;
	// the pool replaces it on the next query.
	pool.on('error', (error) => console.error('[db] idle PostgreSQL connection failed', error));
	return { pool, db: drizzle(pool, { schema }) };
}

/**
 * The update log and snapshots in PostgreSQL. Named prepared statements, since `append` is on
 * the hot path of every keystroke; each resolves once PostgreSQL has committed it, so a room
 * that awaits `append` broadcasts only what is stored.
 */
export class PostgresDocLog implements DocLog {
	#pool: pg.Pool;

	constructor(pool: pg.Pool) {
		this.#pool = pool;
	}

	async append(docName: string, update: Uint8Array): Promise<number> {
		const result = await this.#pool.query<{ id: number }>({
			name: 'doc-log-append',
			text: 'INSERT INTO doc_updates (doc_name, "update") VALUES ($1, $2) RETURNING id',
			values: [docName, Buffer.from(update.buffer, update.byteOffset, update.byteLength)]
		});
		return result.rows[0]!.id;
	}

	/**
	 * Snapshot and tail are read in one repeatable-read transaction, so a compaction committed
	 * in between (by a process that held the room before) cannot make the tail miss updates.
	 */
	async loadInto(docName: string, doc: Y.Doc): Promise<number> {
		const client = await this.#pool.connect();
		let snapshot: { state: Buffer; last_update_id: number } | undefined;
		let tail: Array<{ id: number; update: Buffer }>;
		try {
			await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
			snapshot = (
				await client.query<{ state: Buffer; last_update_id: number }>({
					name: 'doc-log-snapshot',
					text: 'SELECT state, last_update_id FROM doc_snapshots WHERE doc_name = $1',
					values: [docName]
				})
			).rows[0];
			tail = (
				await client.query<{ id: number; update: Buffer }>({
					name: 'doc-log-tail',
					text: 'SELECT id, "update" FROM doc_updates WHERE doc_name = $1 AND id > $2 ORDER BY id',
					values: [docName, snapshot?.last_update_id ?? 0]
				})
			).rows;
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
		let lastId = snapshot?.last_update_id ?? 0;
		doc.transact(() => {
			if (snapshot) Y.applyUpdate(doc, snapshot.state);
			for (const row of tail) {
				Y.applyUpdate(doc, row.update);
				lastId = row.id;
			}
		}, LOAD_ORIGIN);
		return lastId;
	}

	/**
	 * Snapshot written and log pruned in one transaction: a crash leaves one or the other. A
	 * snapshot never replaces a newer one (a process that lost the room compacting late).
	 */
	async compact(docName: string, snapshot: Uint8Array, lastId: number): Promise<void> {
		const state = Buffer.from(snapshot);
		const client = await this.#pool.connect();
		try {
			await client.query('BEGIN');
			await client.query({
				name: 'doc-log-upsert-snapshot',
				text: `INSERT INTO doc_snapshots (doc_name, state, last_update_id, updated_at)
					VALUES ($1, $2, $3, now())
					ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state,
					  last_update_id = excluded.last_update_id, updated_at = excluded.updated_at
					WHERE doc_snapshots.last_update_id <= excluded.last_update_id`,
				values: [docName, state, lastId]
			});
			await client.query({
				name: 'doc-log-prune',
				text: 'DELETE FROM doc_updates WHERE doc_name = $1 AND id <= $2',
				values: [docName, lastId]
			});
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
	}
}
