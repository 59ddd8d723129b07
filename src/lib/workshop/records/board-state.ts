import * as Y from 'yjs';
import { z } from 'zod';
import type { RecordDeclaration, Writer } from './declare';

/**
 * Workshop-wide switches in the shared board that only facilitators set:
 *
 *   doc.getMap('state'): { locked: boolean }
 *
 * `locked`: while true, nobody but facilitators may write to the board.
 */
export const stateMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('state');

export function isBoardLocked(doc: Y.Doc): boolean {
	return stateMap(doc).get('locked') === true;
}

export function setBoardLocked(doc: Y.Doc, locked: boolean): void {
	doc.transact(() => stateMap(doc).set('locked', locked));
}

export const boardStateRecord: RecordDeclaration = {
	name: 'board state',
	root: 'state',
	shape: 'singleton',
	key: z.string(),
	fields: { locked: z.boolean() },
	create: ['facilitator'],
	change: { locked: ['facilitator'] },
	fixed: [],
	remove: ['facilitator'],
	ownedBy: 'nobody: the facilitators’',
	owner: () => null
};

/** The condition the lock sets, judged against the board as it was before an update. */
export function lockCondition(before: Y.Doc, writer: Writer): string | null {
	return writer.role !== 'facilitator' && isBoardLocked(before) ? 'the board is locked' : null;
}
