/**
 * The app's store on this run's test database (SQLite or PostgreSQL, store.ts), holding one user,
 * Mia, and one workshop she facilitates: for tests that drive services and the realtime server
 * in-process, without an HTTP server.
 */
import { openStore, tablesOf, type Store } from '../../src/lib/server/db';
import { createWorkshop } from '../../src/lib/server/services/workshops';
import { tempDbPath } from './server';
import { newTestDatabase } from './store';

/** `opened` is told of the store before anything is written, so a failing set-up still closes it. */
export async function storeWithWorkshop(title: string, opened: (store: Store) => void) {
	const database = await newTestDatabase(tempDbPath);
	const store = await openStore(
		database.store === 'sqlite' ? { databasePath: database.path } : { databaseUrl: database.url }
	);
	opened(store);
	const { db } = store;
	const { users, memberships } = tablesOf(db);
	await db
		.insert(users)
		.values({ id: 'u1', email: 'mia@region.se', displayName: 'Mia', passwordHash: 'x' });
	const workshop = await createWorkshop(
		db,
		{ id: 'u1', displayName: 'Mia' },
		{ title, purpose: '', date: null }
	);
	const [member] = await db.select().from(memberships);
	return { database, store, db, memberships, workshop, memberId: member!.id };
}
