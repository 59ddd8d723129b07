import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import {
	ACTION_TEXT_MAX,
	actionsMap,
	addAction,
	editActionText,
	listActions,
	updateAction
} from '$lib/workshop/records/action';
import { createArea } from '$lib/workshop/records/area';
import { editGoalText, goalsMap, readGoal, writeGoal } from '$lib/workshop/records/goal';
import { isBoardLocked, lockCondition, setBoardLocked } from '$lib/workshop/records/board-state';
import { convertCollaborative } from '$lib/workshop/records/collab-text';
import { idSchema, type RecordDeclaration } from '$lib/workshop/records/declare';
import { boardRecords } from '$lib/workshop/layout';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, change, member, replica, send } from './judge-fixture';
import { judgeWrites } from './judge';

/** A board with an area and one action whose plan reads "Pilot". */
function planned() {
	const b = board();
	const area = createArea(b.doc, { name: 'Vem ringer jag' })!;
	const action = addAction(b.doc, { areaId: area, step: 'Hemgång', plan: 'Pilot' });
	return { ...b, area, action };
}

const itemOf = (type: { _item: Y.Item | null }): ID => [
	type._item!.id.client,
	type._item!.id.clock
];
const planText = (doc: Y.Doc, id: string) => actionsMap(doc).get(id)!.get('plan') as Y.Text;

/** One struct (or several) from a fresh client id, as an update. */
function bytes(doc: Y.Doc, client: number, structs: (clock: number) => Struct[]) {
	const clock = Y.getState(doc.store, client);
	return encodeUpdate([{ client, clock, structs: structs(clock) }]);
}

