import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { DocLog } from '../realtime/doc-store';
import * as schema from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The drizzle database every service uses. Typed as the SQLite one; on PostgreSQL it is a
 * node-postgres drizzle database over the tables in `Store.tables`. Use only builder methods
 * both dialects share (select/insert/update/delete, where, orderBy, limit, returning,
 * onConflictDoUpdate/onConflictDoNothing) and `await` the query; never .get()/.all()/.run()/
 * .values(), which exist on SQLite only.
 */
export type DB = BetterSQLite3Database<typeof schema>;

/** The table objects of one dialect (schema.ts or schema.pg.ts): same names, same JS types. */
export type Tables = typeof schema;

export type { DocLog };

/** Where the application keeps everything: SQLite (the default) or PostgreSQL. */
export interface Store {
	readonly dialect: Dialect;
	readonly db: DB;
	readonly tables: Tables;
	/**
	 * Runs `fn` in one transaction: committed when its promise resolves, rolled back when it
	 * rejects. Inside, use only `tx` (on SQLite a write through `db` would wait for this very
	 * transaction to end: db/write-lock.ts).
	 */
	transaction<T>(fn: (tx: DB) => Promise<T>): Promise<T>;
	/** Yjs update log and snapshots. */
	readonly docs: DocLog;
	/**
	 * After a deletion, leaves no byte of the deleted rows in the store's files (a deleted
	 * workshop is gone, not only unlisted). SQLite: VACUUM and a WAL checkpoint.
	 */
	scrub(): Promise<void>;
	close(): Promise<void>;
}

export interface StoreConfig {
	/** The SQLite file (or ':memory:'); used when `databaseUrl` is not a PostgreSQL URL. */
	databasePath?: string;
	/** `postgres://…` or `postgresql://…` chooses PostgreSQL. */
	databaseUrl?: string;
	/** SQLite's migrations; PostgreSQL's are in its `pg/` subfolder. */
	migrationsFolder?: string;
	/** PostgreSQL only: connections in the pool (db/postgres.ts). */
	poolSize?: number;
	/** PostgreSQL only: a statement running longer is cancelled; 0 for never. */
	statementTimeoutMs?: number;
}

/** A pool of 10 per process and 30 s per statement unless configured (README, Configuration). */
export const postgresDefaults = { poolSize: 10, statementTimeoutMs: 30_000 };

export function isPostgresUrl(url: string | undefined): url is string {
	return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the configured store and applies its migrations. */
export async function openStore(config: StoreConfig): Promise<Store> {
	if (isPostgresUrl(config.databaseUrl)) {
		const { openPostgresStore } = await import('./postgres');
		return openPostgresStore(config.databaseUrl, config);
	}
	const { openSqliteStore } = await import('./sqlite');
	return openSqliteStore(config.databasePath ?? './data/samskapa.db', config.migrationsFolder);
}

/**
 * Which store a `db` belongs to, for the many services given only a DB: the store's `db` and
 * every transaction's `tx` are registered (registerDb), so tablesOf() and transaction() work
 * on either.
 */
const stores = new WeakMap<object, { store: Store; inTransaction: boolean }>();

export function registerDb(db: object, store: Store, inTransaction: boolean) {
	stores.set(db, { store, inTransaction });
}

function storeOf(db: DB) {
	const found = stores.get(db);
	if (!found) throw new Error('this database was not opened through openStore');
	return found;
}

/** The tables of the store `db` belongs to (schema.ts or schema.pg.ts). */
export function tablesOf(db: DB): Tables {
	return storeOf(db).store.tables;
}

/** Runs `fn` in a transaction of `db`'s store; inside one already (`db` is a `tx`), in that one. */
export function transaction<T>(db: DB, fn: (tx: DB) => Promise<T>): Promise<T> {
	const { store, inTransaction } = storeOf(db);
	return inTransaction ? fn(db) : store.transaction(fn);
}

/** A unique index refused the row (SQLite's and PostgreSQL's codes). */
export function isUniqueViolation(error: unknown): boolean {
	// drizzle wraps the driver's error (DrizzleQueryError) with the original as its cause.
	const causes = [error, (error as { cause?: unknown } | null)?.cause];
	return causes.some((e) => {
		const code = (e as { code?: string } | null)?.code;
		return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
	});
}

export { schema };
