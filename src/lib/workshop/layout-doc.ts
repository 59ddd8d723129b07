import { z } from 'zod';
import { boardRecords, DOCUMENT_BYTES_MAX, RECORDS_PER_DOCUMENT } from './layout';
import { ID_PATTERN, ORDER_PATTERN, type Actor, type RecordDeclaration } from './records/declare';

/**
 * The "Who may write what" tables of docs/realtime.md, written from the declarations
 * (`npm run docs:layout` prints them; layout-doc.test.ts checks the doc lists every field).
 */
interface JsonSchema {
	type?: string;
	anyOf?: JsonSchema[];
	enum?: unknown[];
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	maxItems?: number;
	items?: JsonSchema;
	description?: string;
}

function value(j: JsonSchema): string {
	if (j.anyOf) return j.anyOf.map(value).join(' or ');
	if (j.enum) return j.enum.map((v) => `\`${String(v)}\``).join(', ');
	switch (j.type) {
		case 'null':
			return 'null';
		case 'boolean':
			return 'boolean';
		case 'string':
			if (j.pattern === ID_PATTERN.source) return 'id (`[A-Za-z0-9_-]`, 1–64)';
			if (j.pattern === ORDER_PATTERN.source) {
				return `order key (base 62, ≤ ${j.pattern.match(/,(\d+)\}/)?.[1]})`;
			}
			if (j.pattern) return `text matching \`${j.pattern}\``;
			return `text, ${j.minLength ? `${j.minLength}–` : '≤ '}${j.maxLength} chars`;
		case 'integer':
		case 'number':
			if (j.description) return j.description;
			return j.maximum === Number.MAX_SAFE_INTEGER
				? `integer ≥ ${j.minimum}`
				: `integer ${j.minimum} … ${j.maximum}`;
		case 'object':
			return 'object (see the declaration)';
		case 'array':
			return `list of ≤ ${j.maxItems} × ${value(j.items!)}`;
		default:
			return 'any';
	}
}

const who = (actors: readonly Actor[]) =>
	actors.length === 0
		? 'nobody'
		: actors
				.map((a) =>
					a === 'facilitator' ? 'facilitators' : a === 'owner' ? 'its owner' : 'participants'
				)
				.join(', ');

const shapes = {
	collection: (r: RecordDeclaration) => `\`${r.root}\`: \`Y.Map<id, Y.Map<field, value>>\``,
	singleton: (r: RecordDeclaration) => `\`${r.root}\`: one \`Y.Map<field, value>\``,
	entry: (r: RecordDeclaration) => `\`${r.root}\`: \`Y.Map<key, value>\``
};

function table(record: RecordDeclaration): string {
	const lines = [
		`#### ${record.name} — ${shapes[record.shape](record)}`,
		'',
		`Owner: ${record.ownedBy}. Created by ${who(record.create)}` +
			(record.createWhen ? ' (participants on a condition)' : '') +
			`; removed by ${who(record.remove)}` +
			(record.perOwner ? `; at most ${record.perOwner} per member.` : '.'),
		''
	];
	if (record.shape === 'entry') {
		const key = z.toJSONSchema(record.key) as JsonSchema;
		lines.push(`Key: \`${key.pattern?.replace(/\\\|/g, '|')}\`.`, '');
	}
	lines.push('| field | value | changed by |', '| --- | --- | --- |');
	for (const [field, schema] of Object.entries(record.fields)) {
		const changedBy = record.fixed.includes(field)
			? 'fixed once written'
			: who(record.change[field] ?? []) + (record.when?.[field] ? ' (on a condition)' : '');
		const text = record.collaborative?.includes(field) ? '`Y.Text`, ' : '';
		const v = text + value(z.toJSONSchema(schema) as JsonSchema).replace(/\|/g, '\\|');
		lines.push(`| \`${field}\` | ${v} | ${changedBy} |`);
	}
	return lines.join('\n');
}

export function describeLayout(): string {
	return [
		`Caps: ${RECORDS_PER_DOCUMENT} records per board, ${DOCUMENT_BYTES_MAX / 1024 / 1024} MiB per board (encoded).`,
		'',
		...boardRecords.map((r) => `${table(r)}\n`)
	].join('\n');
}
