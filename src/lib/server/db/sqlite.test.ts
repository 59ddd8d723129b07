import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore, type SqliteStore } from './sqlite';

const opened: Array<{ store: SqliteStore; dir: string }> = [];
afterEach(async () => {
	for (const { store, dir } of opened.splice(0)) {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

function open() {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-store-'));
	const store = openSqliteStore(join(dir, 'test.db'));
	opened.push({ store, dir });
	return store;
}

async function addUser(db: SqliteStore['db'], store: SqliteStore, id: string) {
	const { users } = store.tables;
	await db
		.insert(users)
		.values({ id, email: `${id}@example.se`, displayName: id, passwordHash: 'x' });
}

describe('the SQLite store', () => {
	it('runs concurrent transactions one after the other, each whole or not at all', async () => {
		const store = open();
		const { users } = store.tables;
		const order: string[] = [];
		const body = (id: string, fail: boolean) =>
			store.transaction(async (tx) => {
				order.push(`begin ${id}`);
				await addUser(tx, store, `${id}1`);
				// Yields to the event loop mid-transaction, where the other one would start.
				await new Promise((resolve) => setImmediate(resolve));
				await addUser(tx, store, `${id}2`);
				order.push(`end ${id}`);
				if (fail) throw new Error('refused');
			});
		const results = await Promise.allSettled([body('a', false), body('b', true), body('c', false)]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(order).toEqual(['begin a', 'end a', 'begin b', 'end b', 'begin c', 'end c']);
		const ids = (await store.db.select({ id: users.id }).from(users)).map((u) => u.id).sort();
		expect(ids).toEqual(['a1', 'a2', 'c1', 'c2']);
	});

	it('keeps a write made outside an open transaction out of it, so a rollback cannot take it', async () => {
		const store = open();
		const { users } = store.tables;
		let outside: Promise<unknown> = Promise.resolve();
		let appended: number | Promise<number> = 0;
		const failing = store.transaction(async (tx) => {
			await addUser(tx, store, 'inside');
			outside = addUser(store.db, store, 'outside');
			appended = store.docs.append('w/x', Y.encodeStateAsUpdate(new Y.Doc()));
			await new Promise((resolve) => setImmediate(resolve));
			throw new Error('refused');
		});
		await expect(failing).rejects.toThrow('refused');
		await outside;
		expect(await appended).toBeGreaterThan(0);
		const ids = (await store.db.select({ id: users.id }).from(users)).map((u) => u.id);
		expect(ids).toEqual(['outside']);
		const doc = new Y.Doc();
		expect(store.docs.loadInto('w/x', doc)).toBe(await appended);
		expect(await store.db.select().from(users).where(eq(users.id, 'inside'))).toEqual([]);
	});

	it('never lets a read outside an open transaction see its rows before the commit', async () => {
		const store = open();
		const { users } = store.tables;
		let inserted!: () => void;
		const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		// As a service's transaction does: writes, then awaits something (hashing, Redis, the network).
		const failing = store.transaction(async (tx) => {
			await addUser(tx, store, 'uncommitted');
			inserted();
			await gate;
			throw new Error('refused');
		});
		await insertedNow;
		// Another request reads meanwhile, on the same connection.
		const seen = (async () =>
			(await store.db.select({ id: users.id }).from(users)).map((u) => u.id))();
		await new Promise((resolve) => setImmediate(resolve));
		release();
		await expect(failing).rejects.toThrow('refused');
		// Before: ['uncommitted'], a row that never existed once the transaction rolled back.
		expect(await seen).toEqual([]);
		// And a read with no transaction open runs at once, as before.
		await addUser(store.db, store, 'committed');
		expect((await store.db.select({ id: users.id }).from(users)).map((u) => u.id)).toEqual([
			'committed'
		]);
	});

	it('appends synchronously while no transaction is open', () => {
		const store = open();
		expect(typeof store.docs.append('w/y', Y.encodeStateAsUpdate(new Y.Doc()))).toBe('number');
	});
});
