import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followUp, isOverdue, localToday, movedOrder, prioritisedAreas } from './action-plan';
import { addAction, listActions, updateAction, type Action } from './records/action';
import { createArea, listAreas } from './records/area';
import { listPlacements, setPlacement } from './records/placement';

function plan() {
	const doc = new Y.Doc();
	const a = createArea(doc, { name: 'Vem ringer jag' })!;
	const b = createArea(doc, { name: 'Läkemedelslistan' })!;
	const c = createArea(doc, { name: 'Utskrivningen' })!;
	return { doc, a, b, c };
}

const ids = (actions: Action[]) => actions.map((x) => x.step);

describe('prioritisedAreas', () => {
	it('keeps the prioritised areas in the areas’ order, whatever order they were marked in', () => {
		const { doc, a, b, c } = plan();
		setPlacement(doc, c, { prioritised: true });
		setPlacement(doc, a, { prioritised: true });
		setPlacement(doc, b, { prioritised: false, final: { worth: 4, cost: 2 } });
		const names = prioritisedAreas(listAreas(doc), listPlacements(doc)).map((x) => x.name);
		expect(names).toEqual(['Vem ringer jag', 'Utskrivningen']);
	});

	it('is empty before anything is prioritised', () => {
		const { doc } = plan();
		expect(prioritisedAreas(listAreas(doc), listPlacements(doc))).toEqual([]);
	});
});

describe('followUp', () => {
	it('groups by status in the seeds’ order, by area then plan order within a group', () => {
		const { doc, a, b } = plan();
		addAction(doc, { areaId: b, step: 'b1', status: 'pagar' });
		addAction(doc, { areaId: a, step: 'a1' });
		addAction(doc, { areaId: a, step: 'a2', status: 'genomford' });
		addAction(doc, { areaId: a, step: 'a3', status: 'pagar' });
		addAction(doc, { areaId: 'gone', step: 'x1', status: 'pagar' });
		const groups = followUp(listActions(doc), [a, b]);
		expect(groups.map((g) => g.status)).toEqual(['genomford', 'pagar', 'planerad']);
		expect(groups.map((g) => ids(g.actions))).toEqual([['a2'], ['a3', 'b1', 'x1'], ['a1']]);
	});

	it('keeps one status when filtered, and empty groups as they are', () => {
		const { doc, a } = plan();
		const id = addAction(doc, { areaId: a, step: 'a1' });
		expect(followUp(listActions(doc), [a], 'pagar')).toEqual([{ status: 'pagar', actions: [] }]);
		updateAction(doc, id, { status: 'pagar' });
		const [group] = followUp(listActions(doc), [a], 'pagar');
		expect(ids(group!.actions)).toEqual(['a1']);
		expect(followUp(listActions(doc), [a], 'planerad')[0]!.actions).toEqual([]);
	});
});

describe('isOverdue', () => {
	it('is past its date and not done; a done or undated action never is', () => {
		expect(isOverdue({ due: '2026-11-30', status: 'pagar' }, '2026-12-01')).toBe(true);
		expect(isOverdue({ due: '2026-12-01', status: 'planerad' }, '2026-12-01')).toBe(false);
		expect(isOverdue({ due: '2026-11-30', status: 'genomford' }, '2026-12-01')).toBe(false);
		expect(isOverdue({ due: null, status: 'planerad' }, '2026-12-01')).toBe(false);
	});

	it('reads today as the date input writes it', () => {
		expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});

describe('movedOrder', () => {
	it('moves an action up and down its plan, and not past either end', () => {
		const { doc, a } = plan();
		for (const step of ['1', '2', '3']) addAction(doc, { areaId: a, step });
		const move = (step: string, delta: number) => {
			const list = listActions(doc, a);
			const id = list.find((x) => x.step === step)!.id;
			const order = movedOrder(list, id, delta);
			if (order !== null) updateAction(doc, id, { order });
			return order;
		};
		expect(move('3', -1)).not.toBeNull();
		expect(ids(listActions(doc, a))).toEqual(['1', '3', '2']);
		expect(move('1', 1)).not.toBeNull();
		expect(ids(listActions(doc, a))).toEqual(['3', '1', '2']);
		expect(move('3', -1)).toBeNull();
		expect(move('2', 1)).toBeNull();
		expect(move('2', -2)).not.toBeNull();
		expect(ids(listActions(doc, a))).toEqual(['2', '3', '1']);
		expect(movedOrder(listActions(doc, a), 'nope', 1)).toBeNull();
	});
});
