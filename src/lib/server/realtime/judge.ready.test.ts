import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaMap } from '$lib/workshop/records/agenda';
import { facilitationMap } from '$lib/workshop/records/facilitation';
import {
	readyAuthors,
	readyCount,
	readyKey,
	readyMap,
	setReady
} from '$lib/workshop/records/ready';
import { encodeUpdate } from './judge-bytes';
import { board, change, member, replica, send } from './judge-fixture';

/**
 * The ready check: a participant marks only their own "Klar", and only for the step the room is
 * on; the step in the key makes it start empty at every step.
 */
function setup(current: string | null = 's1') {
	const b = board();
	for (const [id, order] of [
		['s1', 'a0'],
		['s2', 'a1']
	] as const) {
		const map = new Y.Map<unknown>();
		agendaMap(b.doc).set(id, map);
		map.set('kind', 'journey');
		map.set('title', '');
		map.set('minutes', 20);
		map.set('instruction', '');
		map.set('order', order);
	}
	// What the server writes on a facilitator's "Nästa".
	if (current) facilitationMap(b.doc).set('stepId', current);
	const anna = member(b, 'anna');
	const annaDoc = replica(b.doc);
	return { b, anna, annaDoc };
}

/** A ready flag written byte by byte: one root map entry of `ready`. */
const flag = (client: number, key: string, value: unknown = true) =>
	encodeUpdate([
		{ client, clock: 0, structs: [{ parent: 'ready', parentSub: key, content: { any: [value] } }] }
	]);

describe('ready flags', () => {
	it('a participant marks and unmarks their own for the current step', () => {
		const s = setup();
		expect(
			change(s.b.doc, s.anna, s.annaDoc, () => setReady(s.annaDoc, 's1', 'anna', true))
		).toBeNull();
		expect(readyAuthors(s.b.doc, 's1')).toEqual(['anna']);
		expect(readyAuthors(s.b.doc, 's2')).toEqual([]);
		expect(
			change(s.b.doc, s.anna, s.annaDoc, () => setReady(s.annaDoc, 's1', 'anna', false))
		).toBeNull();
		expect(readyAuthors(s.b.doc, 's1')).toEqual([]);
	});

	it('refuses another member’s flag, through the app and byte by byte', () => {
		const s = setup();
		expect(change(s.b.doc, s.anna, s.annaDoc, () => setReady(s.annaDoc, 's1', 'bo', true))).toBe(
			'ready: not yours to create'
		);
		expect(send(s.b.doc, s.anna, flag(9001, readyKey('s1', 'bo')))).toBe(
			'ready: not yours to create'
		);
		expect(readyMap(s.b.doc).size).toBe(0);
	});

	it('refuses a flag for a step that is not current, or before any step', () => {
		const s = setup();
		expect(send(s.b.doc, s.anna, flag(9002, readyKey('s2', 'anna')))).toBe(
			'ready: not the current step'
		);
		const none = setup(null);
		expect(send(none.b.doc, none.anna, flag(9003, readyKey('s1', 'anna')))).toBe(
			'ready: no current step'
		);
		expect(readyMap(s.b.doc).size + readyMap(none.b.doc).size).toBe(0);
	});

	it('refuses anything but true as the flag', () => {
		const s = setup();
		expect(send(s.b.doc, s.anna, flag(9004, readyKey('s1', 'anna'), 'klar'))).toBe(
			'ready: bad value for value'
		);
	});

	it('counts admitted participants by either of their author ids', () => {
		const people = [
			{ ids: ['m1', 'a-1'], name: 'Anna' },
			{ ids: ['m2', 'a-2'], name: 'Bo' },
			{ ids: ['m3', 'a-3'], name: null }
		];
		const count = readyCount(people, ['a-1', 'm3', 'stranger']);
		expect(count.done).toBe(2);
		expect(count.total).toBe(3);
		expect(count.notYet.map((p) => p.name)).toEqual(['Bo']);
	});
});
