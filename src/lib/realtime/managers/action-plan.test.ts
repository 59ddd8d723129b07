import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createArea } from '$lib/workshop/records/area';
import { writeGoal } from '$lib/workshop/records/goal';
import { addIdea } from '$lib/workshop/records/idea';
import { addAction } from '$lib/workshop/records/action';
import { setPlacement } from '$lib/workshop/records/placement';
import { BoardActionPlan } from './action-plan.svelte';

/** Two replicas that hear each other's updates at once, as two browsers on one board. */
function pair() {
	const mine = new Y.Doc();
	const theirs = new Y.Doc();
	mine.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(theirs, u, 'remote');
	});
	theirs.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(mine, u, 'remote');
	});
	return { mine, theirs };
}

describe('BoardActionPlan', () => {
	it('follows prioritised areas, their målbild, actions and ideas written elsewhere', () => {
		const { mine, theirs } = pair();
		const plan = new BoardActionPlan(mine);
		expect(plan.prioritised).toEqual([]);
		const a = createArea(theirs, { name: 'Vem ringer jag' })!;
		createArea(theirs, { name: 'Läkemedelslistan' });
		setPlacement(theirs, a, { prioritised: true });
		expect(plan.prioritised.map((x) => x.name)).toEqual(['Vem ringer jag']);
		expect(plan.areas).toHaveLength(2);

		writeGoal(theirs, a, { question: 'Hur kan vi göra natten trygg?' });
		expect(plan.goalOf(a)?.question).toBe('Hur kan vi göra natten trygg?');

		const ideaId = addIdea(theirs, {
			text: 'Ett nummer dygnet runt',
			areaId: a,
			author: { id: 'pia', name: 'Pia', profession: 'sjukskoterska', organisation: 'kommun' }
		});
		addAction(theirs, { areaId: a, ideaId, proposal: 'Ett nummer', owner: 'Vårdcentralen' });
		expect(plan.actionsOf(a)).toHaveLength(1);
		expect(plan.idea(plan.actionsOf(a)[0]!.ideaId)?.text).toBe('Ett nummer dygnet runt');
		expect(plan.idea(null)).toBeUndefined();
		plan.destroy();
	});

	it('writes, moves and removes actions so the other replica sees them', () => {
		const { mine, theirs } = pair();
		const a = createArea(mine, { name: 'Vem ringer jag' })!;
		setPlacement(mine, a, { prioritised: true });
		const plan = new BoardActionPlan(mine);
		const other = new BoardActionPlan(theirs);
		const first = plan.add(a);
		const second = plan.add(a);
		plan.update(first, { step: 'Hemgång', status: 'pagar', due: '2027-03-01' });
		expect(other.actionsOf(a).map((x) => x.id)).toEqual([first, second]);
		expect(other.actionsOf(a)[0]).toMatchObject({
			step: 'Hemgång',
			status: 'pagar',
			due: '2027-03-01'
		});
		// A different field by the other person leaves this one's fields alone.
		other.update(first, { owner: 'Region Halland' });
		expect(plan.actionsOf(a)[0]).toMatchObject({ step: 'Hemgång', owner: 'Region Halland' });

		expect(plan.move(second, -1)).toBe(true);
		expect(other.actionsOf(a).map((x) => x.id)).toEqual([second, first]);
		expect(plan.move(second, -1)).toBe(false);
		expect(plan.move('nope', 1)).toBe(false);
		other.remove(second);
		expect(plan.actions.map((x) => x.id)).toEqual([first]);
		plan.destroy();
		other.destroy();
	});
});
