import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote } from '$lib/workshop/doc';
import { boardRoom } from '$lib/workshop/rooms';
import { openDatabase } from '../../db';
import { users, workshops } from '../../db/schema';
import { createWorkshop } from '../../services/workshops';
import { activityFeature } from './activity';

const by = { id: 'm1', name: 'Pia', profession: 'lakare', organisation: 'region' } as const;

describe('the dashboard activity feature', () => {
	it('keeps the note count as notes come and go, from the first note of a fresh board on', () => {
		const { db } = openDatabase(':memory:');
		db.insert(users)
			.values({ id: 'u1', email: 'mia@region.se', displayName: 'Mia', passwordHash: 'x' })
			.run();
		const workshop = createWorkshop(
			db,
			{ id: 'u1', displayName: 'Mia' },
			{ title: 'Oskar 83', purpose: '', date: null }
		);
		const name = boardRoom(workshop.id);
		const feature = activityFeature(db);
		const board = new Y.Doc();
		feature.onLoad!(name, board);
		board.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
			feature.onStore!(name, update, tr)
		);
		const client = new Y.Doc();
		client.on('update', (update: Uint8Array) => Y.applyUpdate(board, update, 'client'));
		const count = () =>
			db.select().from(workshops).where(eq(workshops.id, workshop.id)).get()!.noteCount;

		// The first update of all creates the notes root on the server's board.
		const first = addNote(client, { text: 'Första', author: by });
		expect(count()).toBe(1);
		addNote(client, { text: 'Andra', author: by });
		expect(count()).toBe(2);
		editNote(client, first, 'Ändrad');
		expect(count()).toBe(2);
		deleteNote(client, first);
		expect(count()).toBe(1);
	});
});
