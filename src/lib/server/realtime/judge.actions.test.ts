import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	ACTION_OWNER_MAX,
	ACTION_TEXT_MAX,
	actionRecord,
	actionsMap,
	addAction,
	listActions,
	removeAction,
	updateAction
} from '$lib/workshop/records/action';
import { createArea } from '$lib/workshop/records/area';
import { readSummary, summaryMap, writeSummary } from '$lib/workshop/records/summary';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, change, member, replica, send } from './judge-fixture';

/** A board with a prioritised area, one action and a summary, written by the facilitator. */
function planned() {
	const b = board();
	const area = createArea(b.doc, { name: 'Vem ringer jag' })!;
	const action = addAction(b.doc, { areaId: area, step: 'Hemgång', owner: 'Vårdcentralen' });
	writeSummary(b.doc, { bullets: ['Ingen vet vem som ansvarar'], nextSteps: ['Boka mars'] });
	return { ...b, area, action };
}

const state = (doc: Y.Doc) => JSON.stringify([actionsMap(doc).toJSON(), summaryMap(doc).toJSON()]);

const fields = (area: string) => ({
	areaId: area,
	step: 'Hemgång',
	current: 'Ingen ringer',
	desired: 'Ett nummer',
	proposal: 'Gemensam rutin',
	plan: 'Pilot i vår',
	owner: 'Region Halland',
	due: '2027-03-01',
	status: 'planerad',
	ideaId: null,
	order: 'a0',
	createdAt: 1,
	updatedAt: 1
});

/**
 * A new action written byte by byte: its map item at `clock`, then one item per field; a text
 * field as a Y.Text item and its string, as Yjs writes a new Y.Text.
 */
function action(client: number, clock: number, id: string, values: Record<string, unknown>) {
	const parent: ID = [client, clock];
	const structs: Struct[] = [{ parent: 'actions', parentSub: id, content: { map: true } }];
	let next = clock + 1;
	for (const [key, value] of Object.entries(values)) {
		const text = actionRecord.collaborative!.includes(key);
		if (!text) {
			structs.push({ parent, parentSub: key, content: { any: [value] } });
			next += 1;
			continue;
		}
		const textItem: ID = [client, next];
		structs.push({ parent, parentSub: key, content: { text: true } });
		next += 1;
		if (typeof value === 'string' && value !== '') {
			structs.push({ parent: textItem, content: { string: value } });
			next += value.length;
		}
	}
	return structs;
}

describe('what a participant may write to the action plan and the summary', () => {
	it('refuses creating, changing, reordering and removing actions', () => {
		const b = planned();
		const anna = member(b, 'anna');
		const before = state(b.doc);
		const edits: ((c: Y.Doc) => unknown)[] = [
			(c) => addAction(c, { areaId: b.area, step: 'Min åtgärd' }),
			(c) => updateAction(c, b.action, { status: 'genomford' }),
			(c) => updateAction(c, b.action, { owner: 'Anna' }),
			(c) => updateAction(c, b.action, { due: '2027-01-01' }),
			(c) => updateAction(c, b.action, { order: 'Zz' }),
			(c) => removeAction(c, b.action)
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, anna, client, () => edit(client))).toMatch(/action: /);
		}
		expect(state(b.doc)).toBe(before);
	});

	it('refuses writing, clearing and removing the summary', () => {
		const b = planned();
		const anna = member(b, 'anna');
		const before = state(b.doc);
		const edits: ((c: Y.Doc) => unknown)[] = [
			(c) => writeSummary(c, { bullets: ['Min punkt'] }),
			(c) => writeSummary(c, { nextSteps: [] }),
			(c) => summaryMap(c).delete('bullets')
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, anna, client, () => edit(client))).toMatch(/summary: /);
		}
		expect(state(b.doc)).toBe(before);
		expect(readSummary(b.doc).bullets).toEqual(['Ingen vet vem som ansvarar']);
	});

	it('lets a facilitator write all of it (the control)', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const edits: ((c: Y.Doc) => unknown)[] = [
			(c) => addAction(c, { areaId: b.area, step: 'Ny' }),
			(c) => updateAction(c, b.action, { status: 'pagar', due: '2027-01-31', owner: 'MAS' }),
			(c) => writeSummary(c, { bullets: ['Ny punkt'], nextSteps: [] }),
			(c) => removeAction(c, b.action)
		];
		for (const edit of edits) {
			const client = replica(b.doc);
			expect(change(b.doc, fia, client, () => edit(client))).toBeNull();
		}
		expect(listActions(b.doc).map((a) => a.step)).toEqual(['Ny']);
		expect(readSummary(b.doc)).toEqual({ bullets: ['Ny punkt'], nextSteps: [] });
	});
});