describe('collaborative text in the action plan', () => {
	it('merges two facilitators typing in one field at once, character by character', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const fredrik = member(b, 'fredrik', 'facilitator');
		const one = replica(b.doc);
		const two = replica(b.doc);
		const updates: Uint8Array[] = [];
		two.on('update', (u: Uint8Array) => updates.push(u));
		// Both start from "Pilot": one types at the start, the other at the end.
		expect(
			change(b.doc, fia, one, () => editActionText(one, b.action, 'plan', 'AAAPilot', 3))
		).toBeNull();
		editActionText(two, b.action, 'plan', 'PilotBBB', 8);
		expect(send(b.doc, fredrik, Y.mergeUpdates(updates))).toBeNull();
		expect(listActions(b.doc)[0]!.plan).toBe('AAAPilotBBB');
	});

	it('writes only the characters that changed', () => {
		const b = planned();
		const client = replica(b.doc);
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		updateAction(client, b.action, { plan: 'Pilot i vår' });
		// A string of the whole value would hold "Pilot"; the edit holds " i vår" only.
		const struct = Y.decodeUpdate(updates[0]!).structs.find(
			(s) => s instanceof Y.Item && s.content instanceof Y.ContentString
		) as Y.Item;
		expect((struct.content as Y.ContentString).str).toBe(' i vår');
		expect(listActions(client)[0]!.plan).toBe('Pilot i vår');
	});

	it('refuses a participant’s edit inside an action’s text, by the Yjs API and byte by byte', () => {
		const b = planned();
		const anna = member(b, 'anna');
		const client = replica(b.doc);
		expect(
			change(b.doc, anna, client, () => planText(client, b.action).insert(0, 'Kapad '))
		).toMatch(/action: plan is not yours to change/);
		const crafted = bytes(b.doc, 777, () => [
			{ parent: itemOf(planText(b.doc, b.action)), content: { string: 'Kapad ' } }
		]);
		expect(send(b.doc, anna, crafted)).toMatch(/action: plan is not yours to change/);
		const first = planText(b.doc, b.action)._start!;
		const erase = encodeUpdate([], [{ client: first.id.client, ranges: [[first.id.clock, 5]] }]);
		expect(send(b.doc, anna, erase)).toMatch(/action: plan is not yours to change/);
		expect(listActions(b.doc)[0]!.plan).toBe('Pilot');
	});

	it('refuses text past the field’s length, counted after the update', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const text = itemOf(planText(b.doc, b.action));
		const fill = 'x'.repeat(ACTION_TEXT_MAX - 'Pilot'.length);
		expect(
			send(
				b.doc,
				fia,
				bytes(b.doc, 4242, () => [{ parent: text, content: { string: fill } }])
			)
		).toBeNull();
		expect(listActions(b.doc)[0]!.plan).toHaveLength(ACTION_TEXT_MAX);
		expect(
			send(
				b.doc,
				fia,
				bytes(b.doc, 4242, () => [{ parent: text, content: { string: 'y' } }])
			)
		).toMatch(/bad value for plan/);
		const client = replica(b.doc);
		expect(
			change(b.doc, fia, client, () => planText(client, b.action).insert(0, 'z'.repeat(900_000)))
		).toMatch(/bad value for plan/);
		expect(listActions(b.doc)[0]!.plan).toHaveLength(ACTION_TEXT_MAX);
	});

	it('refuses embeds, formatting and attributes: nothing but plain text', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const text = itemOf(planText(b.doc, b.action));
		const crafted: Struct[] = [
			{ parent: text, content: { embed: { image: 'https://x.example/a.png' } } },
			{ parent: text, content: { format: ['bold', true] } },
			{ parent: text, content: { any: [1] } },
			{ parent: text, content: { map: true } },
			{ parent: text, parentSub: 'color', content: { any: ['red'] } }
		];
		for (const struct of crafted) {
			expect(
				send(
					b.doc,
					fia,
					bytes(b.doc, 4242, () => [struct])
				)
			).toMatch(/action: plan is not plain text|not a map entry/);
		}
		const api: ((t: Y.Text) => void)[] = [
			(t) => t.format(0, 2, { bold: true }),
			(t) => t.insert(0, 'fet', { bold: true }),
			(t) => t.insertEmbed(0, { image: 'x' }),
			(t) => t.insertEmbed(0, new Y.Map()),
			(t) => t.setAttribute('lang', 'sv')
		];
		for (const edit of api) {
			const client = replica(b.doc);
			expect(change(b.doc, fia, client, () => edit(planText(client, b.action)))).toMatch(
				/action: plan is not plain text/
			);
		}
		expect(planText(b.doc, b.action).toDelta()).toEqual([{ insert: 'Pilot' }]);
	});

	it('refuses replacing the text by a plain value, and an action created with plain strings', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const client = replica(b.doc);
		expect(
			change(b.doc, fia, client, () => actionsMap(client).get(b.action)!.set('plan', 'Platt'))
		).toMatch(/plan must be collaborative text/);
		const xml = replica(b.doc);
		expect(
			change(b.doc, fia, xml, () => actionsMap(xml).get(b.action)!.set('plan', new Y.XmlText('x')))
		).toMatch(/plan must be collaborative text/);
		const created = replica(b.doc);
		const plain = () =>
			created.transact(() => {
				const id = addAction(created, { areaId: b.area });
				actionsMap(created).get(id)!.set('step', 'Platt');
			});
		expect(change(b.doc, fia, created, plain)).toMatch(/step must be collaborative text/);
		expect(listActions(b.doc).map((a) => a.plan)).toEqual(['Pilot']);
	});

	it('accepts a new action with its texts in place, and an old plain string turned into text', () => {
		const b = planned();
		const fia = member(b, 'fia', 'facilitator');
		const client = replica(b.doc);
		expect(
			change(b.doc, fia, client, () => addAction(client, { areaId: b.area, plan: 'Ny' }))
		).toBeNull();
		// A board stored before the fields were collaborative holds plain strings.
		const old = board();
		const area = createArea(old.doc, { name: 'Område' })!;
		const id = addAction(old.doc, { areaId: area, plan: 'Gammal' });
		actionsMap(old.doc).get(id)!.set('plan', 'Gammal');
		expect(listActions(old.doc)[0]!.plan).toBe('Gammal');
		const oldFia = member(old, 'fia', 'facilitator');
		const edit = replica(old.doc);
		expect(
			change(old.doc, oldFia, edit, () => updateAction(edit, id, { plan: 'Gammal plan' }))
		).toBeNull();
		expect(planText(old.doc, id)).toBeInstanceOf(Y.Text);
		expect(listActions(old.doc)[0]!.plan).toBe('Gammal plan');
		const older = board();
		const olderArea = createArea(older.doc, { name: 'Område' })!;
		const olderId = addAction(older.doc, { areaId: olderArea, step: 'Steg' });
		actionsMap(older.doc).get(olderId)!.set('step', 'Steg');
		expect(convertCollaborative(older.doc, boardRecords)).toBe(1);
		expect(convertCollaborative(older.doc, boardRecords)).toBe(0);
		expect(listActions(older.doc)[0]!.step).toBe('Steg');
	});
});

