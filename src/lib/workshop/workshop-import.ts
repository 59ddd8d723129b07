import * as Y from 'yjs';
import { boardRecords, RECORDS_PER_DOCUMENT } from './layout';
import { newText } from './records/collab-text';
import {
	SCHEMA_VERSION,
	WORKSHOP_FORMAT,
	workshopFileSchema,
	type BoardFile,
	type WorkshopFile
} from './workshop-json';
import { mapKey, mapRefs } from './records/walk';

/**
 * Reading a workshop file (workshop-json.ts) for import, pure: parse, refuse anything hostile
 * or malformed with one error key, give every record a fresh id (and every reference the same
 * fresh id), and build the new board. The server route writes the result in one transaction.
 */

/** At most this many bytes in an import (the route answers 413 above it). */
export const IMPORT_BYTES_MAX = 8 * 1024 * 1024;
/** Deeper than any valid file (board → root → record → results → scores → area → axis → …). */
export const IMPORT_DEPTH_MAX = 16;
/** Keys that would reach an object's prototype if anything ever merged them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Error keys, each an `error_<key>` message in messages/*.json. */
export type ImportError =
	| 'import_not_json'
	| 'import_not_samskapa'
	| 'import_version'
	| 'import_too_deep'
	| 'import_forbidden_key'
	| 'import_too_many'
	| 'import_invalid';

export type ImportParse =
	{ ok: true; file: WorkshopFile } | { ok: false; error: ImportError; path?: string };

const refuse = (error: ImportError, path?: string): ImportParse => ({
	ok: false,
	error,
	...(path ? { path } : {})
});

/** The text of a workshop file, checked all the way down; never throws. */
export function parseWorkshopFile(text: string): ImportParse {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return refuse('import_not_json');
	}
	const shape = scan(value);
	if (shape) return refuse(shape.error, shape.path);
	if (!isObject(value) || value.format !== WORKSHOP_FORMAT) return refuse('import_not_samskapa');
	if (value.schemaVersion !== SCHEMA_VERSION) return refuse('import_version');
	if (countRecords(value.board) > RECORDS_PER_DOCUMENT) return refuse('import_too_many');
	const parsed = workshopFileSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return refuse('import_invalid', issue?.path.map(String).join('.') || undefined);
	}
	return { ok: true, file: parsed.data };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walks the parsed value without recursion: too deep, or a key that means the prototype. */
function scan(value: unknown): { error: ImportError; path: string } | null {
	const stack: Array<{ v: unknown; depth: number; path: string }> = [
		{ v: value, depth: 0, path: '' }
	];
	while (stack.length > 0) {
		const { v, depth, path } = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (depth > IMPORT_DEPTH_MAX) return { error: 'import_too_deep', path };
		for (const key of Object.keys(v)) {
			if (FORBIDDEN_KEYS.has(key)) return { error: 'import_forbidden_key', path: path + key };
			stack.push({
				v: (v as Record<string, unknown>)[key],
				depth: depth + 1,
				path: `${path}${key}.`
			});
		}
	}
	return null;
}

function countRecords(board: unknown): number {
	if (!isObject(board)) return 0;
	let n = 0;
	for (const value of Object.values(board)) {
		if (Array.isArray(value)) n += value.length;
		else if (isObject(value)) n += Object.keys(value).length;
	}
	return n;
}

type Row = Record<string, unknown> & { id: string };

/**
 * Every id a file holds, records' and references' alike, replaced by a fresh one: the same old
 * id always by the same new id, so references keep pointing where they pointed (also at
 * records the file does not hold: a removed note an insight came from stays one id).
 */
export class IdMap {
	readonly ids = new Map<string, string>();
	constructor(private newId: () => string) {}

	id = (old: string): string => {
		let fresh = this.ids.get(old);
		if (fresh === undefined) {
			fresh = this.newId();
			this.ids.set(old, fresh);
		}
		return fresh;
	};
}

/**
 * The file's board with fresh ids everywhere; `ids` says which old id became which. Which
 * fields and keys hold ids is read from the declarations (`refs`, `keyRef`), so a new record
 * type is imported by being declared. Records keyed by a digest of ids (rejected suggestions)
 * mean nothing under new ids and are left out.
 */
export function remapBoard(
	board: BoardFile,
	newId: () => string
): { board: BoardFile; ids: IdMap } {
	const ids = new IdMap(newId);
	const out: BoardFile = {};
	const ref = (id: string) => ids.id(id);
	for (const record of boardRecords) {
		const value = board[record.root];
		if (value === undefined || record.keyRef?.kind === 'digest') continue;
		if (record.shape === 'singleton') {
			out[record.root] = mapRefs(record, value as Record<string, unknown>, ref);
		} else if (record.shape === 'entry') {
			out[record.root] = Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([key, v]) => [
					mapKey(record.keyRef, key, ref, null),
					mapRefs(record, { value: v }, ref).value
				])
			);
		} else {
			out[record.root] = (value as Row[]).map((row) => ({
				...mapRefs(record, row, ref),
				id: mapKey(record.keyRef, row.id, ref, ids.id)!
			}));
		}
	}
	return { board: out, ids };
}

/** A new board document holding exactly the file's records. */
export function boardDocFrom(board: BoardFile): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const record of boardRecords) {
			const value = board[record.root];
			if (value === undefined) continue;
			const root = doc.getMap<unknown>(record.root);
			const texts = new Set(record.collaborative);
			const set = (map: Y.Map<unknown>, field: string, v: unknown) => {
				if (v !== undefined) map.set(field, texts.has(field) ? newText(v as string) : v);
			};
			if (record.shape === 'collection') {
				for (const { id, ...fields } of value as Row[]) {
					const map = new Y.Map<unknown>();
					root.set(id, map);
					for (const [field, v] of Object.entries(fields)) set(map, field, v);
				}
			} else {
				for (const [key, v] of Object.entries(value as Record<string, unknown>)) set(root, key, v);
			}
		}
	});
	return doc;
}
