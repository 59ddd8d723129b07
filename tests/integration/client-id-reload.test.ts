/**
 * A board's client-id bindings stay in the process's memory only while its room is here
 * (client-ids.ts), and each new one is written through to `doc_clients` without waiting. A room
 * that leaves and is loaded again at once (a storage error drops it and its sockets reconnect)
 * must still know a binding whose write has not landed: its member's browser keeps its client id,
 * and every write under an id the judge knows no owner for is refused as someone else's. On
 * PostgreSQL the test holds the write back with a table lock (reads still pass); on SQLite the
 * write is done before bind returns.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { tablesOf } from '../../src/lib/server/db';
import { createAuthorize } from '../../src/lib/server/realtime/authorize';
import { storedClientIds } from '../../src/lib/server/realtime/client-ids';
import { RealtimeServer } from '../../src/lib/server/realtime/server';
import { boardRoom } from '../../src/lib/workshop/rooms';
import { removeTempDirs } from '../helpers/server';
import { storeWithWorkshop } from '../helpers/workshop-store';

const closing: Array<() => Promise<void>> = [];
afterAll(async () => {
	for (const close of closing.splice(0).reverse()) await close();
	await removeTempDirs();
});

async function open() {
	const { database, store, workshop, memberId } = await storeWithWorkshop(
		'Bindningar i flykten',
		(store) => closing.push(() => store.close())
	);
	return { database, store, workshopId: workshop.id, memberId };
}

/** Holds every insert into doc_clients back until released; reads of it still pass. */
async function holdClientIdWrites(url: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query('BEGIN');
	await client.query('LOCK TABLE doc_clients IN EXCLUSIVE MODE');
	return async () => {
		await client.query('COMMIT');
		await client.end();
	};
}

describe('client-id bindings across a reload of their room', () => {
	it('keep a binding whose write has not landed when the room leaves and loads again', async () => {
		const { database, store, workshopId, memberId } = await open();
		const clientIds = storedClientIds(store.db);
		const hooks = createAuthorize(store.db, 'secret', undefined, {
			rooms: () => realtime,
			clientIds
		});
		const realtime: RealtimeServer = new RealtimeServer(store.docs, hooks, {
			maxPayload: 1 << 20
		});
		closing.push(() => realtime.close());
		const doc = boardRoom(workshopId);
		const ids = clientIds.of(doc);
		await realtime.load(doc);
		const release = database.store === 'postgres' ? await holdClientIdWrites(database.url) : null;
		ids.bind(7, memberId);
		realtime.evictWorkshop(workshopId);
		await realtime.load(doc);
		expect(ids.owner(7)).toBe(memberId);
		await release?.();
		// And it did land: the next process to load the board reads it from the store.
		const fresh = storedClientIds(store.db);
		await fresh.load(doc);
		expect(fresh.of(doc).owner(7)).toBe(memberId);
		const { docClients } = tablesOf(store.db);
		expect(await store.db.select().from(docClients).where(eq(docClients.clientId, 7))).toHaveLength(
			1
		);
	});
});
