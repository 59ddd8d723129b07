import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema>;

export interface Database_ {
	db: DB;
	sqlite: Database.Database;
}

/**
 * Opens the SQLite file (creating its folder), turns on WAL and secure_delete and applies every
 * migration in `drizzle/`. WAL with synchronous=NORMAL keeps each committed transaction across a process
 * crash (kill -9); only a power loss can cost the last transactions.
 */
export function openDatabase(path: string, migrationsFolder = resolve('drizzle')): Database_ {
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
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder });
	return { db, sqlite };
}

export { schema };
