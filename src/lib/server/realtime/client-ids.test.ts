import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from '../services/memory-workshop';
import { boardRoom } from '$lib/workshop/rooms';
import { storedClientIds } from './client-ids';

async function setUp() {
	const { db, tables, workshop } = await memoryWorkshop('Bindningar');
	const [member] = await db.select().from(tables.memberships);
	const doc = boardRoom(workshop.id);
	// Another process's binding, straight into the store.
	const bindElsewhere = (clientId: number) =>
		db.insert(tables.docClients).values({ docName: doc, clientId, membershipId: member!.id });
	return { db, doc, memberId: member!.id, bindElsewhere };
}

describe('stored client ids', () => {
	it('reads the store for every socket until a read ran while this process held the room', async () => {
		const { db, doc, memberId, bindElsewhere } = await setUp();
		const ids = storedClientIds(db);
		let held = false;
		await bindElsewhere(1);
		await ids.load(doc, () => held);
		expect(ids.of(doc).owner(1)).toBe(memberId);
		// Not held yet: another process may still bind, so the next socket reads again.
		await bindElsewhere(2);
		held = true;
		await ids.load(doc, () => held);
		expect(ids.of(doc).owner(2)).toBe(memberId);
		// Held since before that read: nobody else binds, the memory is complete.
		await bindElsewhere(3);
		await ids.load(doc, () => held);
		expect(ids.of(doc).owner(3)).toBeUndefined();
	});

	it('reads the store again once the room left the process, and while it is not held', async () => {
		const { db, doc, memberId, bindElsewhere } = await setUp();
		const ids = storedClientIds(db);
		let held = true;
		await ids.load(doc, () => held);
		ids.forget(doc);
		held = false;
		await bindElsewhere(7);
		await ids.load(doc, () => held);
		expect(ids.of(doc).owner(7)).toBe(memberId);
		held = true;
		await ids.load(doc, () => held);
		ids.forget(doc);
		await bindElsewhere(8);
		await ids.load(doc, () => held);
		expect(ids.of(doc).owner(8)).toBe(memberId);
	});
});
