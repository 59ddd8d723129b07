import { describe, expect, it } from 'vitest';
import { memoryWorkshop } from '../services/memory-workshop';
import { addNote, notesMap } from '$lib/workshop/doc';
import { createArea } from '$lib/workshop/records/area';
import { addIdea, ideasMap } from '$lib/workshop/records/idea';
import { boardRoom, privateRoom } from '$lib/workshop/rooms';
import { createAuthorize } from '../realtime/authorize';
import { storedClientIds } from '../realtime/client-ids';
import { RealtimeServer } from '../realtime/server';
import { applyIdeaRoundAction } from './idea-rounds';
import { applyNoteRoundAction } from './note-rounds';

const SECRET = 'secret';

/**
 * A reveal reads the private records, writes the board, then deletes the copied ones from the
 * private documents. The author's edit in between is held here deterministically: the reveal
 * awaits the board's client ids (deps.clientIds.load) after its reads, and the test edits the
 * private record while that load is held.
 */
async function setUp() {
	const { store, db, tables, workshop } = await memoryWorkshop('Tyst runda');
	const [member] = await db.select({ id: tables.memberships.id }).from(tables.memberships);
	const hooks = createAuthorize(db, SECRET, undefined, { rooms: () => realtime });
	const realtime = new RealtimeServer(store.docs, hooks, { maxPayload: 1 << 20 });
	const clientIds = storedClientIds(db);
	let held: (() => void) | null = null;
	let heldAt: (() => void) | null = null;
	const reached = new Promise<void>((resolve) => (heldAt = resolve));
	const deps = {
		db,
		realtime,
		wsSecret: SECRET,
		clientIds: {
			of: clientIds.of,
			load: async (doc: string) => {
				heldAt?.();
				await new Promise<void>((resolve) => (held = resolve));
				return clientIds.load(doc);
			}
		}
	};
	const author = {
		id: member!.id,
		name: 'Mia',
		profession: 'sjukskoterska',
		organisation: 'kommun'
	} as const;
	const close = async () => {
		await realtime.close();
		await store.close();
	};
	return {
		deps,
		workshopId: workshop.id,
		own: privateRoom(workshop.id, member!.id),
		author,
		reached,
		release: () => held?.(),
		close
	};
}

describe('a reveal and the author’s edit made while it runs', () => {
	it('leaves a private note its author changed after it was read', async () => {
		const t = await setUp();
		const opened = await applyNoteRoundAction(t.deps, t.workshopId, { action: 'open' });
		if (!('roundId' in opened)) throw new Error('no round');
		const [changed, kept] = await t.deps.realtime.edit(t.own, (doc) => [
			addNote(doc, { text: 'Väntetider', author: t.author }),
			addNote(doc, { text: 'Bemötande', author: t.author })
		]);
		const revealing = applyNoteRoundAction(t.deps, t.workshopId, {
			action: 'reveal',
			roundId: opened.roundId
		});
		await t.reached;
		await t.deps.realtime.edit(t.own, (doc) =>
			notesMap(doc).get(changed!)!.set('text', 'Väntetider på vårdcentralen')
		);
		t.release();
		expect(await revealing).toEqual({ roundId: opened.roundId, revealed: 2 });
		const board = await t.deps.realtime.read(boardRoom(t.workshopId), (doc) =>
			[...notesMap(doc).keys()].sort()
		);
		expect(board).toEqual([changed, kept].sort());
		// The revealed copy is gone; the edit nobody copied stays with its author.
		const left = await t.deps.realtime.read(t.own, (doc) => notesMap(doc).toJSON());
		expect(Object.keys(left)).toEqual([changed]);
		expect(left[changed!]).toMatchObject({ text: 'Väntetider på vårdcentralen' });
		await t.close();
	});

	it('leaves a private idea its author changed after it was read', async () => {
		const t = await setUp();
		const areaId = await t.deps.realtime.edit(boardRoom(t.workshopId), (doc) =>
			createArea(doc, { name: 'Tillgänglighet' })
		);
		const opened = await applyIdeaRoundAction(t.deps, t.workshopId, {
			action: 'silent',
			areaIds: [areaId!]
		});
		if (!('roundId' in opened)) throw new Error('no round');
		const [changed, kept] = await t.deps.realtime.edit(t.own, (doc) => [
			addIdea(doc, { text: 'Kvällsöppet', areaId: areaId!, author: t.author }),
			addIdea(doc, { text: 'Drop-in', areaId: areaId!, author: t.author })
		]);
		const revealing = applyIdeaRoundAction(t.deps, t.workshopId, {
			action: 'reveal',
			roundId: opened.roundId
		});
		await t.reached;
		await t.deps.realtime.edit(t.own, (doc) =>
			ideasMap(doc).get(changed!)!.set('text', 'Kvällsöppet två dagar i veckan')
		);
		t.release();
		expect(await revealing).toEqual({ roundId: opened.roundId });
		const board = await t.deps.realtime.read(boardRoom(t.workshopId), (doc) =>
			[...ideasMap(doc).keys()].sort()
		);
		expect(board).toEqual([changed, kept].sort());
		const left = await t.deps.realtime.read(t.own, (doc) => ideasMap(doc).toJSON());
		expect(Object.keys(left)).toEqual([changed]);
		expect(left[changed!]).toMatchObject({ text: 'Kvällsöppet två dagar i veckan' });
		await t.close();
	});
});
