import * as Y from 'yjs';
import { NOTE_TEXT_MAX, noteKinds, notesMap } from '$lib/workshop/doc';
import { EMOTION_MAX, EMOTION_MIN } from '$lib/workshop/emotions';
import { organisations, professions } from '$lib/workshop/people';
import { isBoardLocked } from '$lib/workshop/records/board-state';

/**
 * What a participant may write into a workshop's shared board, checked on the server before
 * an update is applied, because a crafted client can send any Yjs update it likes:
 *
 * - notes: create notes authored by themselves (their membership id; a known profession and
 *   organisation), edit the text, kind and cell of their own notes, delete their own notes;
 * - emotions: set or clear their own ratings (`<eventId>|<membershipId>`, −2 … +2);
 * - nothing else: persona, events and questions are the facilitators'.
 *
 * Anything an honest browser can produce must pass: a refused update stays in that browser's
 * IndexedDB and is offered again on every reconnect. So the profile fields are checked against
 * the known values, not against the membership, which a participant may edit by joining again
 * while a board tab still writes the old profile.
 *
 * Writes that land on something already deleted (a note a facilitator removed while its author
 * was editing it offline) are allowed: Yjs integrates them as deleted, and refusing them would
 * make that client's reconnect fail forever.
 */
export interface Writer {
	membershipId: string;
}

/** Null when the update is allowed; else why not, and whether it was not even a valid update. */
export type WriteCheck = (
	doc: Y.Doc,
	update: Uint8Array
) => { reason: string; malformed: boolean } | null;

const NEW_NOTE_FIELDS = new Set([
	'text',
	'kind',
	'eventId',
	'questionId',
	'authorId',
	'authorName',
	'profession',
	'organisation',
	'createdAt',
	'updatedAt'
]);
/** Provenance (who wrote it, when) is fixed once the note exists. */
const EDITABLE_NOTE_FIELDS = new Set(['text', 'kind', 'eventId', 'questionId', 'updatedAt']);

type Parent =
	| { kind: 'root'; name: string }
	| { kind: 'doc'; type: Y.AbstractType<unknown> }
	| { kind: 'new'; item: Y.Item }
	/** Its parent is already deleted or collected: Yjs will integrate it as deleted. */
	| { kind: 'gone' };

interface Place {
	parent: Parent;
	key: string | null;
}

class Refused extends Error {}

const refuse = (reason: string): never => {
	throw new Refused(reason);
};

export function participantWrites(writer: Writer): WriteCheck {
	return (doc, update) => {
		try {
			// Stand-in until the write judge enforces the lock: while locked, nothing new at all.
			if (isBoardLocked(doc) && changesSomething(doc, update)) refuse('the board is locked');
			new UpdateCheck(doc, update, writer).run();
			return null;
		} catch (error) {
			if (error instanceof Refused) return { reason: error.message, malformed: false };
			return { reason: 'not a Yjs update', malformed: true };
		}
	};
}

/** Whether the update holds a struct the server lacks or deletes something still there. */
function changesSomething(doc: Y.Doc, update: Uint8Array): boolean {
	const { structs, ds } = Y.decodeUpdate(update);
	const state = (client: number) => Y.getState(doc.store, client);
	if (structs.some((s) => !(s instanceof Y.Skip) && s.id.clock + s.length > state(s.id.client))) {
		return true;
	}
	for (const [client, ranges] of ds.clients) {
		for (const { clock, len } of ranges) {
			if (clock + len > state(client)) return true;
			const structs = doc.store.clients.get(client) ?? [];
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= clock + len) break;
				if (!struct.deleted) return true;
			}
		}
	}
	return false;
}

class UpdateCheck {
	#byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
	#places = new Map<Y.Item, Place>();
	#deleteSet: ReturnType<typeof Y.decodeUpdate>['ds'];
	/** New notes in this update, with the values written to their fields. */
	#newNotes = new Map<Y.Item, Map<string, unknown>>();

	readonly doc: Y.Doc;
	readonly writer: Writer;

	constructor(doc: Y.Doc, update: Uint8Array, writer: Writer) {
		this.doc = doc;
		this.writer = writer;
		const { structs, ds } = Y.decodeUpdate(update);
		for (const struct of structs) {
			const list = this.#byClient.get(struct.id.client) ?? [];
			list.push(struct);
			this.#byClient.set(struct.id.client, list);
		}
		this.#deleteSet = ds;
	}