describe('malformed actions and summaries, written byte by byte by a facilitator', () => {
	/** The facilitator writes from a fresh client id, bound to her on its first write. */
	function setup() {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const F = 4242;
		const at = (structs: (clock: number) => Struct[]) => {
			const clock = Y.getState(b.doc.store, F);
			return encodeUpdate([{ client: F, clock, structs: structs(clock) }]);
		};
		/** Sends as Fia: refused with `reason`, nothing on the board changed. */
		const refused = (update: Uint8Array, reason: RegExp) => {
			const before = Y.encodeStateAsUpdate(b.doc);
			const json = state(b.doc);
			expect(send(b.doc, fia, update)).toMatch(reason);
			expect(state(b.doc)).toBe(json);
			expect(Y.encodeStateAsUpdate(b.doc)).toEqual(before);
		};
		/** A change of an existing field: a new item right of its current one, as Yjs writes it. */
		const over = (map: Y.Map<unknown>, key: string, value: unknown) => {
			const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)!;
			const origin: ID = [item.id.client, item.id.clock + item.length - 1];
			return at(() => [{ origin, content: { any: [value] } }]);
		};
		const set = (key: string, value: unknown) => over(actionsMap(b.doc).get(b.action)!, key, value);
		return { b, fia, F, at, refused, set, over };
	}

	it('accepts a well-formed action and change (the control)', () => {
		const s = setup();
		expect(
			send(
				s.b.doc,
				s.fia,
				s.at((c) => action(s.F, c, 'a1', fields(s.b.area)))
			)
		).toBeNull();
		expect(send(s.b.doc, s.fia, s.set('status', 'genomford'))).toBeNull();
		const statuses = new Map(listActions(s.b.doc).map((a) => [a.id, a.status]));
		expect(statuses).toEqual(
			new Map([
				[s.b.action, 'genomford'],
				['a1', 'planerad']
			])
		);
	});

	it('refuses bad dates, unknown statuses and oversize text in a new action', () => {
		const s = setup();
		const make = (values: Record<string, unknown>) =>
			s.at((c) => action(s.F, c, 'a2', { ...fields(s.b.area), ...values }));
		for (const due of ['2027-13-01', '2027-02-32', '1 mars', '2027-3-1', '', 20270301]) {
			s.refused(make({ due }), /bad value for due/);
		}
		for (const status of ['klar', 'Planerad', 'done', null]) {
			s.refused(make({ status }), /bad value for status/);
		}
		for (const field of ['step', 'current', 'desired', 'proposal', 'plan']) {
			s.refused(make({ [field]: 'x'.repeat(ACTION_TEXT_MAX + 1) }), /bad value for/);
			s.refused(make({ [field]: 'x'.repeat(900_000) }), /bad value for/);
		}
		s.refused(make({ owner: 'x'.repeat(ACTION_OWNER_MAX + 1) }), /bad value for owner/);
		s.refused(make({ ideaId: 'not an id!' }), /bad value for ideaId/);
		s.refused(make({ extra: 'x' }), /unknown field/);
		const missing: Record<string, unknown> = fields(s.b.area);
		delete missing.status;
		s.refused(
			s.at((c) => action(s.F, c, 'a3', missing)),
			/status/
		);
	});

	it('refuses malformed changes of an existing action, and changes of its fixed fields', () => {
		const s = setup();
		s.refused(s.set('due', '2027-00-10'), /bad value for due/);
		s.refused(s.set('status', 'klar'), /bad value for status/);
		s.refused(s.set('plan', 'x'.repeat(ACTION_TEXT_MAX + 1)), /plan must be collaborative text/);
		s.refused(s.set('owner', { name: 'Anna' }), /owner must be collaborative text/);
		s.refused(s.set('areaId', 'annat'), /areaId/);
		s.refused(s.set('ideaId', 'smuggled'), /ideaId/);
	});

	it('refuses a summary with a line too long, too many lines, or not a list of text', () => {
		const s = setup();
		const summary = (key: string, value: unknown) => s.over(summaryMap(s.b.doc), key, value);
		s.refused(summary('bullets', ['x'.repeat(1001)]), /bad value for bullets/);
		s.refused(
			summary(
				'nextSteps',
				Array.from({ length: 51 }, () => 'x')
			),
			/bad value for nextSteps/
		);
		s.refused(summary('bullets', 'en rad'), /bad value for bullets/);
		s.refused(summary('bullets', [1, 2]), /bad value for bullets/);
		s.refused(
			s.at(() => [{ parent: 'summary', parentSub: 'title', content: { any: [['x']] } }]),
			/unknown field/
		);
		expect(send(s.b.doc, s.fia, summary('bullets', ['Kort rad']))).toBeNull();
	});
});
