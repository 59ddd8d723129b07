import type { DB } from './index';

/** A drizzle select prepared on either store: SQLite's prepare() ignores the name. */
interface Preparable<Row> {
	prepare(name: string): Prepared<Row>;
}
interface Prepared<Row> {
	execute(values: Record<string, unknown>): PromiseLike<Row[]>;
}

/**
 * A read whose SQL drizzle builds, and the store compiles, once per database instead of at
 * every call (about 40 µs each on SQLite, paid by every WebSocket upgrade: issue 18, connect
 * CPU); on PostgreSQL a named prepared statement. `build` returns the select with
 * `sql.placeholder(key)` where a value goes; each call passes the values by key and reads the
 * rows as they are now, exactly as the unprepared select would. `name` is unique per query.
 */
export function preparedRead<Row, Values extends Record<string, unknown>>(
	name: string,
	build: (db: DB) => PromiseLike<Row[]>
): (db: DB, values: Values) => Promise<Row[]> {
	const statements = new WeakMap<DB, Prepared<Row>>();
	return async (db, values) => {
		let statement = statements.get(db);
		if (!statement) {
			statement = (build(db) as unknown as Preparable<Row>).prepare(name);
			statements.set(db, statement);
		}
		return await statement.execute(values);
	};
}