	run() {
		for (const list of this.#byClient.values()) {
			for (const struct of list) {
				if (struct instanceof Y.Item && !this.#known(struct.id)) this.#checkNew(struct);
			}
		}
		for (const fields of this.#newNotes.values()) this.#checkNewNote(fields);
		for (const [client, ranges] of this.#deleteSet.clients) {
			for (const { clock, len } of ranges) this.#checkDeleted(client, clock, len);
		}
	}

	#checkNew(item: Y.Item) {
		const { parent, key } = this.#place(item);
		const content = item.content;
		const deleted = content instanceof Y.ContentDeleted;
		if (parent.kind === 'gone') return;
		if (parent.kind === 'root') {
			if (parent.name === 'notes') {
				if (key === null) refuse('notes are keyed by id');
				this.#mayReplaceNote(key!);
				if (deleted) return;
				if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
					refuse('a note is a map');
				}
				this.#fieldsOf(item);
				return;
			}
			if (parent.name === 'emotions') {
				this.#ownEmotionKey(key);
				if (!deleted) this.#emotionValue(content);
				return;
			}
			refuse(`only facilitators may change ${parent.name}`);
		}
		// A field of a note: the note is either new in this update or already in the document.
		const noteParent = this.#noteOf(parent);
		if (noteParent === 'gone') return;
		if (key === null) refuse('note fields are keyed');
		if (noteParent.kind === 'new') {
			if (!NEW_NOTE_FIELDS.has(key!)) refuse(`unknown note field ${key}`);
			if (!deleted) this.#fieldsOf(noteParent.item).set(key!, this.#value(content));
			return;
		}
		this.#ownNote(noteParent.type);
		if (!EDITABLE_NOTE_FIELDS.has(key!)) refuse(`note field ${key} cannot be changed`);
		if (!deleted) this.#fieldValue(key!, this.#value(content));
	}

