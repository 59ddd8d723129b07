import * as Y from 'yjs';
import { listNotes, notesMap, readNote, type Note } from './doc';
import { isDismissed } from './records/dismissed-note';
import {
	addInsight,
	insightIdForNote,
	insightsMap,
	readInsight,
	type InsightSource
} from './records/insight';

/**
 * Every bottennapp is an insight of its own. The SERVER writes these insights, in the same
 * transaction as the note change it accepts (the room's after-write hook), so there is one
 * writer, one record per note (`n-<noteId>`) and no duplicate however many browsers see the
 * note; participants, who may not create insights, get them too.
 *
 * - a note becomes (or is written as) a bottennapp, and no insight holds it yet: an insight
 *   with the note's text and provenance is added to Ej sorterade;
 * - the note's text, event or question changes: an insight that still has its one source
 *   note's wording (not edited, not merged) follows it;
 * - the note stops being a bottennapp or is removed: its automatic insight goes too, unless
 *   someone edited, merged or placed it in an area.
 *
 * Notes that never passed through that hook (a board written before insights existed, or notes
 * put in by the server itself) get theirs when the server loads the board: `backfillInsights`.
 */

const insightFrom = (note: Note, source: InsightSource, createdBy: string | null) => ({
	id: insightIdForNote(note.id),
	text: note.text,
	source,
	sourceNoteIds: [note.id],
	eventIds: note.eventId ? [note.eventId] : [],
	questionIds: note.questionId ? [note.questionId] : [],
	professions: [note.profession],
	organisations: [note.organisation],
	createdBy
});

/** Whether any insight already names this note as a source (e.g. after a merge). */
function hasInsight(doc: Y.Doc, noteId: string): boolean {
	if (insightsMap(doc).has(insightIdForNote(noteId))) return true;
	for (const map of insightsMap(doc).values()) {
		const ids = map instanceof Y.Map ? map.get('sourceNoteIds') : undefined;
		if (Array.isArray(ids) && ids.includes(noteId)) return true;
	}
	return false;
}

/** A facilitator turns any note into an insight; false when it already is one. */
export function promoteNote(
	doc: Y.Doc,
	noteId: string,
	by: string,
	origin?: unknown,
	now = Date.now()
): boolean {
	const map = notesMap(doc).get(noteId);
	if (!(map instanceof Y.Map) || hasInsight(doc, noteId)) return false;
	addInsight(doc, { ...insightFrom(readNote(noteId, map), 'promoted', by), now }, origin);
	return true;
}

/** Which notes a transaction touched, and whether their kind (or the whole note) changed. */
export function touchedNotes(doc: Y.Doc, tr: Y.Transaction): Map<string, boolean> {
	const notes = notesMap(doc);
	const touched = new Map<string, boolean>();
	for (const [type, keys] of tr.changed) {
		if ((type as unknown) === notes) {
			for (const key of keys) if (key !== null) touched.set(key, true);
			continue;
		}
		const item = type._item;
		if (item?.parent === notes && typeof item.parentSub === 'string') {
			const kind = keys.has('kind');
			if (kind || keys.has('text') || keys.has('eventId') || keys.has('questionId')) {
				touched.set(item.parentSub, (touched.get(item.parentSub) ?? false) || kind);
			}
		}
	}
	return touched;
}

/**
 * Brings the automatic insights in line with the notes `touched` (note id → whether its kind
 * or the whole note changed). Call inside the transaction that changed the notes; returns
 * whether anything changed.
 */
export function deriveInsights(doc: Y.Doc, touched: Map<string, boolean>): boolean {
	let changed = false;
	doc.transact(() => {
		for (const [noteId, kindChanged] of touched) {
			if (syncNote(doc, noteId, kindChanged)) changed = true;
		}
	});
	return changed;
}

function syncNote(doc: Y.Doc, noteId: string, kindChanged: boolean): boolean {
	const noteMap = notesMap(doc).get(noteId);
	const note = noteMap instanceof Y.Map ? readNote(noteId, noteMap) : null;
	const id = insightIdForNote(noteId);
	const map = insightsMap(doc).get(id);
	const insight = map instanceof Y.Map ? readInsight(id, map) : null;
	const own = insight !== null && !insight.edited && insight.sourceNoteIds.length === 1;
	if (note?.kind === 'bottennapp') {
		if (!insight) {
			if (!kindChanged || hasInsight(doc, noteId) || note.text === '') return false;
			addInsight(doc, { ...insightFrom(note, 'lowPoint', null), now: note.updatedAt });
			return true;
		}
		return own ? follow(map!, note) : false;
	}
	if ((!note || kindChanged) && own && insight.areaId === null && insight.source === 'lowPoint') {
		insightsMap(doc).delete(id);
		return true;
	}
	return note && own ? follow(map!, note) : false;
}

/** An unedited insight keeps its one source note's words and place in the journey. */
function follow(map: Y.Map<unknown>, note: Note): boolean {
	const next = insightFrom(note, 'lowPoint', null);
	let changed = false;
	const set = (field: string, value: unknown) => {
		if (JSON.stringify(map.get(field)) === JSON.stringify(value)) return;
		map.set(field, value);
		changed = true;
	};
	if (note.text !== '') set('text', next.text);
	set('eventIds', next.eventIds);
	set('questionIds', next.questionIds);
	return changed;
}

/**
 * Adds the insight of every bottennapp that has none: for boards written before insights
 * existed, or notes the hook above never saw. A note whose insight a facilitator removed
 * (dismissed-note.ts) or that is held by a merged insight is left alone, so running this again,
 * on every load, adds nothing. Notes are taken oldest first (listNotes), so the pile keeps their order.
 * At most `room` are added (a board's records stay under its cap; the rest wait for room).
 * Returns how many insights it added.
 */
export function backfillInsights(doc: Y.Doc, room = Infinity): number {
	const held = new Set<string>();
	insightsMap(doc).forEach((map, id) => {
		held.add(id);
		const ids = map instanceof Y.Map ? map.get('sourceNoteIds') : undefined;
		if (Array.isArray(ids)) for (const noteId of ids) held.add(String(noteId));
	});
	if (room <= 0) return 0;
	const missing = listNotes(doc).filter(
		(note) =>
			note.kind === 'bottennapp' &&
			note.text !== '' &&
			!held.has(note.id) &&
			!held.has(insightIdForNote(note.id)) &&
			!isDismissed(doc, note.id)
	);
	if (missing.length === 0) return 0;
	const added = missing.slice(0, room);
	doc.transact(() => {
		for (const note of added) {
			addInsight(doc, { ...insightFrom(note, 'lowPoint', null), now: note.updatedAt });
		}
	});
	return added.length;
}
