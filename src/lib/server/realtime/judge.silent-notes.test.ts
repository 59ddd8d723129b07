import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNote, listNotes } from '$lib/workshop/doc';
import { writeNoteRound } from '$lib/workshop/records/note-round';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, change, member, replica, send } from './judge-fixture';
import { privateJudge, type PrivateHooks } from './private-doc';

/** A new note in root `notes`: its map item at `clock`, then one item per field inside it. */
function note(
	client: number,
	clock: number,
	id: string,
	fields: Record<string, unknown>
): Struct[] {
	const parent: ID = [client, clock];
	return [
		{ parent: 'notes', parentSub: id, content: { map: true } },
		...Object.entries(fields).map(([key, value]) => ({
			parent,
			parentSub: key,
			content: { any: [value] }
		}))
	];
}

const annaNote = (over: Record<string, unknown> = {}) => ({
	text: 'Ringer 1177 och väntar i en timme',
	kind: 'bottennapp',
	eventId: null,
	questionId: null,
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'sjukskoterska',
	organisation: 'kommun',
	createdAt: 1,
	updatedAt: 1,
	...over
});
const FIELDS = Object.keys(annaNote()).length;

const create = (client: number, id: string, fields: Record<string, unknown>) =>
	encodeUpdate([{ client, clock: 0, structs: note(client, 0, id, fields) }]);

/** Sets one field of the note whose map item is [mapClient, 0], written by `by` at `clock`. */
const setField = (by: number, clock: number, mapClient: number, key: string, value: unknown) => {
	const at = 1 + Object.keys(annaNote()).indexOf(key);
	return encodeUpdate([
		{ client: by, clock, structs: [{ origin: [mapClient, at], content: { any: [value] } }] }
	]);
};

const round = (doc: Y.Doc, status: 'open' | 'revealed') =>
	writeNoteRound(doc, 'r1', { status, notes: 0, writers: 0, createdAt: 1, revealedAt: null });

describe('the board judge on notes during a silent round on the journey, byte by byte', () => {
	it('refuses a participant’s new board note while the round is open, and only then', () => {
		const b = board();
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(801, 'n1', annaNote()))).toBeNull();
		round(b.doc, 'open');
		expect(send(b.doc, anna, create(802, 'n2', annaNote()))).toBe(
			'note: a silent round is open: new notes stay in their author’s private document'
		);
		expect(listNotes(b.doc).map((n) => n.id)).not.toContain('n2');
		// Her note from before the round stays hers to edit; the facilitator writes on the board.
		expect(send(b.doc, anna, setField(801, FIELDS + 1, 801, 'text', 'Ändrad'))).toBeNull();
		const fac = { ...annaNote(), authorId: 'fac', authorName: 'FAC' };
		expect(send(b.doc, member(b, 'fac', 'facilitator'), create(803, 'n3', fac))).toBeNull();
		round(b.doc, 'revealed');
		expect(send(b.doc, anna, create(804, 'n4', annaNote()))).toBeNull();
	});

	it('refuses the same through the app’s own accessor', () => {
		const b = board();
		round(b.doc, 'open');
		const client = replica(b.doc);
		const refused = change(b.doc, member(b, 'anna'), client, () =>
			addNote(client, {
				text: 'Förbi rundan',
				author: { id: 'anna', name: 'ANNA', profession: 'lakare', organisation: 'region' }
			})
		);
		expect(refused).toMatch(/silent round is open/);
	});
});