describe('collaborative text in a målbild', () => {
	it('merges two facilitators typing in the summary and refuses a participant in it', () => {
		const b = planned();
		writeGoal(b.doc, b.area, { summary: 'Trygg', question: 'Hur kan vi?' });
		const fia = member(b, 'fia', 'facilitator');
		const one = replica(b.doc);
		const two = replica(b.doc);
		const updates: Uint8Array[] = [];
		two.on('update', (u: Uint8Array) => updates.push(u));
		expect(
			change(b.doc, fia, one, () => editGoalText(one, b.area, 'summary', 'Helt Trygg', 5))
		).toBeNull();
		editGoalText(two, b.area, 'summary', 'Trygg hemgång', 13);
		expect(send(b.doc, fia, Y.mergeUpdates(updates))).toBeNull();
		expect(readGoal(b.doc, b.area).summary).toBe('Helt Trygg hemgång');
		const anna = member(b, 'anna');
		const text = goalsMap(b.doc).get(b.area)!.get('question') as Y.Text;
		const crafted = bytes(b.doc, 555, () => [{ parent: itemOf(text), content: { string: '!' } }]);
		expect(send(b.doc, anna, crafted)).toMatch(/goal: question is not yours to change/);
		expect(readGoal(b.doc, b.area).question).toBe('Hur kan vi?');
	});
});

/** A record a participant writes and owns, with collaborative text: a shared description. */
const pageRecord: RecordDeclaration = {
	name: 'page',
	root: 'pages',
	shape: 'collection',
	key: idSchema,
	collaborative: ['body'],
	fields: { ownerId: idSchema, body: z.string().max(20) },
	create: ['owner', 'facilitator'],
	change: { body: ['owner', 'facilitator'] },
	fixed: ['ownerId'],
	remove: ['owner', 'facilitator'],
	ownedBy: 'the member in ownerId',
	owner: (_key, get) => (typeof get('ownerId') === 'string' ? (get('ownerId') as string) : null)
};

describe('collaborative text of a record a participant owns', () => {
	function pages() {
		const b = board();
		const layout = new Map([[pageRecord.root, pageRecord]]);
		const judge = (id: string, role: 'participant' | 'facilitator' = 'participant') =>
			judgeWrites({
				writer: { membershipId: id, role, ids: () => [id], names: () => [] },
				clientIds: b.clientIds,
				layout,
				conditions: [lockCondition]
			});
		const doc = new Y.Doc();
		doc.transact(() => {
			const page = new Y.Map<unknown>();
			doc.getMap('pages').set('p-ann', page);
			page.set('ownerId', 'ann');
			page.set('body', new Y.Text('Anns'));
		});
		return { b, doc, judge };
	}
	const body = (doc: Y.Doc) =>
		(doc.getMap('pages').get('p-ann') as Y.Map<unknown>).get('body') as Y.Text;

	it('lets the owner edit her text and refuses another participant, byte by byte', () => {
		const { doc, judge } = pages();
		const ann = judge('ann');
		const bo = judge('bo');
		const own = replica(doc);
		expect(change(doc, ann, own, () => body(own).insert(4, ' text'))).toBeNull();
		expect(body(doc).toString()).toBe('Anns text');
		const crafted = bytes(doc, 888, () => [
			{ parent: itemOf(body(doc)), content: { string: 'Bos ' } }
		]);
		expect(send(doc, bo, crafted)).toMatch(/page: body is not yours to change/);
		expect(body(doc).toString()).toBe('Anns text');
	});

	it('creates a record with its text in place, and refuses it past the length', () => {
		const { doc, judge } = pages();
		const bo = judge('bo');
		const create = (text: string) =>
			bytes(doc, 999, (clock) => [
				{ parent: 'pages', parentSub: 'p-bo', content: { map: true } },
				{ parent: [999, clock], parentSub: 'ownerId', content: { any: ['bo'] } },
				{ parent: [999, clock], parentSub: 'body', content: { text: true } },
				{ parent: [999, clock + 2], content: { string: text } }
			]);
		expect(send(doc, bo, create('x'.repeat(21)))).toMatch(/bad value for body/);
		expect(send(doc, bo, create('Bos sida'))).toBeNull();
		const page = doc.getMap('pages').get('p-bo') as Y.Map<unknown>;
		expect((page.get('body') as Y.Text).toString()).toBe('Bos sida');
	});

	it('refuses the owner’s edit while the board is locked, and lets a facilitator edit', () => {
		const { doc, judge } = pages();
		setBoardLocked(doc, true);
		expect(isBoardLocked(doc)).toBe(true);
		const own = replica(doc);
		expect(change(doc, judge('ann'), own, () => body(own).insert(0, 'Låst '))).toMatch(
			/the board is locked/
		);
		const crafted = bytes(doc, 889, () => [
			{ parent: itemOf(body(doc)), content: { string: '!' } }
		]);
		expect(send(doc, judge('ann'), crafted)).toMatch(/the board is locked/);
		const fac = replica(doc);
		expect(
			change(doc, judge('fia', 'facilitator'), fac, () => body(fac).insert(4, '!'))
		).toBeNull();
		expect(body(doc).toString()).toBe('Anns!');
	});
});
