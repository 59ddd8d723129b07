import type * as Y from 'yjs';
import { privateDocumentLayout } from './private-layout';
import { actionRecord } from './records/action';
import { stepRecord } from './records/agenda';
import { areaRecord } from './records/area';
import { boardStateRecord, closedCondition, lockCondition } from './records/board-state';
import { carriedRecord } from './records/carried';
import { canvasShapeRecord } from './records/canvas-shape';
import type { RecordDeclaration, Writer } from './records/declare';
import { dismissedNoteRecord } from './records/dismissed-note';
import { emotionRecord } from './records/emotion';
import { facilitationRecord } from './records/facilitation';
import { eventRecord } from './records/event';
import { goalRecord } from './records/goal';
import { ideaRecord } from './records/idea';
import { ideaRoundRecord } from './records/idea-round';
import { goalCommentRecord } from './records/goal-comment';
import { insightRecord } from './records/insight';
import { noteRecord } from './records/note';
import { noteRoundRecord } from './records/note-round';
import { personaRecord } from './records/persona';
import { placementRecord } from './records/placement';
import { questionRecord } from './records/question';
import { readyRecord } from './records/ready';
import { rejectedSuggestionRecord } from './records/rejected-suggestion';
import { roundRecord } from './records/round';
import { summaryRecord } from './records/summary';

/**
 * The registry of a workshop's shared board (`w/<workshopId>`): which root maps exist and
 * which record each holds. The server's write judge refuses any other root map, and any field
 * a declaration does not list. Private documents (`w/<id>/p/<membershipId>`) have a layout
 * of their own (private-layout.ts).
 */
export const boardRecords: readonly RecordDeclaration[] = [
	noteRecord,
	eventRecord,
	questionRecord,
	personaRecord,
	emotionRecord,
	boardStateRecord,
	insightRecord,
	areaRecord,
	dismissedNoteRecord,
	rejectedSuggestionRecord,
	roundRecord,
	placementRecord,
	goalRecord,
	ideaRecord,
	ideaRoundRecord,
	noteRoundRecord,
	actionRecord,
	summaryRecord,
	goalCommentRecord,
	stepRecord,
	facilitationRecord,
	readyRecord,
	carriedRecord,
	canvasShapeRecord
];

export const boardLayout: ReadonlyMap<string, RecordDeclaration> = new Map(
	boardRecords.map((record) => [record.root, record])
);

/** A kind of workshop document and the records it holds. */
export interface DocumentLayout {
	/** Its name in docs/realtime.md. */
	name: string;
	/** Its room name, in words. */
	room: string;
	records: readonly RecordDeclaration[];
	/** Whether reports and the workshop file are made from it (private documents never are). */
	exported: boolean;
}

export const boardDocument: DocumentLayout = {
	name: 'board',
	room: '`w/<workshopId>`',
	records: boardRecords,
	exported: true
};

/**
 * Every kind of document and its declarations: what the docs' layout tables, the checks that
 * every declaration is complete and the export test walk, so a new document kind is covered by
 * being listed here.
 */
export const layouts: readonly DocumentLayout[] = [boardDocument, privateDocumentLayout];

/**
 * Conditions on the workshop's state, judged against the board before an update: a reason
 * when this writer may change nothing now.
 */
export const boardConditions: ReadonlyArray<(before: Y.Doc, writer: Writer) => string | null> = [
	lockCondition,
	closedCondition
];

/**
 * At most this many records (notes, insights, ideas, actions …) in one board. PRODUCT.md asks
 * that a 10,000-note workshop opens in under 2 s: with the insights derived from its notes
 * (about one in four) that board holds some 12,500 records, inside the participants' share.
 */
export const RECORDS_PER_DOCUMENT = 15_000;

/** The records a board holds, as the caps count them (singletons are not counted). */
export function boardRecordCount(doc: Y.Doc): number {
	let n = 0;
	for (const record of boardRecords) {
		if (record.shape !== 'singleton') n += doc.getMap(record.root).size;
	}
	return n;
}
/**
 * At most this many keys in one board's record maps, live or removed: a removed record's key
 * stays in the map for good (a Yjs tombstone), and every reader of the map walks it.
 */
export const KEYS_PER_DOCUMENT = 50_000;
/** At most this many bytes in one board, encoded as a Yjs update. */
export const DOCUMENT_BYTES_MAX = 16 * 1024 * 1024;
/**
 * Participants are refused at this share of each board cap (records, keys, bytes), so a board
 * participants filled is still writable for its facilitators.
 */
export const PARTICIPANT_SHARE = 7 / 8;
/**
 * Tombstones one participant's items may leave in a board (Yjs keeps each deleted item for
 * good): overwritten values, removed records, keys created and removed at once. An edit of a
 * note leaves two, so an honest member editing thousands of times stays far below.
 */
export const TOMBSTONES_PER_MEMBER = 50_000;
/**
 * Of those, removed records (root map keys): each keeps its key, up to 64 characters, in the
 * board. Twice the notes a member may hold: a facilitator clearing them all still leaves room.
 */
export const REMOVED_KEYS_PER_MEMBER = 10_000;
/**
 * Bytes of the board one participant's live items may hold (keys and content, as
 * src/lib/server/realtime/member-bytes.ts counts them): a quarter of the board, so no one
 * participant fills the participants' share alone. A member's 5,000 notes of a few hundred
 * characters each stay below it.
 */
export const BYTES_PER_MEMBER = DOCUMENT_BYTES_MAX / 4;

export { NOTES_PER_MEMBER } from './records/note';
