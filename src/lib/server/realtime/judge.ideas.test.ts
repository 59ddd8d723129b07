import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ideasMap, listIdeas } from '$lib/workshop/records/idea';
import { writeIdeaRound } from '$lib/workshop/records/idea-round';
import { setPlacement } from '$lib/workshop/records/placement';
import { encodeUpdate, type ID, type Struct } from './judge-bytes';
import { board, member, send } from './judge-fixture';
import { privateJudge, type PrivateHooks } from './private-doc';

/** A new idea in root `ideas`: its map item at `clock`, then one item per field inside it. */
function idea(
	client: number,
	clock: number,
	id: string,
	fields: Record<string, unknown>
): Struct[] {
	const parent: ID = [client, clock];
	return [
		{ parent: 'ideas', parentSub: id, content: { map: true } },
		...Object.entries(fields).map(([key, value]) => ({
			parent,
			parentSub: key,
			content: { any: [value] }
		}))
	];
}

const FIELDS = 10;
const annaIdea = (over: Record<string, unknown> = {}) => ({
	text: 'En kontaktperson dygnet runt',
	areaId: 'area1',
	group: null,
	order: 'a0',
	authorId: 'anna',
	authorName: 'ANNA',
	profession: 'lakare',
	organisation: 'region',
	createdAt: 1,
	updatedAt: 1,
	...over
});

const create = (client: number, id: string, fields: Record<string, unknown>) =>
	encodeUpdate([{ client, clock: 0, structs: idea(client, 0, id, fields) }]);

/**
 * Sets one field of the idea whose map item is [mapClient, 0], written by `by` at `clock`: the
 * new item names the field's current item as its origin, as Yjs does, so it wins.
 */
const setField = (by: number, clock: number, mapClient: number, key: string, value: unknown) => {
	const at = 1 + Object.keys(annaIdea()).indexOf(key);
	return encodeUpdate([
		{ client: by, clock, structs: [{ origin: [mapClient, at], content: { any: [value] } }] }
	]);
};

/** A board whose area1 is prioritised: ideas are filed for prioritised areas only. */
function ideaBoard() {
	const b = board();
	setPlacement(b.doc, 'area1', { prioritised: true });
	return b;
}

function silentRound(doc: Y.Doc, status: 'open' | 'revealed', areaIds = ['area1']) {
	writeIdeaRound(doc, 'r1', {
		type: 'silent',
		areaIds,
		ideaIds: [],
		dotLimits: null,
		status,
		progress: 0,
		eligible: 0,
		results: null,
		createdAt: 1
	});
}

describe('the board judge on ideas, updates written byte by byte', () => {
	it('accepts an idea of her own (the control)', () => {
		const b = ideaBoard();
		expect(send(b.doc, member(b, 'anna'), create(901, 'i1', annaIdea()))).toBeNull();
		expect(listIdeas(b.doc).map((i) => i.text)).toEqual(['En kontaktperson dygnet runt']);
	});

	it('refuses an idea for an area that is not prioritised', () => {
		const b = ideaBoard();
		const refusal = send(
			b.doc,
			member(b, 'anna'),
			create(901, 'i1', annaIdea({ areaId: 'area2' }))
		);
		expect(refusal).toMatch(/prioritised area/);
		expect(listIdeas(b.doc)).toEqual([]);
	});

	it('refuses an idea in another member’s name, id or signature', () => {
		const b = ideaBoard();
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(902, 'i1', annaIdea({ authorId: 'bo' })))).toMatch(
			/idea: not yours to create/
		);
		expect(send(b.doc, anna, create(903, 'i2', annaIdea({ authorName: 'BO' })))).toMatch(
			/own name or none/
		);
		expect(listIdeas(b.doc)).toEqual([]);
	});

	it('refuses a participant’s grouping: a new idea with a group, or a changed group', () => {
		const b = ideaBoard();
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(904, 'i1', annaIdea({ group: 'Telefon' })))).toMatch(
			/facilitators group ideas/
		);
		expect(send(b.doc, anna, create(905, 'i2', annaIdea()))).toBeNull();
		expect(send(b.doc, anna, setField(905, FIELDS + 1, 905, 'group', 'Telefon'))).toMatch(
			/idea: group is not yours to change/
		);
		// The facilitator groups it.
		expect(send(b.doc, member(b, 'fac', 'facilitator'), setField(906, 0, 905, 'group', 'T'))).toBe(
			null
		);
		expect(ideasMap(b.doc).get('i2')?.get('group')).toBe('T');
	});

	it('refuses a participant’s idea in the board for an area in an open silent round', () => {
		const b = ideaBoard();
		setPlacement(b.doc, 'area2', { prioritised: true });
		silentRound(b.doc, 'open');
		const anna = member(b, 'anna');
		expect(send(b.doc, anna, create(907, 'i1', annaIdea()))).toMatch(/silent round/);
		// Other areas stay open to ideas; facilitators write into the board in any case.
		expect(send(b.doc, anna, create(908, 'i2', annaIdea({ areaId: 'area2' })))).toBeNull();
		const fac = { ...annaIdea(), authorId: 'fac', authorName: 'FAC' };
		expect(send(b.doc, member(b, 'fac', 'facilitator'), create(909, 'i3', fac))).toBeNull();
		// After the reveal participants write into the board again.
		silentRound(b.doc, 'revealed');
		expect(send(b.doc, anna, create(910, 'i4', annaIdea()))).toBeNull();
	});
});

