import type * as Y from 'yjs';
import { z } from 'zod';

/**
 * The shape of a record declaration: one per record type of a workshop document, read by the
 * server's write judge, by docs/realtime.md and by the readers. Adding a record type means
 * adding one declaration to layout.ts, not another branch in the judge.
 */

/**
 * Who acts on a record: a facilitator of the workshop, the member who owns the record, or any
 * participant (`member`; only in `change`, usually bound by a `when` condition).
 */
export type Actor = 'facilitator' | 'owner' | 'member';

/** What the server knows about the member whose update it judges. */
export interface Writer {
	membershipId: string;
	role: 'facilitator' | 'participant';
	/**
	 * The author ids that make this member a record's owner: the membership id and the author
	 * pseudonym they sign with in an anonymous workshop (server/realtime/author-ids.ts).
	 */
	ids(): readonly string[];
	/** Display names this member may sign with (the membership's current name). */
	names(): readonly string[];
}

/**
 * How a root map holds its records:
 * - `collection`: `Y.Map<id, Y.Map<field, value>>`, one nested map per record;
 * - `singleton`: the root map is the one record, its keys are the fields;
 * - `entry`: `Y.Map<key, value>`, one plain value per record (the field `value`).
 */
export type Shape = 'collection' | 'singleton' | 'entry';

/**
 * Every field of a record and its value schema. A schema's verdict depends on the value alone
 * (no refinement reads anything else): the judge remembers short ids and enum values a schema
 * accepted (never what people type: the `text` fields).
 */
export type Fields = Record<string, z.ZodType>;

/**
 * What a reference points at: the root map of a declared record (`areas`, `notes` …), or
 * `members`, a membership of the workshop (held in the database, not in a document).
 */
export type RefTarget = string;
export const MEMBERS: RefTarget = 'members';

/**
 * Where the ids of other records sit in a record's fields, as a path: a field name (its value
 * an id, null or a list of ids), then `.field` into an object, `[]` into each item of a list
 * and `{}` for the keys of an object (`results.scores{}`: the keys of `results.scores`;
 * `results[].ideaId`: the `ideaId` of every item of `results`).
 */
export type RefPath = string;

/**
 * What a record's key says, when it is not the record's own id:
 * - `ids`: the key is the id of another record (a placement is keyed by its area), or several
 *   joined by `separator` (an emotion: `<eventId>|<membershipId>`);
 * - `derived`: the record's own id, or `prefix` + the id of the record it was derived from
 *   (an insight made from a note is `n-<noteId>`);
 * - `digest`: a hash of other records' ids, which cannot follow them to new ids (an import
 *   leaves such records out).
 */
export type KeyRef =
	| { kind: 'ids'; to: readonly RefTarget[]; separator?: string }
	| { kind: 'derived'; prefix: string; to: RefTarget }
	| { kind: 'digest'; of: RefTarget };

