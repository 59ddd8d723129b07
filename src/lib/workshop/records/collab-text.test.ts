import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportBoard } from '../layout-export';
import { boardDocFrom } from '../workshop-import';
import { actionRecord, actionsMap, addAction, listActions } from './action';
import { createArea } from './area';
import { movePosition, plainValue, textEdit, writeText } from './collab-text';

describe('the edit between two versions of a field', () => {
	it('is one insert or delete where the person typed', () => {
		expect(textEdit('Pilot', 'Pilot i vår')).toEqual({ index: 5, remove: 0, insert: ' i vår' });
		expect(textEdit('Pilot i vår', 'Pilot vår')).toEqual({ index: 5, remove: 2, insert: '' });
		expect(textEdit('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' });
		expect(textEdit('same', 'same')).toBeNull();
	});

	it('places a character typed among repeated ones at the caret', () => {
		expect(textEdit('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
		expect(textEdit('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
		expect(textEdit('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
	});

	it('never splits a surrogate pair', () => {
		const edit = textEdit('a😀', 'a😃')!;
		expect(edit).toEqual({ index: 1, remove: 2, insert: '😃' });
	});

	it('writes into a Y.Text as the smallest change, keeping a concurrent insert', () => {
		const a = new Y.Doc();
		const text = a.getMap('m').set('t', new Y.Text('Pilot'));
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		writeText(text, 'AAAPilot', 3);
		writeText(b.getMap('m').get('t') as Y.Text, 'PilotBBB', 8);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(plainValue(a.getMap('m').get('t'))).toBe('AAAPilotBBB');
		expect(plainValue(b.getMap('m').get('t'))).toBe('AAAPilotBBB');
		expect(plainValue('plain')).toBe('plain');
	});
});

describe('a caret after someone else’s change', () => {
	it('moves with text inserted or deleted before it, not after it', () => {
		expect(movePosition([{ insert: 'BBB' }], 2)).toBe(5);
		expect(movePosition([{ retain: 5 }, { insert: 'BBB' }], 2)).toBe(2);
		expect(movePosition([{ retain: 2 }, { insert: 'x' }], 2)).toBe(2);
		expect(movePosition([{ delete: 3 }], 5)).toBe(2);
		expect(movePosition([{ retain: 1 }, { delete: 10 }], 5)).toBe(1);
		expect(movePosition([{ retain: 1 }, { delete: 1 }, { insert: 'xyz' }], 4)).toBe(6);
	});
});

describe('collaborative text in a workshop file', () => {
	it('is written as a string and read back as a Y.Text', () => {
		const doc = new Y.Doc();
		const area = createArea(doc, { name: 'Vem ringer jag' })!;
		addAction(doc, { areaId: area, plan: 'Pilot i vår', owner: 'MAS' });
		const board = exportBoard(doc);
		const [row] = board.actions as Array<Record<string, unknown> & { id: string }>;
		expect(row).toMatchObject({ plan: 'Pilot i vår', owner: 'MAS', step: '' });
		const back = boardDocFrom(board);
		const map = actionsMap(back).get(row!.id)!;
		for (const field of actionRecord.collaborative!) {
			expect(map.get(field), field).toBeInstanceOf(Y.Text);
		}
		expect(listActions(back)[0]).toMatchObject({ plan: 'Pilot i vår', owner: 'MAS' });
	});
});
