import * as Y from 'yjs';
import type { z } from 'zod';
import type { Actor, RecordDeclaration, Writer } from '$lib/workshop/records/declare';

/** A refusal inside the judge; its message names the rule, never the user's text. */
export class Refused extends Error {}

export const refuse = (reason: string): never => {
	throw new Refused(reason);
};

/**
 * What an update touched of one record: the whole record, or some of its fields (a field's
 * value set, or the text inside a collaborative field edited).
 */
export interface Touched {
	record: RecordDeclaration;
	key: string;
	whole: boolean;
	fields: Set<string>;
}

/** The board before (the real document, untouched) and after the update (the shadow). */
export interface Sides {
	before: Y.Doc;
	after: Y.Doc;
	writer: Writer;
	/**
	 * The answers of conditions on the board before (`createWhen`, `when`) asked so far while
	 * judging this update: the board before does not change meanwhile, and one rule (the
	 * journey's step) guards many fields of many records.
	 */
	asked: Map<(before: Y.Doc) => string | null, string | null>;
}

/** A condition on the board before the update, asked once per update. */
function ask(sides: Sides, condition: (before: Y.Doc) => string | null): string | null {
	let answer = sides.asked.get(condition);
	if (answer === undefined) sides.asked.set(condition, (answer = condition(sides.before)));
	return answer;
}

/** Creations this update made, for the caps. */
export interface Created {
	records: number;
	/** Records the server will derive from them once the update is applied (`derives`). */
	derived: number;
	owners: Map<RecordDeclaration, Set<string>>;
}

