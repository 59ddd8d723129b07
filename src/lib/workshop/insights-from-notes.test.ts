import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, setNoteKind } from './doc';
import { deriveInsights, promoteNote, touchedNotes } from './insights-from-notes';
import { createArea } from './records/area';
import {
	editInsight,
	insightIdForNote,
	listInsights,
	mergeInsights,
	moveInsight
} from './records/insight';

const author = { id: 'anna', name: null, profession: 'arbetsterapeut', organisation: 'kommun' };

/** Runs an edit the way the server's after-write hook sees it: one transaction, then derive. */
function write(doc: Y.Doc, edit: () => unknown) {
	doc.transact((tr) => {
		edit();
		deriveInsights(doc, touchedNotes(doc, tr));
	});
}

function noteBoard() {
	const doc = new Y.Doc();
	let id = '';
	write(doc, () => {
		id = addNote(doc, { text: 'Ingen ringer tillbaka', kind: 'bottennapp', author, eventId: 'e1' });
	});
	return { doc, id, insightId: insightIdForNote(id) };
}

describe('every bottennapp is an insight', () => {
	it('a low point written as one becomes an insight with its provenance', () => {
		const { doc, id, insightId } = noteBoard();
		expect(listInsights(doc)).toMatchObject([
			{
				id: insightId,
				text: 'Ingen ringer tillbaka',
				source: 'lowPoint',
				sourceNoteIds: [id],
				eventIds: ['e1'],
				professions: ['arbetsterapeut'],
				organisations: ['kommun'],
				areaId: null,
				createdBy: null,
				edited: false
			}
		]);
	});

	it('follows the note’s wording until someone edits the insight', () => {
		const { doc, id } = noteBoard();
		write(doc, () => editNote(doc, id, 'Ingen ringer tillbaka efter besöket'));
		expect(listInsights(doc)[0]!.text).toBe('Ingen ringer tillbaka efter besöket');
		editInsight(doc, listInsights(doc)[0]!.id, 'Återkoppling saknas');
		write(doc, () => editNote(doc, id, 'Ändrad igen'));
		expect(listInsights(doc)[0]!.text).toBe('Återkoppling saknas');
	});

	it('stops being one when the kind changes back, unless edited or placed', () => {
		const { doc, id, insightId } = noteBoard();
		write(doc, () => setNoteKind(doc, id, 'note'));
		expect(listInsights(doc)).toEqual([]);
		write(doc, () => setNoteKind(doc, id, 'bottennapp'));
		expect(listInsights(doc)).toHaveLength(1);
		moveInsight(doc, insightId, createArea(doc, { name: 'Område' }));
		write(doc, () => setNoteKind(doc, id, 'citat'));
		expect(listInsights(doc)).toHaveLength(1);
	});

	it('a removed note takes its unplaced automatic insight along', () => {
		const { doc, id } = noteBoard();
		write(doc, () => deleteNote(doc, id));
		expect(listInsights(doc)).toEqual([]);
	});

	it('a note that is a source of a merged insight is not derived again', () => {
		const { doc, id, insightId } = noteBoard();
		let other = '';
		write(doc, () => (other = addNote(doc, { text: 'Svårt att nå', kind: 'bottennapp', author })));
		mergeInsights(doc, insightIdForNote(other), insightId);
		write(doc, () => setNoteKind(doc, id, 'bottennapp'));
		write(doc, () => editNote(doc, id, 'Ny text'));
		expect(listInsights(doc).map((i) => i.sourceNoteIds)).toEqual([[other, id]]);
	});

	it('two replicas deriving the same note converge on one insight', () => {
		const a = new Y.Doc();
		let id = '';
		a.transact(() => (id = addNote(a, { text: 'Väntan', author })));
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		write(a, () => setNoteKind(a, id, 'bottennapp'));
		promoteNote(b, id, 'bo');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(listInsights(a)).toHaveLength(1);
		expect(listInsights(a)).toEqual(listInsights(b));
	});
});

describe('a facilitator promotes a note', () => {
	it('makes any note an insight once, keeping the note unchanged', () => {
		const doc = new Y.Doc();
		const id = addNote(doc, { text: 'Tidspress', kind: 'citat', author });
		expect(promoteNote(doc, id, 'bo')).toBe(true);
		expect(promoteNote(doc, id, 'bo')).toBe(false);
		expect(listInsights(doc)).toMatchObject([
			{ source: 'promoted', createdBy: 'bo', text: 'Tidspress' }
		]);
		write(doc, () => setNoteKind(doc, id, 'note'));
		expect(listInsights(doc)).toHaveLength(1);
	});
});
