import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SqliteDocLog } from '../realtime/doc-store';
import { registerDb, type DB, type Store } from './index';
import * as schema from './schema';
import { paced } from './paced';
import { WriteLock } from './write-lock';

/** The least time between two scrubs (VACUUM) of the SQLite file. */
const SCRUB_GAP_MS = 5000;

export interface SqliteStore extends Store {
	readonly dialect: 'sqlite';
	/** The connection itself, for what only SQLite has (tests, the backup API). */
	readonly sqlite: Database.Database;
}

/**
 * Opens the SQLite file (creating its folder), turns on WAL and secure_delete and applies every
 * migration in `drizzle/`. WAL with synchronous=NORMAL keeps each committed transaction across a process
 * crash (kill -9); only a power loss can cost the last transactions.
 */
export function openSqliteStore(path: string, migrationsFolder = resolve('drizzle')): SqliteStore {
	if (path !== ':memory:') {
		mkdirSync(dirname(resolve(path)), { recursive: true });
	}
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// Deleted rows are overwritten, not left in free pages: a name scrubbed by turning
	// anonymity on (or a removed note) is gone from the file, not just from the tables.
	sqlite.pragma('secure_delete = ON');
	const raw = drizzle(sqlite, { schema });
	migrate(raw, { migrationsFolder });
	const lock = new WriteLock();
	const db = waitingForTransactions(raw, lock);
	const store: SqliteStore = {
		dialect: 'sqlite',
		db,
		tables: schema,
		sqlite,
		docs: new SqliteDocLog(sqlite, lock),
		transaction: (fn) =>
			lock.run(async () => {
				sqlite.exec('BEGIN IMMEDIATE');
				try {
					const result = await fn(raw);
					sqlite.exec('COMMIT');
					return result;
				} catch (error) {
					if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
					throw error;
				}
			}),
		// secure_delete zeroes a deleted cell, yet a note's update was still found in the log
		// table's page after the delete and a checkpoint (a copy SQLite left while rearranging
		// the page; tests/integration/dashboard.test.ts sees it without this): VACUUM rewrites
		// every page from the live rows only, the checkpoint empties the WAL of old page images.
		// VACUUM blocks the process for as long as it rewrites the whole file: deletions in a burst
		// (anyone who can create and delete workshops, in a loop) share one, at most every
		// SCRUB_GAP_MS, and each still returns only once a scrub after it is done.
		scrub: paced(async () => {
			await lock.whenFree(() => {
				sqlite.exec('VACUUM');
				sqlite.pragma('wal_checkpoint(TRUNCATE)');
			});
		}, SCRUB_GAP_MS),
		close: async () => {
			await lock.whenFree(() => sqlite.close());
		}
	};
	registerDb(db, store, false);
	// Every transaction runs on the one connection: its `tx` is the unwaiting database itself.
	registerDb(raw, store, true);
	return store;
}

/**
 * Every statement of drizzle's SQLite database: writes, so a rollback never takes them with it,
 * and reads, so none sees an open transaction's rows before they are committed (a dirty read
 * of rows that may yet be rolled back: a join's new membership, an import's workshop).
 */
const STATEMENTS = new Set<PropertyKey>([
	'insert',
	'update',
	'delete',
	'select',
	'selectDistinct',
	'$count',
	'run',
	'all',
	'get',
	'values'
]);

/**
 * `db` whose statements run only while no transaction is open (write-lock.ts): a builder
 * executes when awaited, so its `then` waits for the lock; at once when no transaction is open.
 */
function waitingForTransactions(db: DB, lock: WriteLock): DB {
	return new Proxy(db, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			if (!STATEMENTS.has(prop) || typeof value !== 'function') return value;
			return (...args: unknown[]) => waiting(value.apply(target, args), lock);
		}
	});
}

function waiting<T>(builder: T, lock: WriteLock): T {
	if (typeof builder !== 'object' || builder === null) return builder;
	return new Proxy(builder, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			if (typeof value !== 'function') return value;
			if (prop === 'then') {
				return (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
					Promise.resolve(lock.whenFree(() => value.call(target, ok, fail)));
			}
			// Builder steps (values, set, where, returning, onConflict…) return a builder.
			return (...args: unknown[]) => waiting(value.apply(target, args), lock);
		}
	});
}
