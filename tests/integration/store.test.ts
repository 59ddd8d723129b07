/**
 * The store of this run (SQLite in `integration`, PostgreSQL in `integration-pg`) through the
 * contract every service uses: db/index.ts openStore.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore, tablesOf, type Store } from '../../src/lib/server/db';
import { removeTempDirs, tempDbPath } from '../helpers/server';
import { newTestDatabase, query, type TestDatabase } from '../helpers/store';

const opened: Store[] = [];
afterAll(async () => {
	for (const store of opened.splice(0)) await store.close();
	await removeTempDirs();
});

async function open(database?: TestDatabase): Promise<{ store: Store; database: TestDatabase }> {
	database ??= await newTestDatabase(tempDbPath);
	const store = await openStore(
		database.store === 'sqlite' ? { databasePath: database.path } : { databaseUrl: database.url }
	);
	opened.push(store);
	return { store, database };
}

function noteUpdate(doc: Y.Doc, key: string, value: string): Uint8Array {
	let update: Uint8Array | null = null;
	doc.once('update', (u: Uint8Array) => (update = u));
	doc.getMap('notes').set(key, value);
	return update!;
}

describe('the store', () => {
	it('has an update in the database, for any other connection, once append returns', async () => {
		const { store, database } = await open();
		const doc = new Y.Doc();
		const id = await store.docs.append('w/a', noteUpdate(doc, 'n1', 'Ingen ringer tillbaka'));
		const rows = await query<{ id: number; update: Buffer }>(
			database,
			'SELECT id, "update" FROM doc_updates WHERE doc_name = ?',
			['w/a']
		);
		expect(rows.map((r) => r.id)).toEqual([id]);
		expect(Buffer.from(rows[0]!.update).includes('Ingen ringer tillbaka')).toBe(true);
	});

	it('loads snapshot and tail, and compacts the log into one snapshot', async () => {
		const { store, database } = await open();
		const doc = new Y.Doc();
		await store.docs.append('w/b', noteUpdate(doc, 'n1', 'ett'));
		const second = await store.docs.append('w/b', noteUpdate(doc, 'n2', 'två'));
		await store.docs.append('w/b/p/m1', noteUpdate(new Y.Doc(), 'x', 'privat'));

		const loaded = new Y.Doc();
		expect(await store.docs.loadInto('w/b', loaded)).toBe(second);
		expect(loaded.getMap('notes').toJSON()).toEqual({ n1: 'ett', n2: 'två' });

		await store.docs.compact('w/b', Y.encodeStateAsUpdate(loaded), second);
		const third = await store.docs.append('w/b', noteUpdate(doc, 'n3', 'tre'));
		const log = await query<{ id: number }>(
			database,
			'SELECT id FROM doc_updates WHERE doc_name = ? ORDER BY id',
			['w/b']
		);
		expect(log.map((r) => r.id)).toEqual([third]);
		const again = new Y.Doc();
		expect(await store.docs.loadInto('w/b', again)).toBe(third);
		expect(again.getMap('notes').toJSON()).toEqual({ n1: 'ett', n2: 'två', n3: 'tre' });
		// Another document's log is untouched.
		expect(await store.docs.loadInto('w/b/p/m1', new Y.Doc())).toBeGreaterThan(0);
	});

	it('commits a transaction whole or rolls it back whole, and its tx knows the tables', async () => {
		const { store } = await open();
		const { users } = store.tables;
		const add = (db: Store['db'], id: string) =>
			db
				.insert(users)
				.values({ id, email: `${id}@example.se`, displayName: id, passwordHash: 'x' });
		await store.transaction(async (tx) => {
			expect(tablesOf(tx).users).toBe(users);
			await add(tx, 'kept');
		});
		await expect(
			store.transaction(async (tx) => {
				await add(tx, 'lost');
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		const ids = (await store.db.select({ id: users.id }).from(users)).map((u) => u.id);
		expect(ids).toEqual(['kept']);
	});

	it('gives back what it stored with the JS types of the schema', async () => {
		const { store } = await open();
		const { users, workshops, memberships, docClients, templates } = store.tables;
		await store.db
			.insert(users)
			.values({ id: 'u', email: 'u@example.se', displayName: 'U', passwordHash: 'x' });
		const closedAt = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
		await store.db
			.insert(workshops)
			.values({ id: 'w', title: 'Hemsjukvård', ownerId: 'u', anonymous: true, closedAt });
		await store.db.insert(memberships).values({
			id: 'm',
			workshopId: 'w',
			role: 'facilitator',
			userId: 'u',
			displayName: 'U'
		});
		// A Yjs client id is an unsigned 32-bit number: above PostgreSQL's int4.
		await store.db
			.insert(docClients)
			.values({ docName: 'w/w', clientId: 4_000_000_000, membershipId: 'm' });
		await store.db.insert(templates).values({ id: 't', ownerId: 'u', name: 'T', data: { a: [1] } });

		const [w] = await store.db.select().from(workshops).where(eq(workshops.id, 'w'));
		expect(w).toMatchObject({ anonymous: true, isDemo: false, closedAt, archivedAt: null });
		expect(w!.createdAt).toBeInstanceOf(Date);
		expect(Math.abs(w!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
		const [c] = await store.db.select().from(docClients);
		expect(c!.clientId).toBe(4_000_000_000);
		const [t] = await store.db.select().from(templates);
		expect(t!.data).toEqual({ a: [1] });
	});

	it('applies its migrations once when three processes open a new database at once', async () => {
		const { database } = await open();
		const fresh = database.store === 'sqlite' ? database : await newTestDatabase(tempDbPath);
		const stores = await Promise.all([open(fresh), open(fresh), open(fresh)]);
		expect(stores).toHaveLength(3);
		const { users } = stores[0]!.store.tables;
		await stores[1]!.store.db
			.insert(users)
			.values({ id: 'x', email: 'x@example.se', displayName: 'X', passwordHash: 'x' });
		expect(await stores[2]!.store.db.select({ id: users.id }).from(users)).toEqual([{ id: 'x' }]);
	});
});