/**
 * Whether a field holds the value it held: what readers see, compared without encoding it.
 * Numbers by identity of value (NaN and ±Infinity are numbers Yjs keeps, which JSON would
 * print as null), lists item by item, objects key by key in order; shared types never.
 */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	if (a instanceof Uint8Array) return sameBytes(a, b as Uint8Array);
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	for (let i = 0; i < ka.length; i++) {
		const key = ka[i]!;
		if (key !== kb[i]) return false;
		if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
			return false;
		}
	}
	return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array) {
	if (a.byteLength !== b.byteLength) return false;
	for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * Short strings each schema accepted, so far: the ids and enum values a board's records repeat
 * (every note of a member carries the same author id, profession, event and question) are
 * parsed once per value, not once per record. A schema's verdict on a string depends on the
 * string alone (declare.ts), so a remembered answer is the parse's. What people type (a
 * declaration's `text` fields: names, free text) is always parsed and never kept past the
 * update, nor are longer strings; each schema remembers at most ACCEPTED_MAX strings.
 */
const accepted = new WeakMap<z.ZodType, Set<string>>();
const ACCEPTED_MAX = 128;
const ACCEPTED_LENGTH = 64;

function accepts(schema: z.ZodType, value: unknown, typed: boolean): boolean {
	if (typed || typeof value !== 'string' || value.length > ACCEPTED_LENGTH) {
		return schema.safeParse(value).success;
	}
	let known = accepted.get(schema);
	if (known?.has(value)) return true;
	if (!schema.safeParse(value).success) return false;
	if (!known) accepted.set(schema, (known = new Set()));
	else if (known.size >= ACCEPTED_MAX) known.clear();
	known.add(value);
	return true;
}

function actor(record: RecordDeclaration, owner: string | null, writer: Writer): Actor | null {
	if (writer.role === 'facilitator') return 'facilitator';
	return owner !== null && writer.ids().includes(owner) ? 'owner' : null;
}

function parseField(record: RecordDeclaration, field: string, value: unknown) {
	const schema = record.fields[field];
	if (!schema) refuse(`${record.name}: unknown field`);
	if (record.collaborative?.includes(field)) {
		// Y.XmlText is a Y.Text too, but holds markup: only the plain type itself.
		if (!(value instanceof Y.Text) || value instanceof Y.XmlText) {
			refuse(`${record.name}: ${field} must be collaborative text`);
		}
		value = plainText(record, field, value as Y.Text);
	} else if (value instanceof Y.AbstractType) {
		refuse(`${record.name}: bad value for ${field}`);
	}
	const typed = record.text?.includes(field) ?? false;
	if (!accepts(schema!, value, typed)) refuse(`${record.name}: bad value for ${field}`);
}

/**
 * The text of a collaborative field, when it holds nothing but plain text: no embeds, no
 * formatting, no attributes. Walks the field's items (its visible text is bounded by the
 * field's schema; what was deleted is merged away by the server's garbage collection).
 */
function plainText(record: RecordDeclaration, field: string, text: Y.Text): string {
	const notPlain = () => refuse(`${record.name}: ${field} is not plain text`);
	if (text._map.size > 0) notPlain();
	let out = '';
	for (let item = text._start; item !== null; item = item.right) {
		const content = item.content;
		if (content instanceof Y.ContentString) {
			if (!item.deleted) out += content.str;
		} else if (!(item.deleted && content instanceof Y.ContentDeleted)) notPlain();
	}
	return out;
}

/** Checks one touched record against its declaration; throws Refused. */
export function judgeRecord(touched: Touched, sides: Sides, created: Created) {
	const { record } = touched;
	if (record.shape === 'singleton') return judgeFields(touched, sides);
	if (!record.key.safeParse(touched.key).success) refuse(`${record.name}: bad id`);
	const before = sides.before.getMap<unknown>(record.root).get(touched.key);
	const after = sides.after.getMap<unknown>(record.root).get(touched.key);
	if (record.shape === 'entry') {
		if (same(before, after)) return;
		const getter = (value: unknown) => (field: string) => (field === 'value' ? value : undefined);
		if (before !== undefined) removeRecord(record, touched.key, getter(before), sides.writer);
		if (after !== undefined) createRecord(record, touched.key, getter(after), sides, created);
		return;
	}
	if (after !== undefined && !(after instanceof Y.Map)) refuse(`${record.name}: not a record`);
	const a = after as Y.Map<unknown> | undefined;
	const b = before instanceof Y.Map ? (before as Y.Map<unknown>) : undefined;
	if (b && a && sameItem(b, a)) {
		const fields = touched.whole ? new Set([...b.keys(), ...a.keys()]) : touched.fields;
		// Who the writer is to the record, from its owner before the update: asked once.
		let who: Actor | null | undefined;
		const writerIs = () =>
			who === undefined
				? (who = actor(
						record,
						record.owner(touched.key, (f) => b.get(f)),
						sides.writer
					))
				: who;
		for (const field of fields) {
			changeField(touched, b.get(field), a.get(field), field, sides, writerIs);
		}
		// A change that makes the record derive more (a note turned bottennapp) adds records too.
		if (record.derives) {
			const { count } = record.derives;
			const more = count((f) => a.get(f)) - count((f) => b.get(f));
			if (more > 0) created.derived += more;
		}
		return;
	}
	if (before !== undefined) {
		removeRecord(record, touched.key, (f) => b?.get(f), sides.writer);
	}
	if (a) {
		// List content in a record map is invisible to every reader: nothing honest writes it.
		if (a._start !== null) refuse(`${record.name}: not a map entry`);
		// Its live fields (Y.Map.keys without the iterator, nor an entry array per field).
		a._map.forEach((item, field) => {
			if (!item.deleted && !Object.hasOwn(record.fields, field)) {
				refuse(`${record.name}: unknown field`);
			}
		});
		createRecord(record, touched.key, (f) => a.get(f), sides, created);
	}
}

function sameItem(b: { _item: Y.Item | null }, a: { _item: Y.Item | null }) {
	const x = b._item?.id;
	const y = a._item?.id;
	return !!x && !!y && x.client === y.client && x.clock === y.clock;
}

function judgeFields(touched: Touched, sides: Sides) {
	const before = sides.before.getMap<unknown>(touched.record.root);
	const after = sides.after.getMap<unknown>(touched.record.root);
	const who = actor(touched.record, null, sides.writer);
	for (const field of touched.fields) {
		changeField(touched, before.get(field), after.get(field), field, sides, () => who);
	}
}

/** `writerIs`: the writer's part in the record (from its owner before the update). */
function changeField(
	touched: Touched,
	b: unknown,
	a: unknown,
	field: string,
	sides: Sides,
	writerIs: () => Actor | null
) {
	const { record } = touched;
	// Before the comparison: a field created and removed in one update is absent on both sides
	// yet stays in the record's map for good.
	if (!Object.hasOwn(record.fields, field)) refuse(`${record.name}: unknown field`);
	if (same(b, a)) return;
	// The same Y.Text before and after: changed only when its text was edited (touchedRecords).
	const text = a instanceof Y.Text && b instanceof Y.Text && sameItem(b, a);
	if (text && !touched.fields.has(field)) return;
	if (b !== undefined && record.fixed.includes(field)) {
		refuse(`${record.name}: ${field} cannot be changed`);
	}
	const may = (Object.hasOwn(record.change, field) && record.change[field]) || [];
	const who = writerIs();
	const as =
		who && may.includes(who)
			? who
			: who !== 'facilitator' && may.includes('member')
				? 'member'
				: null;
	if (!as) refuse(`${record.name}: ${field} is not yours to change`);
	const condition =
		as === 'facilitator' || !record.when || !Object.hasOwn(record.when, field)
			? undefined
			: record.when[field];
	const unmet = condition ? ask(sides, condition) : null;
	if (unmet) refuse(`${record.name}: ${unmet}`);
	if (a === undefined) {
		const optional = record.shape === 'singleton' || record.optional?.includes(field);
		if (!optional) refuse(`${record.name}: ${field} is required`);
		return;
	}
	parseField(record, field, a);
}

const names = new WeakMap<RecordDeclaration, readonly string[]>();

/** A declaration's field names, listed once. */
function fieldNames(record: RecordDeclaration): readonly string[] {
	let list = names.get(record);
	if (!list) names.set(record, (list = Object.keys(record.fields)));
	return list;
}

function removeRecord(
	record: RecordDeclaration,
	key: string,
	get: (field: string) => unknown,
	writer: Writer
) {
	const who = actor(record, record.owner(key, get), writer);
	if (!who || !record.remove.includes(who)) refuse(`${record.name}: not yours to remove`);
}

function createRecord(
	record: RecordDeclaration,
	key: string,
	get: (field: string) => unknown,
	sides: Sides,
	created: Created
) {
	for (const field of fieldNames(record)) {
		const value = get(field);
		if (value === undefined) {
			if (!record.optional?.includes(field)) refuse(`${record.name}: ${field} is required`);
			continue;
		}
		parseField(record, field, value);
	}
	const owner = record.owner(key, get);
	const who = actor(record, owner, sides.writer);
	if (!who || !record.create.includes(who)) refuse(`${record.name}: not yours to create`);
	const unmet = who === 'facilitator' || !record.createWhen ? null : ask(sides, record.createWhen);
	if (unmet) refuse(`${record.name}: ${unmet}`);
	if (who !== 'facilitator' && record.check) {
		const reason = record.check(get, sides.writer, sides.before, key);
		if (reason) refuse(`${record.name}: ${reason}`);
	}
	created.records++;
	created.derived += record.derives?.count(get) ?? 0;
	if (record.perOwner !== undefined && owner !== null) {
		const owners = created.owners.get(record) ?? new Set();
		owners.add(owner);
		created.owners.set(record, owners);
	}
}
