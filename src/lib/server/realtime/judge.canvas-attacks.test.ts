import { describe, expect, it } from 'vitest';
import { listCanvas, richTextOf } from '$lib/workshop/records/canvas-shape';
import { setPlacement } from '$lib/workshop/records/placement';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, member, send } from './judge-fixture';

/**
 * An attacker's pass over the canvas (issue 16), every update built byte by byte: taking over
 * another member's shape under its key, moving a shape to another area or another author, and
 * values no honest tldraw writes.
 */
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

const shapeOf = (author: string, over: Record<string, unknown> = {}) => ({
	areaId: 'area1',
	shape: sticky(),
	authorId: author,
	authorName: author.toUpperCase(),
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	...over
});
const FIELDS = Object.keys(shapeOf('x'));

/** A record's map item (after `origin`, the key's previous value, when given) and its fields. */
function record(client: number, key: string, fields: Record<string, unknown>, origin?: ID) {
	const parent: ID = [client, 0];
	const structs: Struct[] = [
		origin
			? { origin, content: { map: true } }
			: { parent: 'canvas', parentSub: key, content: { map: true } },
		...Object.entries(fields).map(([field, value]) => ({
			parent,
			parentSub: field,
			content: { any: [value] }
		}))
	];
	return structs;
}

const create = (client: number, key: string, fields: Record<string, unknown>) =>
	encodeUpdate([{ client, clock: 0, structs: record(client, key, fields) }]);

/** Sets one field of the record whose map item is [mapClient, 0], as its value's successor. */
const setField = (by: number, clock: number, mapClient: number, field: string, value: unknown) =>
	encodeUpdate([
		{
			client: by,
			clock,
			structs: [{ origin: [mapClient, 1 + FIELDS.indexOf(field)], content: { any: [value] } }]
		}
	]);

function canvasBoard() {
	const b = board();
	setPlacement(b.doc, 'area1', { prioritised: true });
	setPlacement(b.doc, 'area2', { prioritised: true });
	return b;
}

describe('an attacker on the canvas, byte by byte', () => {
	it('cannot take over another’s shape by removing it and writing a new one under its key', () => {
		const b = canvasBoard();
		expect(send(b.doc, member(b, 'bo'), create(800, 'k1', shapeOf('bo')))).toBeNull();
		const anna = member(b, 'anna');
		const removed = [{ client: 800, ranges: [[0, 1]] as [number, number][] }];
		// In her own name, and keeping Bo's provenance (his shape, moved).
		for (const [client, fields] of [
			[801, shapeOf('anna')],
			[802, shapeOf('bo', { shape: sticky({ x: 999 }) })]
		] as const) {
			const update = encodeUpdate(
				[{ client, clock: 0, structs: record(client, 'k1', fields, [800, 0]) }],
				removed
			);
			expect(send(b.doc, anna, update)).toMatch(/not yours to remove/);
		}
		expect(listCanvas(b.doc).map((s) => [s.authorId, s.shape.x])).toEqual([['bo', 100]]);
	});

	it('cannot move her own shape to another area or another author', () => {
		const b = canvasBoard();
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(810, 'k1', shapeOf('anna')))).toBeNull();
		const next = 1 + FIELDS.length;
		expect(send(b.doc, anna, setField(810, next, 810, 'areaId', 'area2'))).toMatch(
			/areaId cannot be changed/
		);
		expect(send(b.doc, member(b, 'anna'), setField(810, next, 810, 'authorId', 'bo'))).toMatch(
			/authorId cannot be changed/
		);
		expect(listCanvas(b.doc).map((s) => [s.areaId, s.authorId])).toEqual([['area1', 'anna']]);
	});

	it('refuses NaN and out-of-range numbers in a shape, and deeply nested props', () => {
		const b = canvasBoard();
		const anna = member(b, 'anna');
		for (const [client, shape] of [
			[820, sticky({ x: Number.NaN })],
			[821, sticky({ rotation: Number.NaN })],
			[822, sticky({ opacity: Number.NaN })],
			[823, sticky({ opacity: 2 })],
			[824, sticky({ index: 'a'.repeat(201) })]
		] as const) {
			expect(
				send(b.doc, anna, create(client, `k${client}`, shapeOf('anna', { shape }))),
				String(client)
			).not.toBeNull();
		}
		// Nested as deep as the server still reads (a browser with a smaller stack may not, and
		// then could not open the board at all); tldraw's own props nest a few levels.
		let deep: unknown = 'x';
		for (let i = 0; i < 2_000; i++) deep = [deep];
		const nested = sticky({ props: { deep } });
		expect(send(b.doc, anna, create(825, 'k825', shapeOf('anna', { shape: nested })))).toMatch(
			/bad value for shape/
		);
		expect(listCanvas(b.doc)).toEqual([]);
		// The control: she still draws.
		expect(send(b.doc, member(b, 'anna'), create(826, 'k826', shapeOf('anna')))).toBeNull();
	});
});
