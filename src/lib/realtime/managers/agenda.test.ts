import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaMap } from '$lib/workshop/records/agenda';
import { facilitationMap } from '$lib/workshop/records/facilitation';
import { BoardAgenda } from './agenda.svelte';

function addStep(doc: Y.Doc, id: string, kind: string, order: string, title = '') {
	const map = new Y.Map<unknown>();
	agendaMap(doc).set(id, map);
	map.set('kind', kind);
	map.set('title', title);
	map.set('minutes', 10);
	map.set('instruction', '');
	map.set('order', order);
}

describe('BoardAgenda', () => {
	it('follows the agenda and the current step as another replica (the server) changes them', () => {
		const server = new Y.Doc();
		const mine = new Y.Doc();
		const sync = () => Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
		const room = new BoardAgenda(mine, 'w1');
		expect(room.steps).toEqual([]);
		expect(room.current).toBeNull();

		addStep(server, 'b', 'break', 'a2', 'Fika');
		addStep(server, 'j', 'journey', 'a1');
		sync();
		expect(room.steps.map((s) => s.id)).toEqual(['j', 'b']);
		expect(room.current).toBeNull();

		facilitationMap(server).set('stepId', 'b');
		sync();
		expect(room.current).toMatchObject({ id: 'b', kind: 'break', title: 'Fika' });

		// A title changed inside the current step reaches the view too.
		(agendaMap(server).get('b') as Y.Map<unknown>).set('title', 'Lunch');
		sync();
		expect(room.current?.title).toBe('Lunch');

		// A current step the agenda no longer holds is no step at all.
		agendaMap(server).delete('b');
		sync();
		expect(room.room.stepId).toBe('b');
		expect(room.current).toBeNull();
		room.destroy();
	});
});
