import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from '../services/memory-workshop';
import { boardRoom } from '$lib/workshop/rooms';
import { signWsToken } from '../auth/tokens';
import { createAuthorize } from './authorize';
import { storedClientIds } from './client-ids';
import { RealtimeServer } from './server';

const SECRET = 'secret';

async function setUp() {
	const { store, db, tables, workshop } = await memoryWorkshop('Bindningar');
	const [member] = await db.select().from(tables.memberships);
	const doc = boardRoom(workshop.id);
	// Another process's binding, straight into the store.
	const bindElsewhere = (clientId: number) =>
		db.insert(tables.docClients).values({ docName: doc, clientId, membershipId: member!.id });
	const clientIds = storedClientIds(db);
	const hooks = createAuthorize(db, SECRET, undefined, { rooms: () => realtime, clientIds });
	const realtime = new RealtimeServer(store.docs, hooks, { maxPayload: 1 << 20 });
	const socket = {
		url: `/?token=${signWsToken(SECRET, member!.id, 60_000)}`,
		headers: {}
	} as IncomingMessage;
	const close = async () => {
		await realtime.close();
		await store.close();
	};
	return {
		doc,
		workshopId: workshop.id,
		memberId: member!.id,
		bindElsewhere,
		clientIds,
		hooks,
		realtime,
		socket,
		close
	};
}

describe('stored client ids', () => {
	it('are read with every load of the board, and by no socket’s upgrade', async () => {
		const t = await setUp();
		const owner = (client: number) => t.clientIds.of(t.doc).owner(client);
		await t.bindElsewhere(1);
		// An upgrade reads no bindings: sockets of a loaded board must not pay for them.
		expect((await t.hooks.authenticate(t.socket, t.doc)).ok).toBe(true);
		expect(owner(1)).toBeUndefined();
		// The board's load reads them before anyone can write to it.
		await t.realtime.load(t.doc);
		expect(owner(1)).toBe(t.memberId);
		// While this process holds the loaded board, nobody else binds: nothing is read again.
		await t.bindElsewhere(2);
		expect((await t.hooks.authenticate(t.socket, t.doc)).ok).toBe(true);
		await t.realtime.load(t.doc);
		expect(owner(2)).toBeUndefined();
		// Once the board left the process (another process may have held it), its next load
		// reads what was bound meanwhile.
		t.realtime.evictWorkshop(t.workshopId);
		await t.realtime.load(t.doc);
		expect(owner(2)).toBe(t.memberId);
		await t.close();
	});

	it('stay in memory only while the board’s room is here: not after it left, nor once its workshop is deleted', async () => {
		const t = await setUp();
		// Taken by a judge or a reveal before the room leaves, asked after it came back.
		const ids = t.clientIds.of(t.doc);
		await t.bindElsewhere(1);
		await t.realtime.load(t.doc);
		expect(ids.owner(1)).toBe(t.memberId);
		t.realtime.evictWorkshop(t.workshopId);
		expect(ids.owner(1)).toBeUndefined();
		await t.bindElsewhere(2);
		await t.realtime.load(t.doc);
		expect([ids.owner(1), ids.owner(2)]).toEqual([t.memberId, t.memberId]);
		// Bound here just before the room leaves: back with the room, whether or not its write
		// has landed yet.
		ids.bind(3, t.memberId);
		t.realtime.evictWorkshop(t.workshopId);
		await t.realtime.load(t.doc);
		expect(ids.owner(3)).toBe(t.memberId);
		await t.realtime.dropWorkshop(t.workshopId);
		expect([ids.owner(1), ids.owner(2), ids.owner(3)]).toEqual([undefined, undefined, undefined]);
		await t.close();
	});

	it('are not read for a read-only copy of a board nobody has open (an export)', async () => {
		const t = await setUp();
		await t.bindElsewhere(1);
		const copy = await t.realtime.readDoc(t.doc);
		expect(t.realtime.rooms.has(t.doc)).toBe(false);
		// No room will leave to drop them: read here, they stayed in memory for good.
		expect(t.clientIds.of(t.doc).owner(1)).toBeUndefined();
		copy.destroy();
		// The board's own load still reads them before anyone writes.
		await t.realtime.load(t.doc);
		expect(t.clientIds.of(t.doc).owner(1)).toBe(t.memberId);
		await t.close();
	});
});
