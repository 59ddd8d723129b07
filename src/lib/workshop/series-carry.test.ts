import { describe, expect, it } from 'vitest';
import { listActions } from './records/action';
import { listAreas } from './records/area';
import { listCarried } from './records/carried';
import { readGoal } from './records/goal';
import { listPlacements } from './records/placement';
import { carryBoard, type CarryKind } from './series-carry';
import { boardDocFrom, remapBoard } from './workshop-import';
import { boardFileSchema, type BoardFile } from './workshop-json';

const t = 1_700_000_000_000;
const previous: BoardFile = {
	areas: [
		{ id: 'a1', name: 'Trygghet', parentId: null, order: 'a0', createdAt: t },
		{ id: 'a2', name: 'Information', parentId: null, order: 'a1', createdAt: t },
		{ id: 'a3', name: 'Läkemedel', parentId: null, order: 'a2', createdAt: t },
		{ id: 'a4', name: 'Nattetid', parentId: 'a1', order: 'a0', createdAt: t }
	],
	placements: [
		{ id: 'a1', final: { worth: 5, cost: 2 }, prioritised: true },
		{ id: 'a2', final: null, prioritised: false }
	],
	goals: [
		{ id: 'a1', summary: 'Veta vem man ringer', statements: ['Jag vet'], question: 'Hur kan vi?' }
	],
	actions: [
		{
			id: 'x1',
			areaId: 'a4',
			step: 'Hemgång',
			current: '',
			desired: '',
			proposal: 'Ett nummer',
			plan: '',
			owner: 'Kommunen',
			due: '2026-06-01',
			status: 'pagar',
			ideaId: 'i9',
			order: 'a0',
			createdAt: t,
			updatedAt: t
		}
	],
	notes: [{ id: 'n1', text: 'stannar kvar' }]
};
const from = { title: 'Workshop 2', position: 2, date: '2026-04-21' };

const carry = (...kinds: CarryKind[]) => carryBoard(previous, new Set(kinds), from);

describe('carryBoard', () => {
	it('carries nothing when nothing is ticked', () => {
		expect(carry()).toEqual({});
	});

	it('carries every area, and no notes, with its provenance', () => {
		const out = carry('areas');
		expect((out.areas as { name: string }[]).map((a) => a.name)).toEqual([
			'Trygghet',
			'Information',
			'Läkemedel',
			'Nattetid'
		]);
		expect(out.notes).toBeUndefined();
		expect(out.placements).toBeUndefined();
		expect(out.carried).toContainEqual({
			id: 'a2',
			kind: 'area',
			workshop: 'Workshop 2',
			position: 2,
			date: '2026-04-21'
		});
	});

	it('an action brings its area and that area’s parent; its idea stays behind', () => {
		const out = carry('actions');
		expect((out.areas as { id: string }[]).map((a) => a.id).sort()).toEqual(['a1', 'a4']);
		expect(out.actions).toEqual([
			expect.objectContaining({ id: 'x1', status: 'pagar', ideaId: null })
		]);
	});

	it('builds a board the judge’s schema accepts, under new ids that still refer to each other', () => {
		const out = carry('prioritised', 'goals', 'actions');
		expect(boardFileSchema.safeParse(out).success).toBe(true);
		let n = 0;
		const { board } = remapBoard(out, () => `new${++n}`.padEnd(12, '0'));
		const doc = boardDocFrom(board);
		const areas = listAreas(doc);
		const trygghet = areas.find((a) => a.name === 'Trygghet')!;
		expect(trygghet.id).not.toBe('a1');
		expect(listPlacements(doc).get(trygghet.id)?.prioritised).toBe(true);
		expect(readGoal(doc, trygghet.id).summary).toBe('Veta vem man ringer');
		const [action] = listActions(doc);
		expect(areas.find((a) => a.id === action!.areaId)?.name).toBe('Nattetid');
		const carried = listCarried(doc);
		expect(carried.get(trygghet.id)).toMatchObject({ kind: 'area', position: 2 });
		expect(carried.get(action!.id)).toMatchObject({ kind: 'action', workshop: 'Workshop 2' });
	});
});
