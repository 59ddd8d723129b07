import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { boardRecords } from '$lib/workshop/layout';
import { createArea } from '$lib/workshop/records/area';
import { setParticipantsMayComment } from '$lib/workshop/records/board-state';
import {
	addGoalComment,
	goalCommentsMap,
	listGoalComments,
	removeGoalComment
} from '$lib/workshop/records/goal-comment';
import { writeGoal } from '$lib/workshop/records/goal';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { author, board, change, member, replica, send } from './judge-fixture';

/**
 * Comments on a målbild: participants write them only while a facilitator allows it, sign them
 * as themselves, and remove only their own. Every attack is written byte by byte, as a
 * hostile client would send it, and must leave the board as it was.
 */
function setup(allowed: boolean) {
	const b = board();
	const facilitator = member(b, 'fia', 'facilitator');
	const fiaDoc = replica(b.doc);
	change(b.doc, facilitator, fiaDoc, () => {
		createArea(fiaDoc, { name: 'Hemgång', id: 'area1' });
		writeGoal(fiaDoc, 'area1', { summary: 'Ingen vet vem som svarar' });
		setParticipantsMayComment(fiaDoc, allowed);
	});
	const anna = member(b, 'anna');
	const annaDoc = replica(b.doc);
	// Anna binds her client id with a note of her own.
	expect(
		change(b.doc, anna, annaDoc, () => addNote(annaDoc, { text: 'A', author: author('anna') }))
	).toBeNull();
	const state = (client: number) => Y.getState(b.doc.store, client);
	return { b, anna, annaDoc, facilitator, fiaDoc, A: annaDoc.clientID, state };
}

type Setup = ReturnType<typeof setup>;

const snapshot = (s: Setup) => ({
	bytes: Y.encodeStateAsUpdate(s.b.doc),
	json: JSON.stringify(boardRecords.map((r) => s.b.doc.getMap(r.root).toJSON()))
});

function refused(s: Setup, update: Uint8Array, reason: RegExp) {
	const before = snapshot(s);
	expect(send(s.b.doc, s.anna, update)).toMatch(reason);
	const after = snapshot(s);
	expect(after.json).toBe(before.json);
	expect(after.bytes).toEqual(before.bytes);
}

/** A new comment: its map item at `clock`, then one item per field inside it. */
function comment(client: number, clock: number, id: string, fields: Record<string, unknown>) {
	const parent: ID = [client, clock];
	const structs: Struct[] = [
		{ parent: 'goalComments', parentSub: id, content: { map: true } },
		...Object.entries(fields).map(([key, value]) => ({
			parent,
			parentSub: key,
			content: { any: [value] }
		}))
	];
	return encodeUpdate([{ client, clock, structs }]);
}

const annas = {
	areaId: 'area1',
	text: 'Och på helgen?',
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'sjukskoterska',
	organisation: 'kommun',
	createdAt: 1
};

describe('comments on a målbild, judged', () => {
	it('accepts Anna’s own comment while comments are allowed (the control)', () => {
		const s = setup(true);
		expect(send(s.b.doc, s.anna, comment(s.A, s.state(s.A), 'c1', annas))).toBeNull();
		expect(listGoalComments(s.b.doc, 'area1').map((c) => c.text)).toEqual(['Och på helgen?']);
	});

	it('refuses a comment while the facilitator has not allowed comments', () => {
		const s = setup(false);
		refused(s, comment(s.A, s.state(s.A), 'c1', annas), /not allowed now/);
		// The facilitator's own comment goes, and once allowed Anna's does too.
		expect(
			change(s.b.doc, s.facilitator, s.fiaDoc, () =>
				addGoalComment(s.fiaDoc, { areaId: 'area1', text: 'Notera', author: author('fia') })
			)
		).toBeNull();
		change(s.b.doc, s.facilitator, s.fiaDoc, () => setParticipantsMayComment(s.fiaDoc, true));
		expect(send(s.b.doc, s.anna, comment(s.A, s.state(s.A), 'c1', annas))).toBeNull();
	});

	it('refuses a comment on an area that is not on the board', () => {
		const s = setup(true);
		const at = s.state(s.A);
		refused(s, comment(s.A, at, 'c9', { ...annas, areaId: 'nosucharea' }), /no such area/);
	});

	it('refuses a comment signed as another member, by id or by name', () => {
		const s = setup(true);
		refused(s, comment(s.A, s.state(s.A), 'c1', { ...annas, authorId: 'bo' }), /not yours/);
		refused(s, comment(s.A, s.state(s.A), 'c1', { ...annas, authorName: 'BO' }), /own name/);
	});

	it('refuses malformed comments: empty, too long, unknown fields, missing fields', () => {
		const s = setup(true);
		refused(s, comment(s.A, s.state(s.A), 'c1', { ...annas, text: '' }), /bad value for text/);
		refused(
			s,
			comment(s.A, s.state(s.A), 'c1', { ...annas, text: 'x'.repeat(1001) }),
			/bad value for text/
		);
		refused(s, comment(s.A, s.state(s.A), 'c1', { ...annas, score: 5 }), /unknown field/);
		const noTime: Partial<typeof annas> = { ...annas };
		delete noTime.createdAt;
		refused(s, comment(s.A, s.state(s.A), 'c1', noTime), /createdAt is required/);
	});

	it('refuses editing a comment, even her own, and removing another’s', () => {
		const s = setup(true);
		expect(
			change(s.b.doc, s.anna, s.annaDoc, () =>
				addGoalComment(s.annaDoc, { areaId: 'area1', text: 'Mitt', author: author('anna') })
			)
		).toBeNull();
		// A new value after the text's item, so that Yjs makes it the map's value.
		const text = [...goalCommentsMap(s.b.doc).values()][0]!._map.get('text')!.id;
		refused(
			s,
			encodeUpdate([
				{
					client: s.A,
					clock: s.state(s.A),
					structs: [
						{ origin: [text.client, text.clock], parentSub: 'text', content: { any: ['X'] } }
					]
				}
			]),
			/text cannot be changed/
		);
		change(s.b.doc, s.facilitator, s.fiaDoc, () =>
			addGoalComment(s.fiaDoc, { areaId: 'area1', text: 'Fias', author: author('fia'), id: 'f1' })
		);
		const fias = goalCommentsMap(s.b.doc).get('f1')!._item!.id;
		refused(
			s,
			encodeUpdate([], [{ client: fias.client, ranges: [[fias.clock, 1]] }]),
			/not yours to remove/
		);
		// Her own she removes.
		Y.applyUpdate(s.annaDoc, Y.encodeStateAsUpdate(s.b.doc));
		const mine = listGoalComments(s.annaDoc, 'area1').find((c) => c.authorId === 'anna')!;
		expect(change(s.b.doc, s.anna, s.annaDoc, () => removeGoalComment(s.annaDoc, mine.id))).toBe(
			null
		);
		expect(listGoalComments(s.b.doc, 'area1').map((c) => c.text)).toEqual(['Fias']);
	});

	it('refuses a participant turning comments on herself', () => {
		const s = setup(false);
		// After the facilitator's value, so that Yjs makes it the value whatever the client ids.
		const flag = s.b.doc.getMap('state')._map.get('participantsMayComment')!.id;
		refused(
			s,
			encodeUpdate([
				{
					client: s.A,
					clock: s.state(s.A),
					structs: [
						{
							origin: [flag.client, flag.clock],
							parentSub: 'participantsMayComment',
							content: { any: [true] }
						}
					]
				}
			]),
			/participantsMayComment is not yours/
		);
	});
});
