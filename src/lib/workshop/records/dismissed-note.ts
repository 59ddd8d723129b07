import type * as Y from 'yjs';
import { declareRecord, idSchema, timeSchema } from './declare';

/**
 * Notes whose insight a facilitator removed on purpose, with the time it was removed:
 *
 *   doc.getMap('dismissedNotes'): Y.Map<noteId, number>
 *
 * The server derives an insight for every bottennapp that has none, also when it loads a board
 * written before insights existed (insights-from-notes.ts, `backfillInsights`). Without this
 * mark it could not tell "never had an insight" from "a facilitator removed it", and a removed
 * insight would come back on the next load. Written in the same transaction as the removal, so
 * undoing the removal takes the mark back too.
 */
export const dismissedNoteRecord = declareRecord({
	name: 'dismissed note',
	root: 'dismissedNotes',
	shape: 'entry',
	key: idSchema,
	fields: { value: timeSchema },
	text: [],
	refs: {},
	keyRef: { kind: 'ids', to: ['notes'] },
	hidden: false,
	create: ['facilitator'],
	change: { value: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
});

export const dismissedNotesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('dismissedNotes');

export const isDismissed = (doc: Y.Doc, noteId: string): boolean =>
	dismissedNotesMap(doc).has(noteId);
