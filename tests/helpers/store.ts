/**
 * Which store a test server runs on, and store-neutral access to its rows. The `integration`
 * project runs on SQLite, `integration-pg` (TEST_STORE=postgres) on PostgreSQL: a database of its
 * own per server in the run's throwaway cluster (postgres-setup.ts).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabase } from './postgres.ts';

export type TestDatabase = { store: 'sqlite'; path: string } | { store: 'postgres'; url: string };

export const onPostgres = process.env.TEST_STORE === 'postgres';

/** A fresh, empty database on the store this run tests. */
export async function newTestDatabase(sqlitePath: () => Promise<string>): Promise<TestDatabase> {
	if (!onPostgres) return { store: 'sqlite', path: await sqlitePath() };
	return { store: 'postgres', url: await createDatabase(await postgresAdminUrl()) };
}

/** The run's cluster: from postgres-setup.ts inside vitest, or TEST_POSTGRES_ADMIN_URL. */
async function postgresAdminUrl(): Promise<string> {
	if (process.env.TEST_POSTGRES_ADMIN_URL) return process.env.TEST_POSTGRES_ADMIN_URL;
	const { inject } = await import('vitest');
	return inject('postgresAdminUrl');
}

/** int8 (counts) as numbers, as the app's pool reads them (db/postgres.ts) and SQLite gives. */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/** The server's environment naming its database. */
export function databaseEnv(database: TestDatabase): Record<string, string> {
	return database.store === 'sqlite'
		? { DATABASE_PATH: database.path }
		: { DATABASE_URL: database.url };
}

/**
 * Runs one statement on the server's database and returns its rows. Write it once for both:
 * `?` placeholders, a Date where a timestamp goes (SQLite stores milliseconds), and read
 * timestamps through `millis`.
 */
export async function query<T extends Record<string, unknown>>(
	database: TestDatabase,
	text: string,
	params: unknown[] = []
): Promise<T[]> {
	if (database.store === 'sqlite') {
		const sqlite = new Database(database.path, { fileMustExist: true });
		try {
			const values = params.map((p) => (p instanceof Date ? p.getTime() : p));
			const statement = sqlite.prepare(text);
			return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
		} finally {
			sqlite.close();
		}
	}
	const client = new pg.Client({ connectionString: database.url, types });
	await client.connect();
	try {
		let n = 0;
		const result = await client.query(
			text.replace(/\?/g, () => `$${++n}`),
			params
		);
		return result.rows as T[];
	} finally {
		await client.end();
	}
}

/** A timestamp column's value as milliseconds, whichever store read it. */
export function millis(value: unknown): number | null {
	if (value === null || value === undefined) return null;
	return value instanceof Date ? value.getTime() : Number(value);
}

/** Every value of every row of every table, as text (a blob as latin1), to search for a string. */
export async function allValues(database: TestDatabase): Promise<string[]> {
	const tables = await query<{ name: string }>(
		database,
		database.store === 'sqlite'
			? "SELECT name FROM sqlite_master WHERE type = 'table'"
			: "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
	);
	const values: string[] = [];
	for (const { name } of tables) {
		for (const row of await query(database, `SELECT * FROM "${name}"`)) {
			for (const v of Object.values(row)) {
				values.push(Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v));
			}
		}
	}
	return values;
}

/** How many stored values hold `needle`. */
export async function valuesHolding(database: TestDatabase, needle: string): Promise<number> {
	return (await allValues(database)).filter((v) => v.includes(needle)).length;
}
