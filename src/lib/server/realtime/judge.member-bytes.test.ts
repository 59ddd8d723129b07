import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, listNotes } from '$lib/workshop/doc';
import { BYTES_PER_MEMBER, PARTICIPANT_SHARE, DOCUMENT_BYTES_MAX } from '$lib/workshop/layout';
import { listCanvas, richTextOf } from '$lib/workshop/records/canvas-shape';
import { setPlacement } from '$lib/workshop/records/placement';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { author, board, member, replica, send, type Board } from './judge-fixture';

/**
 * The per-member byte budget (BYTES_PER_MEMBER): one participant cannot fill the participants'
 * share of the board (7/8 of 16 MiB) alone, with shapes built byte by byte or with notes the
 * app's own accessor writes.
 */
const REFUSED = /too many bytes of this member/;

/** A sticky whose text fills most of a shape's 32 KiB of props. */
const bigShape = (by: string) => ({
	areaId: 'area1',
	shape: {
		type: 'note',
		x: 100,
		y: 200,
		rotation: 0,
		index: 'a1',
		isLocked: false,
		opacity: 1,
		props: { color: 'yellow', richText: richTextOf('x'.repeat(30_000)) }
	},
	authorId: by,
	authorName: by.toUpperCase(),
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1
});
const FIELDS = Object.keys(bigShape('x')).length;

/** A shape record under `key`, its map item at [client, clock] and its fields after it. */
function shapeUpdate(client: number, clock: number, key: string, fields: Record<string, unknown>) {
	const parent: ID = [client, clock];
	const structs: Struct[] = [
		{ parent: 'canvas', parentSub: key, content: { map: true } },
		...Object.entries(fields).map(([field, value]) => ({
			parent,
			parentSub: field,
			content: { any: [value] }
		}))
	];
	return encodeUpdate([{ client, clock, structs }]);
}

function canvasBoard() {
	const b = board();
	setPlacement(b.doc, 'area1', { prioritised: true });
	return b;
}

/** Shapes by one client id until the judge refuses one; how many it accepted, and why not. */
function drawUntilRefused(b: Board, who: string, client: number, max: number) {
	const judge = member(b, who);
	for (let i = 0; i < max; i++) {
		const update = shapeUpdate(client, i * (1 + FIELDS), `${who}${i}`, bigShape(who));
		const refused = send(b.doc, judge, update);
		if (refused) return { accepted: i, refused };
	}
	return { accepted: max, refused: null };
}

/** Notes of 2,000 characters, 100 an update, until the judge refuses a batch. */
function writeNotesUntilRefused(b: Board, who: string, batches: number, fill = 'y') {
	const judge = member(b, who);
	for (let batch = 0; batch < batches; batch++) {
		const copy = replica(b.doc);
		const before = Y.encodeStateVector(copy);
		copy.transact(() => {
			for (let i = 0; i < 100; i++) {
				addNote(copy, { text: `${batch}.${i} `.padEnd(2_000, fill), author: author(who) });
			}
		});
		const refused = send(b.doc, judge, Y.encodeStateAsUpdate(copy, before));
		if (refused) return { accepted: batch * 100, refused };
	}
	return { accepted: batches * 100, refused: null };
}

describe('the per-member byte budget', () => {
	it('is a quarter of the board, well inside the participants’ share', () => {
		expect(BYTES_PER_MEMBER).toBe(DOCUMENT_BYTES_MAX / 4);
		expect(BYTES_PER_MEMBER).toBeLessThan(DOCUMENT_BYTES_MAX * PARTICIPANT_SHARE);
	});

	it('stops one participant drawing 32 KiB shapes at her budget; others and facilitators draw on', () => {
		const b = canvasBoard();
		// 430 such shapes would fill the participants' 14 MiB.
		const anna = drawUntilRefused(b, 'anna', 900, 430);
		expect(anna.refused).toMatch(REFUSED);
		const perShape = 30_000;
		expect(anna.accepted).toBeGreaterThan(BYTES_PER_MEMBER / perShape - 10);
		expect(anna.accepted).toBeLessThan(BYTES_PER_MEMBER / perShape);
		expect(listCanvas(b.doc).filter((s) => s.authorId === 'anna')).toHaveLength(anna.accepted);
		// Her budget, not the board's: Bo draws, and so does the facilitator.
		expect(drawUntilRefused(b, 'bo', 901, 5)).toEqual({ accepted: 5, refused: null });
		const fia = member(b, 'fia', 'facilitator');
		expect(send(b.doc, fia, shapeUpdate(902, 0, 'fia0', bigShape('fia')))).toBeNull();
	}, 60_000);

	it('stops one participant’s 2,000-character notes at her budget, and frees what she removes', () => {
		const b = board();
		// 5,000 such notes (her note cap) would fill the participants' share.
		const anna = writeNotesUntilRefused(b, 'anna', 50);
		expect(anna.refused).toMatch(REFUSED);
		expect(anna.accepted).toBeGreaterThan(1_500);
		expect(anna.accepted).toBeLessThan(BYTES_PER_MEMBER / 2_000);
		const hers = listNotes(b.doc).filter((n) => n.authorId === 'anna');
		expect(hers).toHaveLength(anna.accepted);

		// Removing her notes gives her room again.
		const judge = member(b, 'anna');
		const copy = replica(b.doc);
		const before = Y.encodeStateVector(copy);
		copy.transact(() => {
			for (const note of hers.slice(0, 300)) deleteNote(copy, note.id);
		});
		expect(send(b.doc, judge, Y.encodeStateAsUpdate(copy, before))).toBeNull();
		expect(writeNotesUntilRefused(b, 'anna', 2)).toEqual({ accepted: 200, refused: null });
	}, 60_000);

	it('counts the bytes a text takes on the board, not its characters', () => {
		const b = board();
		// '好' is one UTF-16 unit but three bytes of UTF-8, the board's encoding: counted as
		// characters, her budget held three times its bytes, 12 of the participants' 14 MiB.
		const anna = writeNotesUntilRefused(b, 'anna', 30, '好');
		expect(anna.refused).toMatch(REFUSED);
		const hers = listNotes(b.doc).filter((n) => n.authorId === 'anna');
		const bytes = hers.reduce((sum, n) => sum + Buffer.byteLength(n.text), 0);
		expect(bytes).toBeLessThanOrEqual(BYTES_PER_MEMBER);
		expect(bytes).toBeGreaterThan(BYTES_PER_MEMBER * 0.8);
	}, 60_000);

	it('is recounted from the board when it is loaded again', () => {
		const b = canvasBoard();
		const anna = drawUntilRefused(b, 'anna', 910, 430);
		expect(anna.refused).toMatch(REFUSED);
		// A restart: the same board and client ids, a judge that never saw her write.
		const reloaded = { ...b, doc: replica(b.doc) };
		const next = shapeUpdate(911, 0, 'again', bigShape('anna'));
		expect(send(reloaded.doc, member(reloaded, 'anna'), next)).toMatch(REFUSED);
		expect(
			send(reloaded.doc, member(reloaded, 'bo'), shapeUpdate(912, 0, 'bo', bigShape('bo')))
		).toBeNull();
	}, 60_000);
});
