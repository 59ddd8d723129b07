import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tablesOf } from './index';
import { openSqliteStore } from './sqlite';
import { preparedRead } from './prepared';

describe('a prepared read', () => {
	it('is built once per database and reads the rows as they are at each call', async () => {
		let built = 0;
		const settingOf = preparedRead<{ value: string }, { key: string }>('setting_of', (db) => {
			built++;
			const { settings } = tablesOf(db);
			return db
				.select({ value: settings.value })
				.from(settings)
				.where(eq(settings.key, sql.placeholder('key')));
		});
		const one = openSqliteStore(':memory:');
		const other = openSqliteStore(':memory:');
		const { settings } = one.tables;
		await one.db.insert(settings).values({ key: 'a', value: '1' });
		expect(await settingOf(one.db, { key: 'a' })).toEqual([{ value: '1' }]);
		await one.db.update(settings).set({ value: '2' }).where(eq(settings.key, 'a'));
		expect(await settingOf(one.db, { key: 'a' })).toEqual([{ value: '2' }]);
		expect(await settingOf(one.db, { key: 'b' })).toEqual([]);
		expect(built).toBe(1);
		expect(await settingOf(other.db, { key: 'a' })).toEqual([]);
		expect(built).toBe(2);
		await one.close();
		await other.close();
	});
});
