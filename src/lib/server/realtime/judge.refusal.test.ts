import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, notesMap } from '$lib/workshop/doc';
import { boardRecords } from '$lib/workshop/layout';
import type { RoundRules } from '$lib/workshop/private-layout';
import { actionsMap, addAction, editActionText } from '$lib/workshop/records/action';
import { createArea } from '$lib/workshop/records/area';
import { setScore } from '$lib/workshop/records/score';
import { author, board, member, replica, send } from './judge-fixture';
import { judgeShadow } from './judge';
import { privateJudge } from './private-doc';

/** Every record of a document, in key order, reading only the roots it holds. */
const records = (doc: Y.Doc) =>
	JSON.stringify(
		boardRecords
			.filter((r) => doc.share.has(r.root))
			.map((r) => [r.root, Object.entries(doc.getMap(r.root).toJSON()).sort()] as const)
			.filter(([, entries]) => entries.length > 0)
	);

/** The update `edit` makes on a fresh replica of `doc`. */
function updateOf(doc: Y.Doc, edit: (copy: Y.Doc) => unknown): Uint8Array {
	const copy = replica(doc);
	const before = Y.encodeStateVector(copy);
	edit(copy);
	return Y.encodeStateAsUpdate(copy, before);
}

/** The judge's replica holds exactly the board, and was built once (no refusal rebuilt it). */
function expectShadowIsBoard(doc: Y.Doc) {
	const shadow = judgeShadow(doc)!;
	expect(shadow.rebuilds).toBe(1);
	expect(Y.encodeStateVector(shadow.doc)).toEqual(Y.encodeStateVector(doc));
	expect(records(shadow.doc)).toBe(records(doc));
	expect(records(replica(shadow.doc))).toBe(records(doc));
}

describe('a refused update', () => {
	it('is taken out of the judge’s replica without rebuilding the board', () => {
		const b = board();
		const area = createArea(b.doc, { name: 'Vem ringer jag' })!;
		const action = addAction(b.doc, { areaId: area, step: 'Hemgång', plan: 'Pilot i vår' });
		const bos = Array.from({ length: 300 }, (_, i) =>
			addNote(b.doc, { text: `Bo ${i}`, author: author('bo') })
		);
		const anna = member(b, 'anna');
		const facilitator = member(b, 'fia', 'facilitator');
		expect(
			send(
				b.doc,
				anna,
				updateOf(b.doc, () => {})
			)
		).toBeNull();
		expectShadowIsBoard(b.doc);

		const refused = [
			// Overwrites a field of someone else's record (the old value was deleted by it).
			(d: Y.Doc) => editNote(d, bos[7]!, 'HACKED'),
			// Removes someone else's record (a delete set only).
			(d: Y.Doc) => deleteNote(d, bos[100]!),
			// Her own note and a forged one in one update: the whole update goes.
			(d: Y.Doc) => {
				addNote(d, { text: 'Min', author: author('anna') });
				addNote(d, { text: 'Forged', author: author('bo') });
			},
			// Inserts into the middle of a facilitator's collaborative text.
			(d: Y.Doc) => (actionsMap(d).get(action)!.get('plan') as Y.Text).insert(5, 'XX'),
			// A record created and removed, and one of Bo's replaced, in one update.
			(d: Y.Doc) => {
				const id = addNote(d, { text: 'Kort', author: author('anna') });
				deleteNote(d, id);
				notesMap(d).set(bos[200]!, new Y.Map());
			}
		];
		for (const edit of refused) {
			expect(send(b.doc, anna, updateOf(b.doc, edit))).not.toBeNull();
			expectShadowIsBoard(b.doc);
		}

		// What follows is judged on the board as it is: honest writes next to what was refused.
		expect(
			send(
				b.doc,
				anna,
				updateOf(b.doc, (d) => addNote(d, { text: 'Ärlig', author: author('anna') }))
			)
		).toBeNull();
		expect(
			send(
				b.doc,
				facilitator,
				updateOf(b.doc, (d) => editActionText(d, action, 'plan', 'Pilot i höst'))
			)
		).toBeNull();
		expect(
			send(
				b.doc,
				facilitator,
				updateOf(b.doc, (d) => editNote(d, bos[7]!, 'Ändrad'))
			)
		).toBeNull();
		expectShadowIsBoard(b.doc);
		expect((actionsMap(b.doc).get(action)!.get('plan') as Y.Text).toString()).toBe('Pilot i höst');
	});

	it('of a private document costs no rebuild either', () => {
		const rules: RoundRules = {
			status: 'closed',
			type: 'scoring',
			areaIds: ['a1'],
			dotLimits: null
		};
		const open: RoundRules = { ...rules, status: 'open' };
		const judge = privateJudge(
			'w1',
			{
				membershipId: 'pia',
				ids: () => ['pia'],
				names: () => ['Pia'],
				profession: () => 'lakare',
				organisation: () => 'region'
			},
			{
				round: (_workshop, id) => (id === 'open1' ? open : id === 'closed1' ? rules : null),
				silentOpen: () => false,
				ballotsChanged: () => {}
			}
		);
		const server = new Y.Doc();
		const accept = (edit: (d: Y.Doc) => unknown) => {
			const update = updateOf(server, edit);
			expect(judge(server, update)).toBeNull();
			Y.applyUpdate(server, update);
		};
		accept((d) => setScore(d, 'open1', 'a1', 'worth', 4));
		for (let i = 0; i < 5; i++) {
			expect(
				judge(
					server,
					updateOf(server, (d) => setScore(d, 'closed1', 'a1', 'worth', i))
				)
			).not.toBeNull();
		}
		accept((d) => setScore(d, 'open1', 'a1', 'worth', 2));
		const shadow = judgeShadow(server)!;
		expect(shadow.rebuilds).toBe(1);
		expect(Y.encodeStateVector(shadow.doc)).toEqual(Y.encodeStateVector(server));
		expect(shadow.doc.getMap('scores').toJSON()).toEqual(server.getMap('scores').toJSON());
	});
});