describe('the private-document judge on ideas, updates written byte by byte', () => {
	const open = new Set(['area1']);
	const anna = {
		membershipId: 'anna',
		ids: () => ['anna'],
		names: () => ['ANNA'],
		profession: () => 'lakare',
		organisation: () => 'region'
	};
	const hooks: PrivateHooks = {
		round: () => null,
		silentOpen: (_workshopId, areaId) => open.has(areaId),
		ballotsChanged: () => {}
	};
	const judge = privateJudge('w1', anna, hooks);
	const accept = (doc: Y.Doc, update: Uint8Array) => {
		const refused = judge(doc, update);
		if (refused) return refused.reason;
		Y.applyUpdate(doc, update);
		return null;
	};

	it('accepts her own well-formed idea while the area’s silent round is open (the control)', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(11, 'p1', annaIdea()))).toBeNull();
		expect(accept(doc, setField(11, FIELDS + 1, 11, 'text', 'Bättre'))).toBeNull();
		expect(listIdeas(doc).map((i) => i.text)).toEqual(['Bättre']);
	});

	it('refuses ideas in another name, profession or organisation, grouped, or malformed', () => {
		const doc = new Y.Doc();
		const bad: Record<string, unknown>[] = [
			annaIdea({ authorId: 'bo' }),
			annaIdea({ authorName: 'BO' }),
			annaIdea({ profession: 'chef' }),
			annaIdea({ organisation: 'kommun' }),
			annaIdea({ group: 'Telefon' }),
			annaIdea({ text: '' }),
			annaIdea({ extra: 'x' }),
			{ ...annaIdea(), createdAt: undefined }
		];
		for (const [i, fields] of bad.entries()) {
			const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
			expect(judge(doc, create(20 + i, `p${i}`, clean))).not.toBeNull();
		}
		// A plain value where a record belongs.
		const plain = encodeUpdate([
			{
				client: 40,
				clock: 0,
				structs: [{ parent: 'ideas', parentSub: 'p9', content: { any: [annaIdea()] } }]
			}
		]);
		expect(judge(doc, plain)?.reason).toBe('idea: not a record');
		expect(listIdeas(doc)).toEqual([]);
	});

	it('refuses an idea for an area with no open silent round', () => {
		const doc = new Y.Doc();
		expect(judge(doc, create(12, 'p1', annaIdea({ areaId: 'area9' })))?.reason).toMatch(
			/no silent round/
		);
	});

	it('refuses writing, changing or removing after the reveal', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(13, 'p1', annaIdea()))).toBeNull();
		open.delete('area1');
		try {
			expect(judge(doc, create(14, 'p2', annaIdea()))?.reason).toMatch(/no silent round/);
			expect(judge(doc, setField(13, FIELDS + 1, 13, 'text', 'Ändrad'))?.reason).toBe(
				'idea: the silent round is over'
			);
			const removal = encodeUpdate([], [{ client: 13, ranges: [[0, 1]] }]);
			expect(judge(doc, removal)?.reason).toBe('idea: the silent round is over');
		} finally {
			open.add('area1');
		}
	});

	it('refuses moving or grouping her idea, which only facilitators do, in the board', () => {
		const doc = new Y.Doc();
		expect(accept(doc, create(16, 'p1', annaIdea()))).toBeNull();
		const moves = [
			['areaId', 'area1b'],
			['order', 'a1'],
			['group', 'Telefon']
		] as const;
		for (const [field, value] of moves) {
			// Each refused, so each is the next change of her client.
			expect(judge(doc, setField(16, FIELDS + 1, 16, field, value))?.reason).toBe(
				`idea: ${field} is not yours to change`
			);
		}
	});

	it('takes no idea where no board tells of a silent round', () => {
		const strict = privateJudge('w1', anna);
		expect(strict(new Y.Doc(), create(15, 'p1', annaIdea()))?.reason).toBe(
			'idea: no silent round is open for this area'
		);
	});
});
