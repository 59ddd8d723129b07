import * as Y from 'yjs';
import { boardRecords } from './layout';
import { plainValue } from './records/collab-text';
import type { RecordDeclaration } from './records/declare';

export type ExportedRecords =
	Array<Record<string, unknown> & { id: string }> | Record<string, unknown>;

/**
 * The shared board as plain JSON, read through the record declarations (layout.ts): every
 * declared root map, every declared field that passes its schema, nothing else. So the
 * export holds exactly what the judge lets into the board, whatever an older log or a bug
 * left beside it, and a new record type is exported by declaring it.
 */
export function exportBoard(
	doc: Y.Doc,
	records: readonly RecordDeclaration[] = boardRecords
): Record<string, ExportedRecords> {
	const out: Record<string, ExportedRecords> = {};
	for (const record of records) {
		const root = doc.getMap<unknown>(record.root);
		if (record.shape === 'singleton') {
			out[record.root] = fieldsOf(record, root);
		} else if (record.shape === 'entry') {
			const entries: Record<string, unknown> = {};
			const schema = record.fields.value;
			for (const key of [...root.keys()].sort()) {
				const parsed = schema?.safeParse(root.get(key));
				if (record.key.safeParse(key).success && parsed?.success) entries[key] = parsed.data;
			}
			out[record.root] = entries;
		} else {
			const rows: Array<Record<string, unknown> & { id: string }> = [];
			for (const id of [...root.keys()].sort()) {
				const value = root.get(id);
				if (!(value instanceof Y.Map) || !record.key.safeParse(id).success) continue;
				rows.push({ id, ...fieldsOf(record, value) });
			}
			out[record.root] = rows;
		}
	}
	return out;
}

function fieldsOf(record: RecordDeclaration, map: Y.Map<unknown>): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [field, schema] of Object.entries(record.fields)) {
		if (!map.has(field)) continue;
		// A collaborative field is exported as its text (a string), and imported as a Y.Text.
		const parsed = schema.safeParse(plainValue(map.get(field)));
		if (parsed.success) fields[field] = parsed.data;
	}
	return fields;
}
