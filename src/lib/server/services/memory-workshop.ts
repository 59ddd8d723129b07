import { openSqliteStore } from '../db/sqlite';
import { createWorkshop } from './workshops';

/**
 * For unit tests of server code: a workshop created by its facilitator (Mia, user u1) in a fresh
 * in-memory SQLite store with every migration applied.
 */
export async function memoryWorkshop(title: string) {
	const store = openSqliteStore(':memory:');
	const { db, tables } = store;
	await db
		.insert(tables.users)
		.values({ id: 'u1', email: 'mia@region.se', displayName: 'Mia', passwordHash: 'x' });
	const workshop = await createWorkshop(
		db,
		{ id: 'u1', displayName: 'Mia' },
		{ title, purpose: '', date: null }
	);
	return { store, db, tables, workshop };
}
