import type { DB } from './index';

/** A drizzle query prepared on either store: SQLite's prepare() ignores the name. */
interface Preparable<Result> {
	prepare(name: string): Prepared<Result>;
}
interface Prepared<Result> {
	execute(values: Record<string, unknown>): PromiseLike<Result>;
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
	return prepared<Row[], Values>(name, build);
}

/**
 * A write prepared the same way (an insert with `sql.placeholder` values): for writes made
 * per update, such as a new client id's binding (about 300 µs each when built per call).
 */
export function preparedWrite<Values extends Record<string, unknown>>(
	name: string,
	build: (db: DB) => PromiseLike<unknown>
): (db: DB, values: Values) => Promise<void> {
	const write = prepared<unknown, Values>(name, build);
	return async (db, values) => void (await write(db, values));
}

function prepared<Result, Values extends Record<string, unknown>>(
	name: string,
	build: (db: DB) => PromiseLike<unknown>
): (db: DB, values: Values) => Promise<Result> {
	const statements = new WeakMap<DB, Prepared<Result>>();
	return async (db, values) => {
		let statement = statements.get(db);
		if (!statement) {
			statement = (build(db) as unknown as Preparable<Result>).prepare(name);
			statements.set(db, statement);
		}
		return await statement.execute(values);
	};
}