export interface RecordDeclaration<F extends Fields = Fields> {
	/** The record's name in docs and refusals. */
	name: string;
	/** The root map of the document that holds these records. */
	root: string;
	shape: Shape;
	/** The id (collection) or key (entry) format; unused for singletons. */
	key: z.ZodType<string>;
	/** Every field and its value schema; anything else is refused. */
	fields: F;
	/**
	 * Free-text fields held as a `Y.Text` (collab-text.ts), so concurrent edits of one field
	 * merge character by character. Their schema (a string's max length) applies to the text;
	 * the judge lets in nothing but plain text inserts and deletes, and never a plain value.
	 */
	collaborative?: readonly string[];
	/** Fields a record of a collection may lack (all fields of a singleton are optional). */
	optional?: readonly string[];
	/**
	 * The fields people write free text in (every string inside them: a list of lines, an axis
	 * label): what the patient-data guard reads, what exports mask and escape. A field holding
	 * text that is not declared here is a field patient data leaks through (declarations.test.ts
	 * refuses any string field that is neither here nor an id, key, enum or pattern).
	 */
	text?: readonly string[];
	/** Which fields hold ids of other records, and of which (paths: see RefPath). */
	refs?: Readonly<Record<RefPath, RefTarget>>;
	/** What the key says about other records (absent: a collection's own id, or nothing). */
	keyRef?: KeyRef;
	/**
	 * Until when nobody but their owner (and the server) sees these records, in words; false:
	 * whoever may open the document sees them as soon as they are written.
	 */
	hidden?: false | string;
	/** Who may create a record (owner: a participant creating a record owned by themselves). */
	create: readonly Actor[];
	/**
	 * A condition a participant's creation must meet, judged against the board as it was before
	 * the update (facilitators are not bound by it); a reason when not.
	 */
	createWhen?: (before: Y.Doc) => string | null;
	/** Per field, who may change it once the record exists. */
	change: Record<string, readonly Actor[]>;
	/**
	 * Per field, a condition a participant's change of that field must meet, judged against the
	 * board as it was before the update (facilitators are not bound by it); a reason when not.
	 */
	when?: Record<string, (before: Y.Doc) => string | null>;
	/** The conditions of `createWhen` and `when`, in words (docs/realtime.md). */
	conditions?: { create?: string; change?: Record<string, string> };
	/** Fields nobody changes once written (a new value needs a new record). */
	fixed: readonly string[];
	/** Who may remove a record. */
	remove: readonly Actor[];
	/** Who owns a record, in words (docs/realtime.md). */
	ownedBy: string;
	/** The membership that owns a record, from its key and fields; null: nobody (facilitators'). */
	owner(key: string, get: (field: string) => unknown): string | null;
	/**
	 * Further checks on a record a participant creates (its fields and key), given the board as
	 * it was before the update; a reason when refused.
	 */
	check?(
		get: (field: string) => unknown,
		writer: Writer,
		before: Y.Doc,
		key: string
	): string | null;
	/** The check, in words (docs/realtime.md), when it reads the board. */
	checks?: string;
	/** At most this many records per owner. */
	perOwner?: number;
	/**
	 * How many records the server derives from a record of this kind when it is created (a
	 * bottennapp gets an insight: features/insights.ts), given its fields: the caps count them
	 * with the update that creates it, so no write the server completes goes past them.
	 */
	derives?: { count(get: (field: string) => unknown): number; what: string };
}

/**
 * A declaration whose field types are kept, so the record's value type can be derived, and
 * whose `text` and `optional` may name only its own fields.
 */
export const declareRecord = <F extends Fields>(
	declaration: RecordDeclaration<F> & {
		text?: readonly (keyof F & string)[];
		optional?: readonly (keyof F & string)[];
	}
): RecordDeclaration<F> => declaration;

/** The fields of a record as its schemas parse them (the type readers return). */
export type RecordValue<R extends { fields: Fields }> = {
	[K in keyof R['fields']]: z.output<R['fields'][K]>;
};

/** What newId() produces (32 hex digits), and the ids of templates, tests and imports. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idSchema = z.string().regex(ID_PATTERN);

/** A fractional-indexing order key (base 62); it grows by a digit per insert at one spot. */
export const ORDER_PATTERN = /^[0-9A-Za-z]{1,200}$/;
export const orderSchema = z.string().regex(ORDER_PATTERN);

/** Milliseconds since 1970, as Date.now() gives them. */
export const timeSchema = z
	.number()
	.int()
	.nonnegative()
	.max(Number.MAX_SAFE_INTEGER)
	.describe('integer ≥ 0 (ms since 1970)');

/** Soft removal time of an ordered record (null: visible). */
export const removedAtSchema = timeSchema.nullable();

/** A list of short lines stored as one whole value. */
export const linesSchema = (lineMax: number, count: number) =>
	z.array(z.string().max(lineMax)).max(count);
