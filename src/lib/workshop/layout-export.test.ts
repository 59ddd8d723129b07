import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from './doc';
import { setEmotion } from './emotions';
import { boardRecords } from './layout';
import { exportBoard } from './layout-export';
import { updatePersona } from './persona';
import { setBoardLocked } from './records/board-state';

const author = { id: 'm1', name: 'Pia', profession: 'sjukskoterska', organisation: 'kommun' };

describe('exportBoard', () => {
	it('exports every declared root map, and only declared fields that pass their schema', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'Ingen ringer tillbaka', kind: 'bottennapp', author });
		updatePersona(doc, { name: 'Oskar', age: 83 });
		setEmotion(doc, 'e1', 'm1', -2);
		setBoardLocked(doc, true);
		// What a bug or an old log might have left beside the declared layout:
		doc.getMap('unknown').set('x', 1);
		(doc.getMap('notes').get(id) as Y.Map<unknown>).set('stray', 'not declared');
		const bad = new Y.Map<unknown>();
		doc.getMap('notes').set('bad id with spaces', bad);
		bad.set('text', 'x');

		const out = exportBoard(doc);
		expect(Object.keys(out).sort()).toEqual(boardRecords.map((r) => r.root).sort());
		expect(out.unknown).toBeUndefined();
		const notes = out.notes as Array<Record<string, unknown>>;
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ id, text: 'Ingen ringer tillbaka', kind: 'bottennapp' });
		expect(notes[0]!.stray).toBeUndefined();
		expect(out.persona).toMatchObject({ name: 'Oskar', age: 83 });
		expect(out.emotions).toEqual({ 'e1|m1': -2 });
		expect(out.state).toMatchObject({ locked: true });
	});

	it('leaves out a field whose value breaks its schema', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'Tidspress', author });
		(doc.getMap('notes').get(id) as Y.Map<unknown>).set('kind', 'hacked');
		const notes = exportBoard(doc).notes as Array<Record<string, unknown>>;
		expect(notes[0]!.kind).toBeUndefined();
		expect(notes[0]!.text).toBe('Tidspress');
	});
});
