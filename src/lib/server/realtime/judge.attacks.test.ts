import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, notesMap } from '$lib/workshop/doc';
import { setEmotion } from '$lib/workshop/emotions';
import { boardRecords } from '$lib/workshop/layout';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { author, board, change, member, replica, send, type Board } from './judge-fixture';

/** Anna and Bo are participants who each wrote a note, so their client ids are bound. */
function setup() {
	const b = board();
	const anna = member(b, 'anna');
	const bo = member(b, 'bo');
	const annaDoc = replica(b.doc);
	const boDoc = replica(b.doc);
	let annaNote = '';
	change(
		b.doc,
		anna,
		annaDoc,
		() => (annaNote = addNote(annaDoc, { text: 'A', author: author('anna') }))
	);
	change(b.doc, bo, boDoc, () => addNote(boDoc, { text: 'B', author: author('bo') }));
	const state = (client: number) => Y.getState(b.doc.store, client);
	return { b, anna, annaDoc, annaNote, A: annaDoc.clientID, B: boDoc.clientID, state };
}

const snapshot = (b: Board) => ({
	bytes: Y.encodeStateAsUpdate(b.doc),
	json: JSON.stringify(boardRecords.map((r) => b.doc.getMap(r.root).toJSON()))
});

/** Sends a crafted update as Anna: refused, the board unchanged, honest writes still go. */
function refused(s: ReturnType<typeof setup>, update: Uint8Array, reason: RegExp) {
	const before = snapshot(s.b);
	expect(send(s.b.doc, s.anna, update)).toMatch(reason);
	const after = snapshot(s.b);
	expect(after.json).toBe(before.json);
	expect(after.bytes).toEqual(before.bytes);
	const next = change(s.b.doc, s.anna, s.annaDoc, () =>
		setEmotion(s.annaDoc, s.b.eventId, 'anna', 1)
	);
	expect(next).toBeNull();
}

/** A new note: its map item at `clock`, then one item per field inside it. */
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

const annaFields = {
	text: 'x',
	kind: 'note',
	eventId: null,
	questionId: null,
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	updatedAt: 1
};

