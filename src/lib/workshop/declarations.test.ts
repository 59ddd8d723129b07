import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { layouts } from './layout';
import { ID_PATTERN, MEMBERS, type RecordDeclaration } from './records/declare';
import { refSteps } from './records/walk';

/**
 * Every declaration of every document is complete: it says which fields are text and which
 * hold ids, read from its schemas, so a field added without saying so fails here instead of
 * leaking patient data into an export or an old id into an import.
 */
interface JsonSchema {
	type?: string;
	anyOf?: JsonSchema[];
	enum?: unknown[];
	const?: unknown;
	pattern?: string;
	items?: JsonSchema;
	prefixItems?: JsonSchema[];
	properties?: Record<string, JsonSchema>;
	additionalProperties?: JsonSchema | boolean;
	propertyNames?: JsonSchema;
}

type Kind = 'id' | 'pattern' | 'free';

/** Every string a value of the schema may hold, with its path (RefPath syntax) and kind. */
function strings(j: JsonSchema, path: string): Array<{ path: string; kind: Kind }> {
	if (j.anyOf) return j.anyOf.flatMap((o) => strings(o, path));
	if (j.enum || j.const !== undefined) return [];
	if (j.type === 'string') {
		const kind = j.pattern === ID_PATTERN.source ? 'id' : j.pattern ? 'pattern' : 'free';
		return [{ path, kind }];
	}
	if (j.type === 'array') {
		// A list of ids at the end of a path is the path itself ("areaIds"), as refs write it.
		const items = [...(j.prefixItems ?? []), ...(j.items ? [j.items] : [])];
		return items.flatMap((i) =>
			strings(i, `${path}[]`).map((s) => ({ ...s, path: s.path.replace(/\[\]$/, '') }))
		);
	}
	if (j.type === 'object') {
		const own = Object.entries(j.properties ?? {}).flatMap(([k, p]) => strings(p, `${path}.${k}`));
		if (typeof j.additionalProperties !== 'object') return own;
		return [
			...own,
			...strings(j.propertyNames ?? { type: 'string' }, `${path}{}`),
			...strings(j.additionalProperties, `${path}{}`)
		];
	}
	return [];
}

const every = layouts.flatMap((layout) =>
	layout.records.map((record) => [`${layout.name}: ${record.name}`, record] as const)
);
const roots = new Set(layouts.flatMap((l) => l.records.map((r) => r.root)));
const fieldOf = (path: string) => refSteps(path)[0]!.field;

describe.each(every)('the declaration of %s', (_name, record: RecordDeclaration) => {
	const fields = Object.keys(record.fields);
	const leaves = Object.entries(record.fields).flatMap(([field, schema]) =>
		strings(z.toJSONSchema(schema, { io: 'output' }) as JsonSchema, field)
	);

	it('says which fields are text, which hold ids and whether it is hidden', () => {
		expect(record.text, 'text').toBeDefined();
		expect(record.refs, 'refs').toBeDefined();
		expect(record.hidden, 'hidden').toBeDefined();
	});

	it('says in words every condition it sets', () => {
		const unsaid = [
			...(record.createWhen && !record.conditions?.create ? ['create'] : []),
			...Object.keys(record.when ?? {}).filter((field) => !record.conditions?.change?.[field])
		];
		expect(unsaid).toEqual([]);
	});

	it('declares as text every field people write in, and nothing else', () => {
		const free = new Set(leaves.filter((l) => l.kind === 'free').map((l) => fieldOf(l.path)));
		expect(
			[...free].filter((f) => !record.text?.includes(f)),
			'undeclared text'
		).toEqual([]);
		expect(
			(record.text ?? []).filter((f) => !free.has(f)),
			'not text'
		).toEqual([]);
	});

	it('declares every id it holds as a reference, to a record that exists', () => {
		const refs = record.refs ?? {};
		const ids = leaves.filter((l) => l.kind === 'id').map((l) => l.path);
		expect(
			ids.filter((path) => !(path in refs)),
			'ids not declared in refs'
		).toEqual([]);
		for (const [path, to] of Object.entries(refs)) {
			expect(fields, path).toContain(fieldOf(path));
			expect(ids, `${path} holds ids`).toContain(path);
			expect(to === MEMBERS || roots.has(to), `${path} → ${to}`).toBe(true);
		}
		const key = record.keyRef;
		if (key) {
			const targets = key.kind === 'ids' ? key.to : key.kind === 'derived' ? [key.to] : [key.of];
			for (const to of targets) expect(to === MEMBERS || roots.has(to), to).toBe(true);
		}
	});
});
