import type { IncomingMessage } from 'node:http';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from './memory-workshop';
import { boardRoom } from '$lib/workshop/rooms';
import { readSwitches } from '$lib/workshop/records/workshop-switches';
import { signWsToken } from '../auth/tokens';
import type { Store } from '../db';
import { createAuthorize } from '../realtime/authorize';
import { RealtimeServer } from '../realtime/server';
import { setSwitches } from './switches';

const SECRET = 'secret';

/** One app process's realtime server and hooks on the shared store. */
function processOn(store: Store) {
	const hooks = createAuthorize(store.db, SECRET, undefined, { rooms: () => realtime });
	const realtime = new RealtimeServer(store.docs, hooks, { maxPayload: 1 << 20 });
	return { realtime, hooks };
}

async function setUp() {
	const { store, db, tables, workshop } = await memoryWorkshop('Brytare');
	// A change that did not pass through this process's cache (another process, before this one
	// held the workshop).
	const setElsewhere = (anonymous: boolean) =>
		db.update(tables.workshops).set({ anonymous }).where(eq(tables.workshops.id, workshop.id));
	return { store, db, id: workshop.id, setElsewhere };
}

describe('the switches copy the realtime features read', () => {
	it('is read at every board load, so a copy from before another process changed them never reaches the board', async () => {
		const { store, db, id, setElsewhere } = await setUp();
		const [member] = await db
			.select({ id: store.tables.memberships.id })
			.from(store.tables.memberships)
			.where(eq(store.tables.memberships.workshopId, id));
		// Two processes on one store, each with its own copies (the second registered takes the
		// write-through of setSwitches, as on its own process).
		const a = processOn(store);
		const b = processOn(store);
		const board = boardRoom(id);
		const socket = {
			url: `/?token=${signWsToken(SECRET, member!.id, 60_000)}`,
			headers: {}
		} as IncomingMessage;
		// A socket opens the board on A: it is read and loaded there.
		expect((await a.hooks.authenticate(socket, board)).ok).toBe(true);
		await a.realtime.edit(board, () => {});
		// Another socket authenticates on A while the board is loaded there ...
		expect((await a.hooks.authenticate(socket, board)).ok).toBe(true);
		// ... and before its room loads, the board leaves A (a hand-over) and B, holding the
		// workshop now, switches anonymity on.
		a.realtime.evictWorkshop(id);
		await setSwitches({ db, realtime: b.realtime }, id, { anonymous: true });
		b.realtime.evictWorkshop(id);
		// A holds it again and loads the board for that socket: anonymity stays on, in memory
		// and in the store.
		expect(await a.realtime.edit(board, (doc) => readSwitches(doc).anonymous)).toBe(true);
		a.realtime.evictWorkshop(id);
		expect(readSwitches(await b.realtime.readDoc(board)).anonymous).toBe(true);
		// A change that did not pass through A (before it held the workshop) is read at the load.
		await setElsewhere(false);
		expect(await a.realtime.edit(board, (doc) => readSwitches(doc).anonymous)).toBe(false);
		await a.realtime.close();
		await b.realtime.close();
		await store.close();
	});
});
