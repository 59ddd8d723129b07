/**
 * Online backup of the live SQLite database: `npm run backup -- backups/samskapa-2026-11-23.db`.
 * Uses SQLite's backup API (through better-sqlite3), so it is safe while the server runs.
 * A PostgreSQL store (DATABASE_URL) is backed up with pg_dump instead.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
	// The data is in PostgreSQL, not in a file of ours: its own tools make a consistent copy.
	console.error(
		'[samskapa] DATABASE_URL is PostgreSQL: back it up with `pg_dump -Fc "$DATABASE_URL" > FILE` (docs/operations.md)'
	);
	process.exit(1);
}

const source = process.env.DATABASE_PATH ?? './data/samskapa.db';
const target = process.argv[2] ?? `./backups/samskapa-${new Date().toISOString().slice(0, 10)}.db`;

mkdirSync(dirname(resolve(target)), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
const { totalPages } = await db.backup(target);
db.close();
console.log(`[samskapa] backed up ${source} to ${target} (${totalPages} pages)`);
