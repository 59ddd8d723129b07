import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaMap } from '$lib/workshop/records/agenda';
import { setBoardLocked } from '$lib/workshop/records/board-state';
import {
	CANVAS_PROPS_MAX,
	canvasShapeText,
	type CanvasRecord,
	type CanvasShape,
	listCanvas,
	putCanvasShape,
	richTextOf
} from '$lib/workshop/records/canvas-shape';
import { facilitationMap } from '$lib/workshop/records/facilitation';
import { setPlacement } from '$lib/workshop/records/placement';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, change, member, replica, send } from './judge-fixture';

const sticky = (over: Record<string, unknown> = {}) => ({
	type: 'note',
	x: 100,
	y: 200,
	rotation: 0,
	index: 'a1',
	isLocked: false,
	opacity: 1,
	props: { color: 'yellow', richText: richTextOf('Ring upp inom en timme') },
	...over
});

const annaShape = (over: Record<string, unknown> = {}) => ({
	areaId: 'area1',
	shape: sticky(),
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	...over
});

/** A new canvas record in root `canvas`: its map item at clock 0, then one item per field. */
function create(client: number, key: string, fields: Record<string, unknown>): Uint8Array {
	const parent: ID = [client, 0];
	const structs: Struct[] = [
		{ parent: 'canvas', parentSub: key, content: { map: true } },
		...Object.entries(fields).map(([field, value]) => ({
			parent,
			parentSub: field,
			content: { any: [value] }
		}))
	];
	return encodeUpdate([{ client, clock: 0, structs }]);
}

/** The clock a record's creator writes at next: its map item and one item per field. */
const NEXT = 1 + Object.keys(annaShape()).length;

/** Sets the `shape` of the record whose map item is [mapClient, 0], as its current value's successor. */
const moveShape = (by: number, clock: number, mapClient: number, shape: unknown) => {
	const at = 1 + Object.keys(annaShape()).indexOf('shape');
	return encodeUpdate([
		{ client: by, clock, structs: [{ origin: [mapClient, at], content: { any: [shape] } }] }
	]);
};

/** Deletes the record whose map item is [mapClient, 0]. */
const deleteShape = (mapClient: number) =>
	encodeUpdate([], [{ client: mapClient, ranges: [[0, 1]] }]);

function canvasBoard() {
	const b = board();
	setPlacement(b.doc, 'area1', { prioritised: true });
	return b;
}

