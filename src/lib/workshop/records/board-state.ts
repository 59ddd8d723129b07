import * as Y from 'yjs';

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
