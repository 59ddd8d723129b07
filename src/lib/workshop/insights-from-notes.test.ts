import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, setNoteKind } from './doc';
import { backfillInsights, deriveInsights, promoteNote, touchedNotes } from './insights-from-notes';
import { isDismissed } from './records/dismissed-note';
import { createArea } from './records/area';
import {
	editInsight,
	insightIdForNote,
	listInsights,
	mergeInsights,
	moveInsight,
	removeInsight
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

describe('insights for notes written before insights existed (backfill on load)', () => {
	/** A board as an old server stored it: notes, and no insight at all. */
	function oldBoard() {
		const doc = new Y.Doc();
		const low = [
			'Ingen ringer tillbaka',
			'Rollatorn kom för sent',
			'Läkemedelslistan stämmer inte'
		];
		const ids = low.map((text, i) =>
			addNote(doc, { text, kind: 'bottennapp', author, eventId: 'e1', now: 1000 + i })
		);
		addNote(doc, { text: 'Tidspress', kind: 'citat', author, now: 2000 });
		return { doc, ids };
	}

	it('adds one insight per bottennapp, in the order they were written, with provenance', () => {
		const { doc, ids } = oldBoard();
		expect(backfillInsights(doc)).toBe(3);
		const insights = listInsights(doc).sort((a, b) => (a.order < b.order ? -1 : 1));
		expect(insights.map((i) => i.id)).toEqual(ids.map(insightIdForNote));
		expect(insights[0]).toMatchObject({
			text: 'Ingen ringer tillbaka',
			source: 'lowPoint',
			sourceNoteIds: [ids[0]],
			eventIds: ['e1'],
			professions: ['arbetsterapeut'],
			organisations: ['kommun'],
			areaId: null,
			createdBy: null
		});
	});

	it('adds no more than the room it is given (a board at its record cap), oldest first', () => {
		const { doc, ids } = oldBoard();
		expect(backfillInsights(doc, 0)).toBe(0);
		expect(backfillInsights(doc, 2)).toBe(2);
		expect(
			listInsights(doc)
				.map((i) => i.id)
				.sort()
		).toEqual(ids.slice(0, 2).map(insightIdForNote).sort());
	});

	it('is idempotent, also on a copy that loads the same board again', () => {
		const { doc } = oldBoard();
		backfillInsights(doc);
		expect(backfillInsights(doc)).toBe(0);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		expect(backfillInsights(copy)).toBe(0);
		expect(listInsights(copy)).toHaveLength(3);
	});

	it('leaves alone a note whose insight a facilitator removed, or that a merged insight holds', () => {
		const { doc, ids } = oldBoard();
		backfillInsights(doc);
		expect(removeInsight(doc, insightIdForNote(ids[0]!))).toBe(true);
		expect(isDismissed(doc, ids[0]!)).toBe(true);
		mergeInsights(doc, insightIdForNote(ids[1]!), insightIdForNote(ids[2]!));
		expect(backfillInsights(doc)).toBe(0);
		expect(listInsights(doc).map((i) => i.id)).toEqual([insightIdForNote(ids[1]!)]);
	});

	it('undoing a removal brings the insight back and clears the mark', () => {
		const { doc, ids } = oldBoard();
		backfillInsights(doc);
		const me = { me: true };
		const undo = new Y.UndoManager([doc.getMap('insights'), doc.getMap('dismissedNotes')], {
			trackedOrigins: new Set([me]),
			captureTimeout: 0
		});
		removeInsight(doc, insightIdForNote(ids[0]!), me);
		undo.undo();
		expect(isDismissed(doc, ids[0]!)).toBe(false);
		expect(listInsights(doc)).toHaveLength(3);
	});

	it('skips empty notes and notes that are not bottennappar', () => {
		const doc = new Y.Doc();
		addNote(doc, { text: 'Bra bemötande', kind: 'hojdpunkt', author });
		addNote(doc, { text: 'En tanke', author });
		expect(backfillInsights(doc)).toBe(0);
		expect(listInsights(doc)).toEqual([]);
	});
});