describe('the judge, against updates written byte by byte', () => {
	it('accepts a well-formed note of her own (the control)', () => {
		const s = setup();
		const update = encodeUpdate([
			{ client: s.A, clock: s.state(s.A), structs: note(s.A, s.state(s.A), 'n1', annaFields) }
		]);
		expect(send(s.b.doc, s.anna, update)).toBeNull();
		expect(notesMap(s.b.doc).get('n1')?.get('text')).toBe('x');
	});

	it('judges each field by its own schema, whatever another field accepted before', () => {
		const s = setup();
		let clock = s.state(s.A);
		const send1 = (id: string, fields: Record<string, unknown>) => {
			const update = encodeUpdate([{ client: s.A, clock, structs: note(s.A, clock, id, fields) }]);
			const verdict = send(s.b.doc, s.anna, update);
			if (verdict === null) clock = s.state(s.A);
			return verdict;
		};
		// Accepted twice, so each value has been judged by its field's schema already.
		expect(send1('n1', annaFields)).toBeNull();
		expect(send1('n2', annaFields)).toBeNull();
		// The same strings in fields whose schemas refuse them.
		expect(send1('n3', { ...annaFields, kind: 'lakare' })).toMatch(/note: bad value for kind/);
		expect(send1('n3', { ...annaFields, profession: 'region' })).toMatch(
			/note: bad value for profession/
		);
		expect(send1('n3', { ...annaFields, organisation: 'note' })).toMatch(
			/note: bad value for organisation/
		);
		// A refused value stays refused when sent again.
		expect(send1('n3', { ...annaFields, kind: 'lakare' })).toMatch(/note: bad value for kind/);
		expect(send1('n3', annaFields)).toBeNull();
	});

	it('refuses a struct that starts at a known clock and runs on into the persona', () => {
		const s = setup();
		const clock = s.state(s.A) - 1;
		const struct: Struct = {
			parent: 'persona',
			parentSub: 'name',
			content: { any: ['x', 'HACKED'] }
		};
		// Yjs integrates the tail: persona.name = "HACKED", and her note's last field is removed.
		refused(
			s,
			encodeUpdate([{ client: s.A, clock, structs: [struct] }]),
			/persona: name|updatedAt is required/
		);
	});

	it('refuses a struct that runs on into another member’s note (own or foreign client id)', () => {
		const s = setup();
		const boNote = notesMap(s.b.doc).get(s.b.boNote)!._item!.id;
		const into = (key: string, value: unknown): Struct => ({
			parent: [boNote.client, boNote.clock],
			parentSub: key,
			content: { any: ['x', value] }
		});
		refused(
			s,
			encodeUpdate([
				{ client: s.A, clock: s.state(s.A) - 1, structs: [into('updatedAt', 'HACKED')] }
			]),
			/note: updatedAt/
		);
		refused(
			s,
			encodeUpdate([{ client: s.B, clock: s.state(s.B) - 1, structs: [into('text', 'TAMPERED')] }]),
			/client id/
		);
	});

	it('refuses pending structs for another client id, bound or new', () => {
		const s = setup();
		const struct: Struct = {
			parent: 'emotions',
			parentSub: `${s.b.eventId}|anna`,
			content: { any: [1] }
		};
		refused(
			s,
			encodeUpdate([{ client: s.B, clock: s.state(s.B) + 5, structs: [struct] }]),
			/does not have/
		);
		refused(s, encodeUpdate([{ client: 777, clock: 3, structs: [struct] }]), /does not have/);
	});

	it('refuses pending deletes of another member’s future writes', () => {
		const s = setup();
		refused(
			s,
			encodeUpdate([], [{ client: s.B, ranges: [[s.state(s.B), 1000]] }]),
			/does not have/
		);
		refused(
			s,
			encodeUpdate([], [{ client: s.b.doc.clientID, ranges: [[0, 1_000_000]] }]),
			/does not have|not yours/
		);
	});

	it('refuses GC and Skip structs squatting a foreign client’s future clocks', () => {
		const s = setup();
		refused(
			s,
			encodeUpdate([{ client: s.B, clock: s.state(s.B), structs: [{ gc: 1000 }] }]),
			/client id/
		);
		const server = s.b.doc.clientID;
		refused(
			s,
			encodeUpdate([{ client: server, clock: s.state(server), structs: [{ gc: 50 }] }]),
			/client id/
		);
		const after: Struct = {
			parent: 'emotions',
			parentSub: `${s.b.eventId}|anna`,
			content: { any: [1] }
		};
		refused(
			s,
			encodeUpdate([{ client: s.B, clock: s.state(s.B), structs: [{ skip: 100 }, after] }]),
			/does not have/
		);
	});

	it('refuses a valid change written under a client id bound to another member', () => {
		const s = setup();
		const struct: Struct = {
			parent: 'emotions',
			parentSub: `${s.b.eventId}|anna`,
			content: { any: [1] }
		};
		refused(
			s,
			encodeUpdate([{ client: s.B, clock: s.state(s.B), structs: [struct] }]),
			/client id/
		);
	});

	it('refuses wrong-typed values, 900 KB ids, keys and text', () => {
		const s = setup();
		const at = (fields: Record<string, unknown>, id = 'n2') =>
			encodeUpdate([
				{ client: s.A, clock: s.state(s.A), structs: note(s.A, s.state(s.A), id, fields) }
			]);
		refused(s, at({ ...annaFields, createdAt: 'yesterday' }), /bad value for createdAt/);
		refused(s, at({ ...annaFields, authorName: 'BO (facilitator)' }), /own name/);
		refused(s, at(annaFields, 'x'.repeat(900_000)), /bad id/);
		refused(s, at({ ...annaFields, text: 'x'.repeat(900_000) }), /bad value for text/);
		const key: Struct = {
			parent: 'emotions',
			parentSub: `${'e'.repeat(900_000)}|anna`,
			content: { any: [1] }
		};
		refused(s, encodeUpdate([{ client: s.A, clock: s.state(s.A), structs: [key] }]), /bad id/);
	});

	it('refuses unknown root maps, unknown fields and list content in a map', () => {
		const s = setup();
		const at = (structs: Struct[]) => encodeUpdate([{ client: s.A, clock: s.state(s.A), structs }]);
		refused(s, at([{ parent: 'settings', parentSub: 'x', content: { any: [1] } }]), /unknown root/);
		refused(
			s,
			at([{ parent: 'x'.repeat(900_000), content: { string: 'hi' } }]),
			/not a map entry|unknown root/
		);
		const own = notesMap(s.b.doc).get(s.annaNote)!._item!.id;
		refused(
			s,
			at([{ parent: [own.client, own.clock], parentSub: 'color', content: { any: ['red'] } }]),
			/unknown field/
		);
		refused(s, at(note(s.A, s.state(s.A), 'n3', { ...annaFields, color: 'red' })), /unknown field/);
		refused(s, at([{ parent: 'notes', content: { any: ['loose'] } }]), /not a map entry/);
		refused(
			s,
			at([{ parent: [own.client, own.clock], content: { string: 'loose' } }]),
			/not a map entry/
		);
	});
});

/**
 * A field name the declaration does not list is refused, even one every plain object inherits:
 * `record.fields[field]` found Object.prototype's `constructor`, `toString`, `__proto__`…, so
 * a new note's such field went unjudged, and a change to one threw (a malformed close, not a
 * refusal).
 */
describe('the judge and field names a plain object inherits', () => {
	for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
		it(`refuses a new note with a field named ${name}, written byte by byte`, () => {
			const s = setup();
			const fields = { ...annaFields, [name]: 'hidden, never validated '.repeat(100) };
			const update = encodeUpdate([
				{ client: s.A, clock: s.state(s.A), structs: note(s.A, s.state(s.A), 'n9', fields) }
			]);
			refused(s, update, /note: unknown field/);
			expect(notesMap(s.b.doc).has('n9')).toBe(false);
		});

		it(`refuses a field named ${name} added to her own note`, () => {
			const s = setup();
			const before = snapshot(s.b);
			const reason = change(s.b.doc, s.anna, s.annaDoc, () =>
				(notesMap(s.annaDoc).get(s.annaNote) as Y.Map<unknown>).set(name, 'x')
			);
			expect(reason).toMatch(/note: unknown field/);
			expect(snapshot(s.b).json).toBe(before.json);
		});
	}
});
