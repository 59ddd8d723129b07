import type { KeyRef, RecordDeclaration, RefPath, RefTarget } from './declare';

/**
 * Reading a record's plain value (as exported, as imported) through what its declaration says:
 * every id it holds of other records (`refs`, `keyRef`) and every string people wrote (`text`).
 * Import renews ids with it and exports mask text with it, so neither keeps a list per record.
 */

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

interface Step {
	field: string;
	each: 'item' | 'key' | null;
}

const STEP = /^([A-Za-z0-9_]+)(\[\]|\{\})?$/;

/** A ref path as steps; throws on a malformed path (declarations.test.ts reads every one). */
export function refSteps(path: RefPath): Step[] {
	return path.split('.').map((segment) => {
		const m = STEP.exec(segment);
		if (!m) throw new Error(`malformed ref path ${path}`);
		return { field: m[1]!, each: m[2] === '[]' ? 'item' : m[2] === '{}' ? 'key' : null };
	});
}

/** An id, a list of ids, or anything else (null: no reference) left as it is. */
function mapIds(value: unknown, fn: (id: string) => string): unknown {
	if (typeof value === 'string') return fn(value);
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? fn(v) : v));
	return value;
}

function mapAt(value: unknown, steps: readonly Step[], fn: (id: string) => string): unknown {
	if (steps.length === 0) return mapIds(value, fn);
	const [step, ...rest] = steps as [Step, ...Step[]];
	if (!isPlain(value) || !(step.field in value)) return value;
	const inner = value[step.field];
	let next: unknown;
	if (step.each === 'item') {
		next = Array.isArray(inner) ? inner.map((item) => mapAt(item, rest, fn)) : inner;
	} else if (step.each === 'key') {
		next = isPlain(inner)
			? Object.fromEntries(
					Object.entries(inner).map(([k, v]) => [fn(k), rest.length ? mapAt(v, rest, fn) : v])
				)
			: inner;
	} else {
		next = mapAt(inner, rest, fn);
	}
	return { ...value, [step.field]: next };
}

/** The record's fields with every declared reference passed through `fn` (a new object). */
export function mapRefs<T extends Plain>(
	record: RecordDeclaration,
	fields: T,
	fn: (id: string, to: RefTarget) => string
): T {
	let out: Plain = fields;
	for (const [path, to] of Object.entries(record.refs ?? {})) {
		out = mapAt(out, refSteps(path), (id) => fn(id, to)) as Plain;
	}
	return out as T;
}

/**
 * A record's key with the ids it holds passed through `fn`; `own` renews a collection's own
 * id. Null: the key cannot follow its records to new ids (a digest).
 */
export function mapKey(
	keyRef: KeyRef | undefined,
	key: string,
	fn: (id: string, to: RefTarget) => string,
	own: ((id: string) => string) | null
): string | null {
	if (keyRef === undefined) return own ? own(key) : key;
	if (keyRef.kind === 'digest') return null;
	if (keyRef.kind === 'derived') {
		return key.startsWith(keyRef.prefix)
			? keyRef.prefix + fn(key.slice(keyRef.prefix.length), keyRef.to)
			: own
				? own(key)
				: key;
	}
	const parts = keyRef.separator === undefined ? [key] : key.split(keyRef.separator);
	return parts
		.map((part, i) => fn(part, keyRef.to[i] ?? keyRef.to.at(-1)!))
		.join(keyRef.separator ?? '');
}

/** Every string inside a value (a text, a list of lines, an object of labels) through `fn`. */
export function mapStrings(value: unknown, fn: (text: string) => string): unknown {
	if (typeof value === 'string') return fn(value);
	if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
	if (isPlain(value)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
	}
	return value;
}
