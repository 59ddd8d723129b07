import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, pgTable, text, type PgTable } from 'drizzle-orm/pg-core';
import {
	getTableConfig as sqliteConfig,
	sqliteTable,
	text as sqliteText,
	type SQLiteTable
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from './schema';
import * as pg from './schema.pg';

type AnyColumn = {
	name: string;
	dataType: string;
	columnType: string;
	notNull: boolean;
	primary: boolean;
	hasDefault: boolean;
	isUnique: boolean;
	enumValues?: readonly string[];
	getSQLType(): string;
};

/** What a service sees of a column: its JS type, never the SQL spelling. */
function jsType(column: AnyColumn): string {
	if (column.columnType === 'PgCustomColumn' && column.getSQLType() === 'bytea') return 'buffer';
	return column.dataType;
}

/** A dialect-free description of a table: every property the parity promise covers. */
function describeTable(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>) {
	const columns = (config.columns as unknown as AnyColumn[]).map((column) => ({
		name: column.name,
		type: jsType(column),
		enum: column.enumValues?.length ? [...column.enumValues] : null,
		notNull: column.notNull,
		hasDefault: column.hasDefault
	}));
	const primaryKey = [
		...(config.columns as unknown as AnyColumn[]).filter((c) => c.primary).map((c) => [c.name]),
		...config.primaryKeys.map((pk) => pk.columns.map((c) => c.name))
	];
	const unique = [
		...(config.columns as unknown as AnyColumn[]).filter((c) => c.isUnique).map((c) => [c.name]),
		...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name))
	];
	const indexes = config.indexes.map((index) => ({
		name: index.config.name,
		columns: index.config.columns.map((c) => ('name' in c ? c.name : String(c))),
		unique: index.config.unique,
		partial: index.config.where !== undefined
	}));
	const foreignKeys = config.foreignKeys.map((fk) => {
		const ref = fk.reference();
		return {
			columns: ref.columns.map((c) => c.name),
			table: getTableName(ref.foreignTable),
			foreignColumns: ref.foreignColumns.map((c) => c.name),
			onDelete: fk.onDelete ?? 'no action'
		};
	});
	const byName = <T extends { name?: string }>(a: T, b: T) =>
		String(a.name).localeCompare(String(b.name));
	return {
		name: config.name,
		columns: columns.sort(byName),
		primaryKey,
		unique: unique.map((u) => u.join(',')).sort(),
		indexes: indexes.sort(byName),
		foreignKeys: foreignKeys.sort((a, b) => a.columns.join().localeCompare(b.columns.join()))
	};
}

function tables<T>(module: Record<string, unknown>): T[] {
	return Object.values(module).filter((value) => is(value, Table)) as T[];
}

const describePg = (table: PgTable) => describeTable(pgConfig(table));
const describeSqlite = (table: SQLiteTable) => describeTable(sqliteConfig(table));

const sqliteTables = new Map(
	tables<SQLiteTable>(sqlite).map((table) => [getTableName(table), table])
);
const pgTables = new Map(tables<PgTable>(pg).map((table) => [getTableName(table), table]));

describe('schema.pg.ts mirrors schema.ts', () => {
	it('declares the same tables', () => {
		expect(sqliteTables.size).toBeGreaterThan(10);
		expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
	});

	for (const [name, table] of sqliteTables) {
		it(`${name}: same columns, JS types, nullability, keys, indexes and foreign keys`, () => {
			const pgTable = pgTables.get(name);
			expect(pgTable, `${name} is missing from schema.pg.ts`).toBeDefined();
			expect(describePg(pgTable!)).toEqual(describeSqlite(table));
		});
	}

	it('notices a column one side gained', () => {
		const before = sqliteTable('t', { id: sqliteText('id').primaryKey() });
		const same = pgTable('t', { id: text('id').primaryKey() });
		const grown = pgTable('t', { id: text('id').primaryKey(), nickname: text('nickname') });
		expect(describePg(same)).toEqual(describeSqlite(before));
		expect(describePg(grown)).not.toEqual(describeSqlite(before));
	});
});
