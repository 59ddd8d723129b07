import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from '../../services/memory-workshop';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote } from '$lib/workshop/doc';
import { boardRoom } from '$lib/workshop/rooms';
import { mapDeclaredRoots } from '../declared-roots';
import { LOAD_ORIGIN } from '../doc-store';
import { activityFeature } from './activity';

const by = { id: 'm1', name: 'Pia', profession: 'lakare', organisation: 'region' } as const;

/** A fresh workshop's board with the feature on it, and a client whose updates reach it. */
async function boardWithFeature(title: string) {
	const { db, tables, workshop } = await memoryWorkshop(title);
	const name = boardRoom(workshop.id);
	const feature = activityFeature(db);
	const board = new Y.Doc();
	// As the server loads a board (declared-roots.ts).
	mapDeclaredRoots(name, board);
	board.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
		feature.onStore!(name, update, tr)
	);
	const client = new Y.Doc();
	client.on('update', (update: Uint8Array) => Y.applyUpdate(board, update, 'client'));
	const { workshops } = tables;
	const row = async () =>
		(await db.select().from(workshops).where(eq(workshops.id, workshop.id)))[0]!;
	return { feature, name, client, row };
}

describe('the dashboard activity feature', () => {
	it('keeps the note count as notes come and go, from the first note of a fresh board on', async () => {
		const { feature, client, row } = await boardWithFeature('Oskar 83');
		const count = async () => (await row()).noteCount;
		const flushed = async () => {
			await feature.flush!();
			return await count();
		};

		// The first update of all creates the notes root on the server's board.
		const first = addNote(client, { text: 'Första', author: by });
		expect(await flushed()).toBe(1);
		addNote(client, { text: 'Andra', author: by });
		expect(await flushed()).toBe(2);
		editNote(client, first, 'Ändrad');
		expect(await flushed()).toBe(2);
		deleteNote(client, first);
		expect(await flushed()).toBe(1);
	});

	it('writes a burst of notes once, held back until flushed or the board unloads', async () => {
		const { feature, name, client, row } = await boardWithFeature('Oskar 84');

		for (let i = 0; i < 5; i++) addNote(client, { text: `Lapp ${i}`, author: by });
		// SQLite answers at once: a write per note would be in the row by now.
		expect((await row()).noteCount).toBeNull();
		expect((await row()).lastActivityAt).toBeNull();
		await feature.flush!();
		expect((await row()).noteCount).toBe(5);
		expect((await row()).lastActivityAt).not.toBeNull();

		addNote(client, { text: 'Sista', author: by });
		expect((await row()).noteCount).toBe(5);
		feature.onUnload!(name);
		// The unload's write was started first; a flush waits for it.
		await feature.flush!();
		expect((await row()).noteCount).toBe(6);
	});

	it("counts the notes of a board it loads, but a load is nobody's activity", async () => {
		const { feature, name, row } = await boardWithFeature('Oskar 85');
		const written = new Y.Doc();
		addNote(written, { text: 'Från loggen', author: by });
		// As a room loads a board from the log (room.ts): the load's transaction, no bytes.
		const loaded = new Y.Doc();
		mapDeclaredRoots(name, loaded);
		loaded.on('afterTransaction', (tr: Y.Transaction) =>
			feature.onStore!(name, new Uint8Array(0), tr)
		);
		Y.applyUpdate(loaded, Y.encodeStateAsUpdate(written), LOAD_ORIGIN);
		await feature.flush!();
		expect((await row()).noteCount).toBe(1);
		// Before, opening a board marked its workshop active on the dashboard.
		expect((await row()).lastActivityAt).toBeNull();
	});
});
