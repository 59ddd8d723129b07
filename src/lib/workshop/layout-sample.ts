import { z } from 'zod';
import { rowSchema, type BoardFile } from './workshop-json';
import { ID_PATTERN, MEMBERS, ORDER_PATTERN, type RecordDeclaration } from './records/declare';
import { mapKey, mapRefs } from './records/walk';

/**
 * Records of every declaration, made from the declarations alone (their schemas, `text`,
 * `refs` and `keyRef`), as plain roots the way a workshop file holds them: what the tests that
 * must cover every record (masking in every export format) build their board from, so a new
 * record type is covered by being declared. Each declared text field gets `text(where)`.
 */
export interface SampleOptions {
	/** The text of one string of a declared text field; `where` names it ("notes.3.text"). */
	text(where: string): string;
	/** Records per collection (enough to take every value of the largest enum). */
	count?: number;
}

interface JsonSchema {
	type?: string | string[];
	anyOf?: JsonSchema[];
	enum?: unknown[];
	const?: unknown;
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	items?: JsonSchema;
	prefixItems?: JsonSchema[];
	properties?: Record<string, JsonSchema>;
	additionalProperties?: JsonSchema | boolean;
	propertyNames?: JsonSchema;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Strings matching patterns other than ids and order keys (a due date). */
const PATTERNED = ['2026-05-01'];

/** FNV-1a of a string: a spread that is the same on every run. */
function spread(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h;
}

/** Thrown when a schema holds something this sampler cannot make: extend it, then. */
class CannotSample extends Error {}

/** A value for a JSON schema; `vary` picks among enum values, nullables and booleans. */
function sample(
	j: JsonSchema,
	vary: number,
	where: string,
	text: ((where: string) => string) | null
): unknown {
	if (j.anyOf) {
		const options = j.anyOf.filter((o) => o.type !== 'null');
		const nullable = options.length < j.anyOf.length;
		// About every third nullable value is null (an event not removed, a note in no cell),
		// chosen by where it is, so the nulls of one record do not all fall together.
		if (nullable && spread(where) % 3 === 0) return null;
		return sample(options[vary % options.length]!, vary, where, text);
	}
	if (j.enum) return j.enum[vary % j.enum.length];
	if (j.const !== undefined) return j.const;
	switch (j.type) {
		case 'null':
			return null;
		case 'boolean':
			return vary % 2 === 0;
		case 'integer':
		case 'number': {
			const min = j.minimum ?? 0;
			const max = j.maximum ?? min + 1000;
			return max - min <= 100 ? min + (vary % (max - min + 1)) : min + 1 + vary;
		}
		case 'string': {
			if (j.pattern === ID_PATTERN.source) return `ref${vary}`;
			if (j.pattern === ORDER_PATTERN.source) return `a${BASE62[vary % 62]}`;
			if (j.pattern) {
				const fit = PATTERNED.find((s) => new RegExp(j.pattern!).test(s));
				if (fit === undefined) throw new CannotSample(`${where}: no sample matches ${j.pattern}`);
				return fit;
			}
			const value = text ? text(where) : `${where} ${vary}`;
			return value.slice(0, j.maxLength ?? value.length).padEnd(j.minLength ?? 0, 'x');
		}
		case 'array': {
			if (j.prefixItems) return j.prefixItems.map((p, i) => sample(p, vary, `${where}.${i}`, text));
			const n = Math.max(1, j.minItems ?? 0);
			return Array.from({ length: n }, (_, i) => sample(j.items!, vary + i, `${where}.${i}`, text));
		}
		case 'object': {
			const out: Record<string, unknown> = {};
			for (const [k, p] of Object.entries(j.properties ?? {})) {
				out[k] = sample(p, vary, `${where}.${k}`, text);
			}
			if (typeof j.additionalProperties === 'object') {
				const key = sample(j.propertyNames ?? { type: 'string' }, vary, `${where}{}`, null);
				out[String(key)] = sample(j.additionalProperties, vary, `${where}.${key}`, text);
			}
			return out;
		}
		case undefined:
			// Any JSON (a canvas shape's props): a string, the value text can leak through.
			if (Object.keys(j).length === 0) return text ? text(where) : `${where} ${vary}`;
			throw new CannotSample(`${where}: cannot sample ${JSON.stringify(j).slice(0, 80)}`);
		default:
			throw new CannotSample(`${where}: cannot sample ${JSON.stringify(j).slice(0, 80)}`);
	}
}

/** The JSON schema of a field, as zod writes it. */
const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output' }) as JsonSchema;

/**
 * Every declared root of `records` with `count` records (one for a singleton), every field
 * valid by its schema and every reference pointing at a record of the sample.
 */
export function sampleRecords(
	records: readonly RecordDeclaration[],
	options: SampleOptions
): BoardFile {
	const count = options.count ?? 12;
	const idOf = (root: string, i: number) => `${root}${i}`;
	let used = 0;
	// References go round the records they point at, so most records are pointed at.
	const pick = (_id: string, to: string) =>
		to === MEMBERS ? `m${used++ % 3}` : idOf(to, used++ % count);
	const board: BoardFile = {};
	for (const record of records) {
		const text = new Set<string>(record.text ?? []);
		const fieldsOf = (vary: number, where: string) => {
			const out: Record<string, unknown> = {};
			Object.entries(record.fields).forEach(([field, schema], f) => {
				// Offsetting by the field's place keeps nullables of one record from all being null.
				out[field] = sample(
					jsonOf(schema),
					vary + f,
					`${where}.${field}`,
					text.has(field) ? options.text : null
				);
			});
			return mapRefs(record, out, pick);
		};
		if (record.shape === 'singleton') {
			board[record.root] = fieldsOf(0, record.root);
			continue;
		}
		if (record.keyRef?.kind === 'digest') {
			if (text.size > 0) throw new CannotSample(`${record.root}: keys are digests`);
			continue;
		}
		const rows: Array<Record<string, unknown>> = [];
		const entries: Record<string, unknown> = {};
		for (let i = 0; i < count; i++) {
			const own = idOf(record.root, i);
			// A key made of other records' ids points at the i-th of each, so keys stay unique.
			const key = mapKey(
				record.keyRef,
				record.keyRef?.kind === 'ids'
					? record.keyRef.to.map(() => own).join(record.keyRef.separator ?? '')
					: own,
				(_id, to) => (to === MEMBERS ? `m${i % 3}` : idOf(to, i)),
				(id) => id
			)!;
			const fields = fieldsOf(i, `${record.root}.${i}`);
			if (record.shape === 'collection') {
				const row = { id: key, ...fields };
				const parsed = rowSchema(record).safeParse(row);
				if (!parsed.success) throw new CannotSample(`${record.root}.${i}: ${parsed.error.message}`);
				rows.push(row);
			} else {
				if (!record.key.safeParse(key).success) {
					if (text.size > 0) throw new CannotSample(`${record.root}: cannot make a key`);
					break;
				}
				entries[key] = fields.value;
			}
		}
		board[record.root] = record.shape === 'collection' ? rows : entries;
	}
	return board;
}
