import * as Y from 'yjs';
import type { RecordDeclaration } from './declare';

/**
 * Collaborative text fields (a declaration's `collaborative`): the field holds a `Y.Text`, so
 * two people typing in one field at once both keep their text, merged character by character.
 * Boards stored before a field became collaborative hold a plain string there; readers take
 * either, and the server converts them when it loads a board.
 */

/** A field's value as readers want it: the text of a Y.Text, anything else as it is. */
export const plainValue = (value: unknown): unknown =>
	value instanceof Y.Text ? value.toString() : value;

/** A new Y.Text holding `text`, to set as a collaborative field's value. */
export function newText(text: string): Y.Text {
	return new Y.Text(text);
}

/** The smallest single replacement that turns `before` into `after`. */
export interface TextEdit {
	index: number;
	remove: number;
	insert: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The edit between two versions of a field: common prefix and suffix kept. `caret` (where the
 * caret is in `after`, when known) places an edit among repeated characters where it was typed:
 * typing "a" into "a|a" inserts at 1, not at the end. Never splits a surrogate pair.
 */
export function textEdit(before: string, after: string, caret?: number): TextEdit | null {
	if (before === after) return null;
	let suffixMax = Math.min(before.length, after.length);
	if (caret !== undefined) suffixMax = Math.max(0, Math.min(suffixMax, after.length - caret));
	let suffix = 0;
	while (
		suffix < suffixMax &&
		before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
	) {
		suffix++;
	}
	if (suffix > 0 && isLow(after.charCodeAt(after.length - suffix))) suffix--;
	const prefixMax = Math.min(before.length, after.length) - suffix;
	let prefix = 0;
	while (prefix < prefixMax && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
	if (prefix > 0 && isHigh(after.charCodeAt(prefix - 1))) prefix--;
	return {
		index: prefix,
		remove: before.length - prefix - suffix,
		insert: after.slice(prefix, after.length - suffix)
	};
}

/** Writes `after` into a Y.Text as the smallest delete and insert (call inside a transaction). */
export function writeText(text: Y.Text, after: string, caret?: number): boolean {
	const edit = textEdit(text.toString(), after, caret);
	if (!edit) return false;
	if (edit.remove > 0) text.delete(edit.index, edit.remove);
	if (edit.insert !== '') text.insert(edit.index, edit.insert);
	return true;
}

/** One step of a Y.Text change as Yjs reports it (`event.delta`). */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where a position in the text lands after someone else's change: moved by what was inserted
 * before it and by what was deleted before it. An insert right at the position stays after it.
 */
export function movePosition(delta: TextDelta, position: number): number {
	let at = 0; // where the step applies, in the text before the change
	let moved = position;
	for (const op of delta) {
		if (at >= position) break;
		if (op.retain !== undefined) at += op.retain;
		else if (op.delete !== undefined) {
			moved -= Math.min(op.delete, position - at);
			at += op.delete;
		} else if (op.insert !== undefined) {
			moved += typeof op.insert === 'string' ? op.insert.length : 1;
		}
	}
	return moved;
}

/** A record's collaborative field, as a Y.Text: a plain string (an older board) is converted. */
export function textField(map: Y.Map<unknown>, field: string): Y.Text {
	const value = map.get(field);
	if (value instanceof Y.Text) return value;
	const text = newText(typeof value === 'string' ? value : '');
	map.set(field, text);
	return text;
}

/**
 * Turns every plain string a collaborative field holds into a Y.Text (boards stored before the
 * field was collaborative); run by the server on a board it has just loaded. Idempotent.
 */
export function convertCollaborative(doc: Y.Doc, records: readonly RecordDeclaration[]): number {
	let converted = 0;
	const convert = (map: Y.Map<unknown>, fields: readonly string[]) => {
		for (const field of fields) {
			const value = map.get(field);
			if (typeof value !== 'string') continue;
			map.set(field, newText(value));
			converted++;
		}
	};
	doc.transact(() => {
		for (const record of records) {
			const fields = record.collaborative;
			if (!fields?.length) continue;
			const root = doc.getMap<unknown>(record.root);
			if (record.shape === 'singleton') convert(root, fields);
			else if (record.shape === 'collection') {
				root.forEach((map) => {
					if (map instanceof Y.Map) convert(map as Y.Map<unknown>, fields);
				});
			}
		}
	});
	return converted;
}