describe('the private-document judge on silent-round notes, byte by byte', () => {
	let open = true;
	const anna = {
		membershipId: 'anna',
		ids: () => ['anna'],
		names: () => ['ANNA'],
		profession: () => 'sjukskoterska',
		organisation: () => 'kommun'
	};
	const hooks: PrivateHooks = {
		round: () => null,
		silentOpen: () => false,
		notesOpen: () => open,
		ballotsChanged: () => {}
	};
	const judge = privateJudge('w1', anna, hooks);
	const accept = (doc: Y.Doc, update: Uint8Array) => {
		const refused = judge(doc, update);
		if (refused) return refused.reason;
		Y.applyUpdate(doc, update);
		return null;
	};

	it('accepts, edits and removes her own note while the round is open (the control)', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(11, 'p1', annaNote()))).toBeNull();
		expect(accept(doc, setField(11, FIELDS + 1, 11, 'text', 'Bättre'))).toBeNull();
		expect(accept(doc, setField(11, FIELDS + 2, 11, 'kind', 'hojdpunkt'))).toBeNull();
		expect(listNotes(doc).map((n) => [n.text, n.kind])).toEqual([['Bättre', 'hojdpunkt']]);
		expect(accept(doc, encodeUpdate([], [{ client: 11, ranges: [[0, 1]] }]))).toBeNull();
		expect(listNotes(doc)).toEqual([]);
	});

	it('refuses notes outside an open round: writing, changing and removing', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(12, 'p1', annaNote()))).toBeNull();
		open = false;
		try {
			expect(judge(doc, create(13, 'p2', annaNote()))?.reason).toBe(
				'note: no silent round is open on the journey'
			);
			expect(judge(doc, setField(12, FIELDS + 1, 12, 'text', 'Ändrad'))?.reason).toBe(
				'note: no silent round is open on the journey'
			);
			const removal = encodeUpdate([], [{ client: 12, ranges: [[0, 1]] }]);
			expect(judge(doc, removal)?.reason).toBe('note: no silent round is open on the journey');
		} finally {
			open = true;
		}
		// Without a board's workflows no round is ever open.
		expect(privateJudge('w1', anna)(new Y.Doc(), create(14, 'p3', annaNote()))?.reason).toBe(
			'note: no silent round is open on the journey'
		);
	});

	it('refuses a note of another member: their id, name, profession or organisation', () => {
		const doc = new Y.Doc();
		const bad = [
			annaNote({ authorId: 'bo' }),
			annaNote({ authorName: 'BO' }),
			annaNote({ profession: 'lakare' }),
			annaNote({ organisation: 'region' }),
			annaNote({ text: '' }),
			annaNote({ kind: 'hemlig' }),
			annaNote({ extra: 'x' })
		];
		for (const [i, fields] of bad.entries()) {
			expect(judge(doc, create(20 + i, `p${i}`, fields)), JSON.stringify(fields)).not.toBeNull();
		}
		expect(judge(doc, create(30, 'p9', annaNote({ authorId: 'bo' })))?.reason).toBe(
			'note: not yours to create'
		);
		expect(listNotes(doc)).toEqual([]);
	});

	it('refuses a change of her note’s provenance, and another member’s judge refuses her document', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(15, 'p1', annaNote()))).toBeNull();
		expect(judge(doc, setField(15, FIELDS + 1, 15, 'authorId', 'bo'))?.reason).toMatch(/authorId/);
		// Bo's judge (the one his sockets get for his own document) takes no note in Anna's name.
		const bo = privateJudge('w1', { ...anna, membershipId: 'bo', ids: () => ['bo'] }, hooks);
		expect(bo(new Y.Doc(), create(16, 'p2', annaNote()))?.reason).toBe('note: not yours to create');
		// The app's own accessor, as a browser writes: accepted, then the edit too.
		const own = new Y.Doc();
		own.clientID = 17;
		const updates: Uint8Array[] = [];
		own.on('update', (u: Uint8Array) => updates.push(u));
		const id = addNote(own, {
			text: 'Via appen',
			author: { id: 'anna', name: 'ANNA', profession: 'sjukskoterska', organisation: 'kommun' }
		});
		editNote(own, id, 'Via appen, ändrad');
		const server = new Y.Doc();
		for (const u of updates) expect(accept(server, u)).toBeNull();
		expect(listNotes(server).map((n) => n.text)).toEqual(['Via appen, ändrad']);
	});

	it('refuses her document once the workshop is closed, though the round was left open', () => {
		// The attack: the facilitator closes the workshop without revealing; a participant keeps
		// writing private notes (and could edit or remove them), which a later reveal would carry
		// into the closed board.
		let closed = false;
		const closing = privateJudge('w1', anna, { ...hooks, closed: () => closed });
		const doc = new Y.Doc();
		const write = (update: Uint8Array) => {
			const refused = closing(doc, update);
			if (refused) return refused.reason;
			Y.applyUpdate(doc, update);
			return null;
		};
		expect(write(create(40, 'p1', annaNote()))).toBeNull();
		closed = true;
		expect(write(create(41, 'p2', annaNote()))).toBe('the workshop is closed');
		expect(write(setField(40, FIELDS + 1, 40, 'text', 'Efteråt'))).toBe('the workshop is closed');
		expect(write(encodeUpdate([], [{ client: 40, ranges: [[0, 1]] }]))).toBe(
			'the workshop is closed'
		);
		expect(listNotes(doc).map((n) => n.text)).toEqual(['Ringer 1177 och väntar i en timme']);
	});
});
