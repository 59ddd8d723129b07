import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addStep,
	listSteps,
	moveStep,
	nudgeStep,
	plannedMinutes,
	removeStep,
	updateStep
} from './agenda';
import { applyTemplate, findTemplate, SEED_TEMPLATE_ID, templateFromDoc } from '../template';

const step = (title: string) => ({
	kind: 'discussion' as const,
	title,
	minutes: 5,
	instruction: ''
});
const titles = (doc: Y.Doc) => listSteps(doc).map((s) => s.title);

describe('the agenda’s order', () => {
	it('adds at the end or at a place, moves, nudges and removes', () => {
		const doc = new Y.Doc();
		const a = addStep(doc, step('A'));
		addStep(doc, step('C'));
		addStep(doc, step('B'), 1);
		expect(titles(doc)).toEqual(['A', 'B', 'C']);
		expect(moveStep(doc, a, 2)).toBe(true);
		expect(titles(doc)).toEqual(['B', 'C', 'A']);
		expect(nudgeStep(doc, a, -1)).toBe(true);
		expect(titles(doc)).toEqual(['B', 'A', 'C']);
		expect(nudgeStep(doc, listSteps(doc)[0]!.id, -1)).toBe(false);
		expect(removeStep(doc, a)).toBe(true);
		expect(titles(doc)).toEqual(['B', 'C']);
	});

	it('keeps concurrent moves of two facilitators in one order on both sides', () => {
		const one = new Y.Doc();
		const ids = ['A', 'B', 'C'].map((t) => addStep(one, step(t)));
		const two = new Y.Doc();
		Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
		moveStep(one, ids[0]!, 2);
		moveStep(two, ids[2]!, 0);
		Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
		Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
		expect(titles(one)).toEqual(titles(two));
		expect(new Set(titles(one))).toEqual(new Set(['A', 'B', 'C']));
	});

	it('writes only the fields that changed', () => {
		const doc = new Y.Doc();
		const id = addStep(doc, step('A'));
		let updates = 0;
		doc.on('update', () => updates++);
		updateStep(doc, id, { title: 'A', minutes: 5 });
		expect(updates).toBe(0);
		updateStep(doc, id, { minutes: 12, kind: 'break' });
		expect(listSteps(doc)[0]).toMatchObject({ minutes: 12, kind: 'break' });
		expect(updateStep(doc, 'nope', { minutes: 3 })).toBe(false);
	});
});

describe('the default agenda', () => {
	it('gives the seed workshop the 3-hour Nära vård agenda, in the method’s order', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, findTemplate(SEED_TEMPLATE_ID)!);
		const steps = listSteps(doc);
		expect(plannedMinutes(steps)).toBe(180);
		const method = steps.map((s) => s.kind).filter((k) => !['break', 'presentation'].includes(k));
		expect(method).toEqual([
			'persona',
			'journey',
			'clustering',
			'prioritisation',
			'goals',
			'ideas',
			'actions',
			'summary'
		]);
	});

	it('carries a workshop’s agenda into a template made from it', () => {
		const doc = new Y.Doc();
		addStep(doc, step('Eget'));
		expect(templateFromDoc(doc, 'x', 'X').agenda).toEqual([step('Eget')]);
		expect(findTemplate('tom')!.agenda ?? []).toEqual([]);
	});
});