	#checkNewNote(fields: Map<string, unknown>) {
		if (fields.get('authorId') !== this.writer.membershipId) {
			refuse('a note must be authored by its writer');
		}
		for (const key of ['profession', 'organisation', 'createdAt', 'updatedAt'] as const) {
			if (!fields.has(key)) refuse(`a note needs ${key}`);
		}
		for (const [key, value] of fields) this.#fieldValue(key, value);
	}

	#checkDeleted(client: number, clock: number, len: number) {
		const end = clock + len;
		const structs = this.doc.store.clients.get(client) ?? [];
		const known = Y.getState(this.doc.store, client);
		if (end > known && !this.#coveredByUpdate(client, Math.max(clock, known), end)) {
			refuse('deletes something the server does not have');
		}
		if (clock >= known) return;
		for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
			const struct = structs[i]!;
			if (struct.id.clock >= end) break;
			if (!(struct instanceof Y.Item) || struct.deleted) continue;
			const parent = this.#docParent(struct);
			if (parent.kind === 'gone') continue;
			if (parent.kind === 'root') {
				if (parent.name === 'notes') {
					const content = struct.content;
					if (content instanceof Y.ContentType) this.#ownNote(content.type);
					continue;
				}
				if (parent.name === 'emotions') {
					this.#ownEmotionKey(struct.parentSub);
					continue;
				}
				refuse(`only facilitators may change ${parent.name}`);
			}
			const note = this.#noteOf(parent);
			if (note === 'gone') continue;
			if (note.kind === 'new') continue;
			this.#ownNote(note.type);
			// Deleting a note deletes its fields too; alone, provenance stays.
			const wholeNote =
				note.type._item !== null && Y.isDeleted(this.#deleteSet, note.type._item.id);
			if (!wholeNote && !EDITABLE_NOTE_FIELDS.has(struct.parentSub ?? '')) {
				refuse(`note field ${struct.parentSub} cannot be changed`);
			}
		}
	}

	/** The note (a map in the root `notes`) a parent refers to; anything deeper is refused. */
	#noteOf(
		parent: Parent
	): { kind: 'doc'; type: Y.AbstractType<unknown> } | { kind: 'new'; item: Y.Item } | 'gone' {
		if (parent.kind === 'gone') return 'gone';
		if (parent.kind === 'root') return refuse('unexpected root');
		if (parent.kind === 'new') {
			const outer = this.#place(parent.item);
			if (outer.parent.kind === 'gone') return 'gone';
			if (outer.parent.kind !== 'root') return refuse('participants write notes and emotions only');
			if (outer.parent.name !== 'notes') {
				return refuse(`only facilitators may change ${outer.parent.name}`);
			}
			const content = parent.item.content;
			if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) {
				return refuse('a note is a map');
			}
			return parent;
		}
		const item = parent.type._item;
		if (!item || item.deleted) return 'gone';
		const outer = this.#docParent(item);
		if (outer.kind === 'gone') return 'gone';
		if (outer.kind !== 'root') return refuse('participants write notes and emotions only');
		if (outer.name !== 'notes') return refuse(`only facilitators may change ${outer.name}`);
		return parent;
	}

	#fieldsOf(note: Y.Item): Map<string, unknown> {
		let fields = this.#newNotes.get(note);
		if (!fields) this.#newNotes.set(note, (fields = new Map()));
		return fields;
	}

	#ownNote(type: Y.AbstractType<unknown>) {
		if (type._item?.deleted) return;
		if (!(type instanceof Y.Map) || type.get('authorId') !== this.writer.membershipId) {
			refuse('participants change their own notes only');
		}
	}

	/** Setting a note id that already holds someone else's note would replace it. */
	#mayReplaceNote(key: string) {
		const current = notesMap(this.doc).get(key);
		if (current) this.#ownNote(current as unknown as Y.AbstractType<unknown>);
	}

	#ownEmotionKey(key: string | null) {
		if (key === null || !key.endsWith(`|${this.writer.membershipId}`)) {
			refuse('participants rate for themselves only');
		}
	}

	#emotionValue(content: Y.Item['content']) {
		const value = this.#value(content);
		if (
			typeof value !== 'number' ||
			!Number.isInteger(value) ||
			value < EMOTION_MIN ||
			value > EMOTION_MAX
		) {
			refuse('an emotion is a whole number from −2 to 2');
		}
	}

	#fieldValue(key: string, value: unknown) {
		const ok =
			key === 'text'
				? typeof value === 'string' && value.length <= NOTE_TEXT_MAX
				: key === 'kind'
					? (noteKinds as readonly unknown[]).includes(value)
					: key === 'createdAt' || key === 'updatedAt'
						? typeof value === 'number' && Number.isFinite(value)
						: key === 'profession'
							? (professions as readonly unknown[]).includes(value)
							: key === 'organisation'
								? (organisations as readonly unknown[]).includes(value)
								: value === null || (typeof value === 'string' && value.length <= 200);
		if (!ok) refuse(`bad value for note field ${key}`);
	}

	#value(content: Y.Item['content']): unknown {
		if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0];
		return refuse('a field holds one plain value');
	}

	/** Where a struct of this update goes, following its neighbours when it names no parent. */
	#place(item: Y.Item, depth = 0): Place {
		const known = this.#places.get(item);
		if (known) return known;
		if (depth > 10_000) refuse('origin chain too long');
		let place: Place;
		const parent = item.parent as unknown as string | Y.ID | null;
		if (typeof parent === 'string') {
			place = { parent: { kind: 'root', name: parent }, key: item.parentSub };
		} else if (parent !== null) {
			place = { parent: this.#parentById(parent), key: item.parentSub };
		} else {
			const ref = item.origin ?? item.rightOrigin;
			if (!ref) return refuse('item without a place');
			const sibling = this.#newStruct(ref);
			if (sibling instanceof Y.Item) {
				place = this.#place(sibling, depth + 1);
			} else if (sibling) {
				place = { parent: { kind: 'gone' }, key: null };
			} else {
				const existing = this.#docStruct(ref);
				if (!existing) return refuse('refers to something the server does not have');
				place =
					existing instanceof Y.Item
						? { parent: this.#docParent(existing), key: existing.parentSub }
						: { parent: { kind: 'gone' }, key: null };
			}
		}
		this.#places.set(item, place);
		return place;
	}

	#parentById(id: Y.ID): Parent {
		const fresh = this.#newStruct(id);
		if (fresh instanceof Y.Item) return { kind: 'new', item: fresh };
		if (fresh) return { kind: 'gone' };
		const existing = this.#docStruct(id);
		if (!existing) return refuse('refers to something the server does not have');
		if (!(existing instanceof Y.Item) || existing.deleted) return { kind: 'gone' };
		const content = existing.content;
		if (!(content instanceof Y.ContentType)) return refuse('parent is not a type');
		return { kind: 'doc', type: content.type };
	}

	#docParent(item: Y.Item): Parent {
		const type = item.parent as Y.AbstractType<unknown> | null;
		if (!type) return { kind: 'gone' };
		if (type._item === null) {
			return { kind: 'root', name: Y.findRootTypeKey(type) };
		}
		return type._item.deleted ? { kind: 'gone' } : { kind: 'doc', type };
	}

	/**
	 * Whether the server has this struct already. Updates often repeat what the server has
	 * (y-indexeddb loading its copy after the socket opened sends all of it); Yjs skips those
	 * structs, so they are judged as what they are in the document, not as new writes.
	 */
	#known(id: Y.ID): boolean {
		return id.clock < Y.getState(this.doc.store, id.client);
	}

	/** A struct of this update the server does not have yet. */
	#newStruct(id: Y.ID) {
		if (this.#known(id)) return null;
		const list = this.#byClient.get(id.client);
		if (!list) return null;
		let lo = 0;
		let hi = list.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const s = list[mid]!;
			if (id.clock < s.id.clock) hi = mid - 1;
			else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
			else return s;
		}
		return null;
	}

	#coveredByUpdate(client: number, from: number, to: number): boolean {
		const list = this.#byClient.get(client) ?? [];
		let next = from;
		for (const s of list) {
			if (s.id.clock <= next && s.id.clock + s.length > next) next = s.id.clock + s.length;
			if (next >= to) return true;
		}
		return next >= to;
	}

	#docStruct(id: Y.ID) {
		if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
		const structs = this.doc.store.clients.get(id.client)!;
		return structs[Y.findIndexSS(structs, id.clock)] ?? null;
	}
}