describe('the board judge on canvas shapes, updates written byte by byte', () => {
	it('accepts a sticky of her own and reads its text (the control)', () => {
		const b = canvasBoard();
		expect(send(b.doc, member(b, 'anna'), create(901, 'k1', annaShape()))).toBeNull();
		const [shape] = listCanvas(b.doc, 'area1') as [CanvasRecord];
		expect(shape.authorId).toBe('anna');
		expect(canvasShapeText(shape.shape)).toBe('Ring upp inom en timme');
	});

	it('refuses a shape in another member’s name and on an area that is not prioritised', () => {
		const b = canvasBoard();
		const anna = member(b, 'anna');
		expect(
			send(b.doc, anna, create(902, 'k1', annaShape({ authorId: 'bo', authorName: 'BO' })))
		).toMatch(/not yours to create/);
		expect(send(b.doc, anna, create(903, 'k2', annaShape({ areaId: 'area2' })))).toMatch(
			/prioritised area/
		);
		expect(send(b.doc, anna, create(904, 'k3', annaShape({ authorName: 'BO' })))).toMatch(
			/own name or none/
		);
		expect(listCanvas(b.doc)).toEqual([]);
	});

	it('refuses a participant moving or deleting another’s shape; a facilitator may', () => {
		const b = canvasBoard();
		expect(
			send(
				b.doc,
				member(b, 'bo'),
				create(910, 'k1', annaShape({ authorId: 'bo', authorName: 'BO' }))
			)
		).toBe(null);
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, moveShape(911, 0, 910, sticky({ x: 999 })))).toMatch(
			/shape is not yours to change/
		);
		expect(send(b.doc, anna, deleteShape(910))).toMatch(/not yours to remove/);
		expect(listCanvas(b.doc)[0]!.shape.x).toBe(100);
		// Bo moves his own; the facilitator moves it again and then removes it.
		expect(send(b.doc, member(b, 'bo'), moveShape(910, NEXT, 910, sticky({ x: 300 })))).toBeNull();
		expect(listCanvas(b.doc)[0]!.shape.x).toBe(300);
		const fac = member(b, 'fac', 'facilitator');
		const client = replica(b.doc);
		expect(
			change(b.doc, fac, client, () =>
				putCanvasShape(client, {
					key: 'k1',
					areaId: 'area1',
					shape: sticky({ x: 5 }) as CanvasShape,
					author: { id: 'bo', name: 'BO', profession: 'lakare', organisation: 'region' }
				})
			)
		).toBeNull();
		expect(listCanvas(b.doc)[0]!.shape.x).toBe(5);
		expect(send(b.doc, fac, deleteShape(910))).toBeNull();
		expect(listCanvas(b.doc)).toEqual([]);
	});

	it('refuses unknown shape types, extra fields and oversize props', () => {
		const b = canvasBoard();
		const anna = member(b, 'anna');
		for (const [client, shape] of [
			[920, sticky({ type: 'embed', props: { url: 'https://example.com' } })],
			[921, sticky({ type: 'image' })],
			[922, sticky({ parentId: 'shape:other' })],
			[923, sticky({ props: { richText: richTextOf('x'.repeat(CANVAS_PROPS_MAX)) } })],
			[924, sticky({ x: Number.POSITIVE_INFINITY })],
			[925, sticky({ x: 1e9 })]
		] as const) {
			expect(send(b.doc, anna, create(client, `k${client}`, annaShape({ shape })))).not.toBeNull();
		}
		expect(send(b.doc, anna, create(926, 'shape:k', annaShape()))).not.toBeNull();
		expect(listCanvas(b.doc)).toEqual([]);
		// An honest long pen stroke fits.
		const stroke = sticky({ type: 'draw', props: { segments: 'A'.repeat(20_000) } });
		expect(send(b.doc, anna, create(927, 'k927', annaShape({ shape: stroke })))).toBeNull();
	});

	it('refuses a participant’s shapes while the board is locked, not a facilitator’s', () => {
		const b = canvasBoard();
		expect(send(b.doc, member(b, 'anna'), create(930, 'k1', annaShape()))).toBeNull();
		setBoardLocked(b.doc, true);
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(931, 'k2', annaShape()))).toMatch(/locked/);
		expect(send(b.doc, anna, moveShape(930, NEXT, 930, sticky({ x: 1 })))).toMatch(/locked/);
		expect(send(b.doc, anna, deleteShape(930))).toMatch(/locked/);
		expect(
			send(
				b.doc,
				member(b, 'fac', 'facilitator'),
				create(932, 'k3', annaShape({ authorId: 'fac', authorName: null }))
			)
		).toBeNull();
		expect(listCanvas(b.doc).map((s) => s.key)).toEqual(['k1', 'k3']);
	});

	it('follows the current step: open in an ideas step, closed in another', () => {
		const b = canvasBoard();
		const step = (id: string, kind: string) => {
			const map = new Y.Map<unknown>();
			agendaMap(b.doc).set(id, map);
			for (const [k, v] of Object.entries({
				kind,
				title: '',
				minutes: 10,
				instruction: '',
				order: id
			})) {
				map.set(k, v);
			}
		};
		step('s1', 'journey');
		step('s2', 'ideas');
		facilitationMap(b.doc).set('stepId', 's1');
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(940, 'k1', annaShape()))).toMatch(/ideas step/);
		facilitationMap(b.doc).set('stepId', 's2');
		expect(send(b.doc, anna, create(941, 'k2', annaShape()))).toBeNull();
		facilitationMap(b.doc).set('stepId', 's1');
		expect(send(b.doc, anna, moveShape(941, NEXT, 941, sticky({ x: 1 })))).toMatch(/ideas step/);
		expect(listCanvas(b.doc).map((s) => s.shape.x)).toEqual([100]);
	});
});
