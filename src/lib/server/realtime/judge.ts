import * as Y from 'yjs';
import {
	boardConditions,
	boardLayout,
	BYTES_PER_MEMBER,
	DOCUMENT_BYTES_MAX,
	KEYS_PER_DOCUMENT,
	PARTICIPANT_SHARE,
	RECORDS_PER_DOCUMENT,
	REMOVED_KEYS_PER_MEMBER,
	TOMBSTONES_PER_MEMBER
} from '$lib/workshop/layout';
import type { RecordDeclaration, Writer } from '$lib/workshop/records/declare';
import type { ClientIds } from './client-ids';
import { RecordCounts } from './record-counts';
import { judgeRecord, refuse, Refused, type Created, type Touched } from './judge-records';
import { Tombstones, tombstonesOf } from './tombstones';
import { bytesChanged, MemberBytes } from './member-bytes';
import { newDoc } from './new-doc';

/** Null when the update is allowed; else why not, and whether it was not even a valid update. */
export type WriteCheck = (
	doc: Y.Doc,
	update: Uint8Array
) => { reason: string; malformed: boolean } | null;

export interface JudgeOptions {
	writer: Writer;
	clientIds: ClientIds;
	layout?: ReadonlyMap<string, RecordDeclaration>;
	conditions?: typeof boardConditions;
	/**
	 * Rules beyond the declarations on the records an update touched, judged after them with the
	 * document before and after the update (a private document's round rules, which read the
	 * board: private-layout.ts); a reason when refused.
	 */
	touchedRule?: (touched: readonly Touched[], before: Y.Doc, after: Y.Doc) => string | null;
}

/**
 * The write judge of a shared board: judges what an update DOES, not what it claims. Each
 * update is applied first to a shadow replica of the room's document; the judge reads what
 * Yjs reports it changed (types and keys, items deleted, which client ids advanced), checks
 * every touched record against its declaration (layout.ts) and the writer's role, and only
 * then lets the room apply the same update to the real document. Refused: updates that leave
 * pending structs or deletes (an honest client only depends on what the server sent it or what
 * it sends along), unknown root maps and fields, client ids of other members, and anything
 * past the caps (which count what the update itself adds, removed keys and tombstones
 * included). A refused update is taken out of the shadow again (Shadow.judge), at a cost in
 * proportion to the update, never to the board.
 */
export function judgeWrites(options: JudgeOptions): WriteCheck {
	const layout = options.layout ?? boardLayout;
	const conditions = options.conditions ?? boardConditions;
	return (real, update) => {
		const shadow = shadowOf(real, layout, options.clientIds);
		const verdict = shadow.judge(update, (tr) =>
			examine(real, shadow, tr, options, layout, conditions)
		);
		if ('bind' in verdict) {
			for (const client of verdict.bind) {
				options.clientIds.bind(client, options.writer.membershipId);
			}
			return null;
		}
		return verdict;
	};
}

const judgeOrigin = Symbol('judge');

/** The refusal of an update built on changes the server lacks (room.ts asks for them). */
export const REFUSED_PENDING = 'depends on changes the server does not have';

/**
 * New client ids one participant's update may bring. Each stays in the board for good (state
 * vector, structs, a row in doc_clients), so thousands in one small update would fill the board
 * for everyone; an honest browser brings one per page load it sends changes of (an offline
 * catch-up after a few reloads). Facilitators relaying a restore are not bound by it.
 */
export const NEW_CLIENTS_PER_UPDATE = 8;

/** Returns the client ids to bind to the writer; throws Refused. */
function examine(
	real: Y.Doc,
	shadow: Shadow,
	tr: Y.Transaction,
	{ writer, touchedRule }: JudgeOptions,
	layout: ReadonlyMap<string, RecordDeclaration>,
	conditions: typeof boardConditions
): number[] {
	const store = shadow.doc.store;
	if (store.pendingStructs !== null || store.pendingDs !== null) {
		refuse(REFUSED_PENDING);
	}
	const bind: number[] = [];
	let advanced = false;
	const { beforeState } = tr;
	// forEach, not for…of: no entry array per client of the board's state vector.
	tr.afterState.forEach((clock, client) => {
		const before = beforeState.get(client) ?? 0;
		if (clock <= before) return;
		advanced = true;
		// Bindings never change once made: the tombstones' cache answers without the database.
		const owner = shadow.tombstones.owner(client) ?? undefined;
		if (owner === writer.membershipId) return;
		const fresh = owner === undefined && before === 0 && client !== real.clientID;
		if (fresh) bind.push(client);
		else if (writer.role !== 'facilitator') refuse('client id of someone else');
		if (bind.length > NEW_CLIENTS_PER_UPDATE && writer.role !== 'facilitator') {
			refuse('too many new client ids');
		}
	});
	if (!advanced && tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return bind;
	for (const condition of conditions) {
		const reason = condition(real, writer);
		if (reason) refuse(reason);
	}
	const touched = touchedRecords(tr, layout);
	const created: Created = { records: 0, derived: 0, owners: new Map() };
	const sides = { before: real, after: shadow.doc, writer, asked: new Map() };
	for (const t of touched.values()) judgeRecord(t, sides, created);
	const beyond = touchedRule?.([...touched.values()], real, shadow.doc);
	if (beyond) refuse(beyond);
	const ceiling = writer.role === 'facilitator' ? 1 : PARTICIPANT_SHARE;
	checkCaps(shadow, created, ceiling);
	if (writer.role !== 'facilitator') {
		checkTombstones(shadow, tr, writer, bind);
		if (advanced) checkMemberBytes(shadow, tr, writer, bind);
	}
	if (touched.size > 0) checkKeys(real, shadow.doc, layout, ceiling);
	// Only new structs make a board larger: removing (a delete set alone) is never refused for
	// size, so anyone may still clear what they wrote from a full board.
	if (advanced) checkBytes(shadow, ceiling);
	return bind;
}

/** Maps every changed type to the record it belongs to. */
function touchedRecords(tr: Y.Transaction, layout: ReadonlyMap<string, RecordDeclaration>) {
	const touched = new Map<string, Touched>();
	const touch = (record: RecordDeclaration, key: string, field: string | null) => {
		const id = `${record.root}\u0000${key}`;
		let t = touched.get(id);
		if (!t) touched.set(id, (t = { record, key, whole: false, fields: new Set() }));
		if (field === null) t.whole = true;
		else t.fields.add(field);
	};
	for (const [type, keys] of tr.changed) {
		const text = collaborativeField(type, layout);
		if (text) {
			touch(text.record, text.key, text.field);
			continue;
		}
		// List content in a map (a null key) is invisible to every reader: nothing honest writes it.
		if (keys.has(null)) refuse('not a map entry');
		const item = type._item;
		if (item === null) {
			const record = layout.get(Y.findRootTypeKey(type));
			if (!record) refuse('unknown root map');
			for (const key of keys as Set<string>) {
				if (record!.shape === 'singleton') touch(record!, '', key);
				else touch(record!, key, null);
			}
			continue;
		}
		const parent = item.parent;
		const record =
			parent instanceof Y.AbstractType && parent._item === null
				? layout.get(Y.findRootTypeKey(parent))
				: undefined;
		if (!record || record.shape !== 'collection' || typeof item.parentSub !== 'string') {
			refuse('unknown place');
		}
		for (const key of keys as Set<string>) touch(record!, item.parentSub!, key);
	}
	return touched;
}

/**
 * The record and field a changed Y.Text is, when it is a declared collaborative field: the
 * value of a field of a record map in a root (a collection), or of a singleton root itself.
 * Anything else is left to touchedRecords, which refuses text where no field is collaborative.
 */
function collaborativeField(
	type: Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never,
	layout: ReadonlyMap<string, RecordDeclaration>
): { record: RecordDeclaration; key: string; field: string } | null {
	const item = type._item;
	if (!(type instanceof Y.Text) || item === null || typeof item.parentSub !== 'string') {
		return null;
	}
	const parent = item.parent;
	if (!(parent instanceof Y.Map)) return null;
	let record: RecordDeclaration | undefined;
	let key = '';
	if (parent._item === null) {
		record = layout.get(Y.findRootTypeKey(parent));
		if (record?.shape !== 'singleton') return null;
	} else {
		const root = parent._item.parent;
		if (!(root instanceof Y.Map) || root._item !== null) return null;
		if (typeof parent._item.parentSub !== 'string') return null;
		record = layout.get(Y.findRootTypeKey(root));
		if (record?.shape !== 'collection') return null;
		key = parent._item.parentSub;
	}
	if (!record.collaborative?.includes(item.parentSub)) return null;
	return { record, key, field: item.parentSub };
}

/** `ceiling`: the writer's share of the board caps (participants stop short of facilitators). */
function checkCaps(shadow: Shadow, created: Created, ceiling: number) {
	const total = shadow.counts.total + created.derived;
	const adds = created.records + created.derived > 0;
	if (adds && total > RECORDS_PER_DOCUMENT * ceiling) {
		refuse('too many records in this board');
	}
	created.owners.forEach((owners, record) => {
		for (const owner of owners) {
			if (shadow.counts.owned(record, owner) > record.perOwner!) {
				refuse(`${record.name}: too many per member`);
			}
		}
	});
}

/**
 * A participant's budget of tombstones: what this update leaves deleted of the writer's own
 * items (new client ids included), on top of what they left before. Items of others it
 * removes are charged to them (tombstones.ts) but never refuse this writer.
 */
function checkTombstones(shadow: Shadow, tr: Y.Transaction, writer: Writer, bind: number[]) {
	const me = writer.membershipId;
	const mine = (client: number) =>
		bind.includes(client) || shadow.tombstones.owner(client) === me ? me : null;
	const dead = tombstonesOf(tr, mine).get(me);
	if (!dead) return;
	const before = shadow.tombstones.of(me);
	if (dead.keys > 0 && before.keys + dead.keys > REMOVED_KEYS_PER_MEMBER) {
		refuse('too many removed records of this member');
	}
	if (before.items + dead.items > TOMBSTONES_PER_MEMBER) {
		refuse('too many tombstones of this member');
	}
}

/**
 * A participant's budget of the board's bytes (member-bytes.ts): refused when this update
 * leaves the writer's live items holding more than BYTES_PER_MEMBER. Only growth is refused,
 * so a member over it (a board written before the budget) may still remove and shorten.
 */
function checkMemberBytes(shadow: Shadow, tr: Y.Transaction, writer: Writer, bind: number[]) {
	const me = writer.membershipId;
	const mine = (client: number) =>
		bind.includes(client) || shadow.tombstones.owner(client) === me ? me : null;
	const change = bytesChanged(tr, mine).get(me) ?? 0;
	if (change > 0 && shadow.memberBytes.of(me) + change > BYTES_PER_MEMBER) {
		refuse('too many bytes of this member');
	}
}

/**
 * Keys of the record maps, live or removed: Yjs keeps a removed key in its map for good, so a
 * record created and removed in one update (no live record, no record rule) still counts.
 * Reading each map's size is constant time; a root the document lacks (share) holds none, and
 * reading it that way adds no root to either document.
 */
function checkKeys(
	real: Y.Doc,
	shadow: Y.Doc,
	layout: ReadonlyMap<string, RecordDeclaration>,
	ceiling: number
) {
	const roots = recordRoots(layout);
	const keys = (doc: Y.Doc) => {
		let n = 0;
		for (const root of roots) n += doc.share.get(root)?._map.size ?? 0;
		return n;
	};
	const after = keys(shadow);
	if (after > KEYS_PER_DOCUMENT * ceiling && after > keys(real)) {
		refuse('too many keys in this board');
	}
}

const rootsOf = new WeakMap<ReadonlyMap<string, RecordDeclaration>, string[]>();

/** The root maps of a layout that hold records (singletons' keys are their fields). */
function recordRoots(layout: ReadonlyMap<string, RecordDeclaration>): string[] {
	let roots = rootsOf.get(layout);
	if (!roots) {
		roots = [...layout.values()].filter((r) => r.shape !== 'singleton').map((r) => r.root);
		rootsOf.set(layout, roots);
	}
	return roots;
}

/** Encodes the board exactly only when the running upper bound says it may be over. */
function checkBytes(shadow: Shadow, ceiling: number) {
	const max = DOCUMENT_BYTES_MAX * ceiling;
	if (shadow.bytes <= max) return;
	shadow.bytes = Y.encodeStateAsUpdate(shadow.doc).byteLength;
	if (shadow.bytes > max) refuse('the board is full');
}

/** What Shadow.judge found: the client ids to bind, or why the update was refused. */
type Verdict = { bind: number[] } | { reason: string; malformed: boolean };

/**
 * A replica of a room's document that every update is tried on first. It follows the real
 * document: every update the real one emits (accepted writes, server edits) is applied to it
 * too; for the update just judged that is a no-op.
 */
class Shadow {
	doc!: Y.Doc;
	counts!: RecordCounts;
	/** Kept on the real document: a rebuild of the shadow never recounts them. */
	readonly tombstones: Tombstones;
	/** Kept on the real document, like the tombstones. */
	readonly memberBytes: MemberBytes;
	/** The shadow's transaction of the update last accepted, until the real one follows. */
	accepted: Y.Transaction | null = null;
	/** An upper bound of the shadow's encoded size (exact after a rebuild or a measure). */
	bytes = 0;
	/** Times the shadow was built from the real document (the first time included). */
	rebuilds = 0;
	/** The examination of the update being applied, run by #afterTransaction. */
	#examine: ((tr: Y.Transaction) => number[]) | null = null;
	#verdict: Verdict | { error: unknown } | null = null;
	/** Set when taking a refused update out failed: the shadow is rebuilt after its transaction. */
	#stale = false;

	constructor(
		readonly real: Y.Doc,
		readonly records: readonly RecordDeclaration[],
		clientIds: ClientIds
	) {
		this.rebuild();
		this.tombstones = new Tombstones(real, clientIds);
		this.memberBytes = new MemberBytes(real, (client) => this.tombstones.owner(client));
		real.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
			const accepted = this.accepted;
			this.accepted = null;
			// The update just judged, and nothing more (an afterWrite may add to it): already here.
			if (accepted && sameEffect(accepted, tr)) return;
			this.bytes += update.byteLength;
			Y.applyUpdate(this.doc, update);
		});
		real.on('destroy', () => this.doc.destroy());
	}

	/**
	 * Applies `update` and runs `examine` on its transaction once Yjs has integrated it (delete
	 * set sorted, record counts updated) but before it garbage-collects or merges anything, so a
	 * refusal can take exactly what the update did out again (#revert).
	 */
	judge(update: Uint8Array, examine: (tr: Y.Transaction) => number[]): Verdict {
		const bytes = this.bytes;
		const doc = this.doc;
		const roots = doc.share.size;
		let malformed = false;
		let transaction: Y.Transaction | null = null;
		this.#examine = examine;
		this.#verdict = null;
		try {
			this.doc.transact((tr) => {
				transaction = tr;
				try {
					Y.applyUpdate(this.doc, update);
				} catch {
					malformed = true;
				}
				// Its bytes count before any decision: the caps judge the board with it in.
				this.bytes += update.byteLength;
				if (malformed) this.#examine = null;
			}, judgeOrigin);
		} finally {
			this.#examine = null;
			if (this.#stale) {
				this.#stale = false;
				this.rebuild();
			}
		}
		if (malformed) {
			// Yjs may have integrated part of it before it failed, in no known state: rebuild only then.
			const tr = transaction as Y.Transaction | null;
			if (!tr || !nothingIntegrated(tr)) this.rebuild();
			else forgetNewRoots(doc, roots);
			this.bytes = bytes;
			this.#dropPending();
			return { reason: 'not a Yjs update', malformed: true };
		}
		const verdict = this.#verdict as Verdict | { error: unknown } | null;
		this.#verdict = null;
		if (verdict === null) throw new Error('the judge did not see its transaction');
		if ('bind' in verdict) {
			this.accepted = transaction;
			return verdict;
		}
		this.bytes = bytes;
		if (this.doc === doc) forgetNewRoots(doc, roots);
		if ('error' in verdict) throw verdict.error;
		return verdict;
	}

	#afterTransaction(tr: Y.Transaction) {
		const examine = this.#examine;
		if (tr.origin !== judgeOrigin || examine === null) return;
		try {
			this.#verdict = { bind: examine(tr) };
		} catch (error) {
			this.#verdict =
				error instanceof Refused ? { reason: error.message, malformed: false } : { error };
			try {
				this.#revert(tr);
			} catch (failure) {
				console.error('[realtime] could not take a refused update out of the judge', failure);
				this.#stale = true;
			}
		}
	}

	/**
	 * Takes a refused update out of the shadow, inside its transaction: the items it deleted are
	 * live again, the structs it added leave their lists, maps and the store, and the transaction
	 * is emptied so Yjs neither garbage-collects nor merges what it touched. Reads only the
	 * update's own structs and delete set.
	 */
	#revert(tr: Y.Transaction) {
		const store = this.doc.store;
		const before = (client: number) => tr.beforeState.get(client) ?? 0;
		// What it deleted of what was there before: alive again (the items are whole: Yjs split them
		// at the delete set's edges, and a split item reads the same).
		for (const [client, ranges] of tr.deleteSet.clients) {
			const structs = store.clients.get(client);
			const state = before(client);
			if (!structs) continue;
			for (const { clock, len } of ranges) {
				if (clock >= state) continue;
				const end = Math.min(clock + len, state);
				for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
					const item = structs[i]!;
					if (item.id.clock >= end) break;
					if (!(item instanceof Y.Item) || !item.deleted) continue;
					item.info &= ~DELETED;
					if (item.countable && item.parentSub === null) {
						(item.parent as Y.AbstractType<unknown>)._length += item.length;
					}
				}
			}
		}
		// What it added: out of its parent's list (or map) and out of the store.
		for (const [client, clock] of tr.afterState) {
			const state = before(client);
			if (clock <= state) continue;
			const structs = store.clients.get(client)!;
			const first = state === 0 ? 0 : Y.findIndexSS(structs, state);
			for (const item of structs.splice(first)) {
				if (item instanceof Y.Item) unlink(item);
			}
			if (structs.length === 0) store.clients.delete(client);
		}
		this.#dropPending();
		// Record counts read the restored values of the keys it changed.
		this.counts.track(tr);
		for (const type of tr.changed.keys()) {
			const markers = (type as { _searchMarker?: unknown[] | null })._searchMarker;
			if (markers) markers.length = 0;
		}
		tr.changed.clear();
		tr.changedParentTypes.clear();
		tr.deleteSet.clients.clear();
		tr.afterState = new Map(tr.beforeState);
		tr.subdocsAdded.clear();
		tr.subdocsRemoved.clear();
		tr.subdocsLoaded.clear();
		tr._needFormattingCleanup = false;
		// Old items split at the update's edges may merge again; nothing the update added may.
		const merge = tr._mergeStructs.filter((s) => s.id.clock < before(s.id.client));
		tr._mergeStructs.splice(0, tr._mergeStructs.length, ...merge);
	}

	#dropPending() {
		this.doc.store.pendingStructs = null;
		this.doc.store.pendingDs = null;
	}

	rebuild() {
		this.accepted = null;
		this.rebuilds++;
		this.doc?.destroy();
		const store = this.real.store;
		if (store.pendingStructs !== null || store.pendingDs !== null) {
			// Loaded from a log written before the judge existed: never let it resolve later.
			console.warn('[realtime] dropped pending changes from a stored document');
			store.pendingStructs = null;
			store.pendingDs = null;
		}
		const state = Y.encodeStateAsUpdate(this.real);
		this.doc = newDoc({ gc: this.real.gc });
		Y.applyUpdate(this.doc, state);
		// After the counts' own listener: a refusal is examined on counts that include it.
		this.counts = new RecordCounts(this.doc, this.records);
		this.doc.on('afterTransaction', (tr: Y.Transaction) => this.#afterTransaction(tr));
		this.bytes = state.byteLength;
	}
}

/**
 * Takes out the root types Yjs made while reading an update that was then refused (a root
 * name of its own, as long as the message): empty once the update is out, but kept with
 * their names for as long as the room is loaded. New roots come last in `share`.
 */
function forgetNewRoots(doc: Y.Doc, before: number) {
	if (doc.share.size === before) return;
	let i = 0;
	for (const name of [...doc.share.keys()]) if (i++ >= before) doc.share.delete(name);
}

/** Yjs's "deleted" bit of Item.info (Item.markDeleted). */
const DELETED = 0b100;

/** Takes an item out of its parent's list, or back to the map value before it. */
function unlink(item: Y.Item) {
	const parent = item.parent as Y.AbstractType<unknown>;
	if (item.left !== null) item.left.right = item.right;
	else if (item.parentSub === null) parent._start = item.right;
	if (item.right !== null) item.right.left = item.left;
	else if (item.parentSub !== null && parent._map.get(item.parentSub) === item) {
		if (item.left !== null) parent._map.set(item.parentSub, item.left);
		else parent._map.delete(item.parentSub);
	}
	if (item.countable && item.parentSub === null && !item.deleted) parent._length -= item.length;
}

/** Whether a transaction changed nothing (an update that only left pending structs or deletes). */
function nothingIntegrated(tr: Y.Transaction) {
	return (
		tr.changed.size === 0 &&
		tr.deleteSet.clients.size === 0 &&
		[...tr.afterState].every(([client, clock]) => tr.beforeState.get(client) === clock)
	);
}

function sameEffect(a: Y.Transaction, b: Y.Transaction) {
	if (a.afterState.size !== b.afterState.size) return false;
	let same = true;
	// forEach, not for…of: no entry array per client of the board's state vector.
	a.afterState.forEach((clock, client) => {
		if (same && b.afterState.get(client) !== clock) same = false;
	});
	return same && Y.equalDeleteSets(a.deleteSet, b.deleteSet);
}

const shadows = new WeakMap<Y.Doc, Shadow>();

/** The judge's replica of a document and how often it was built, for tests and diagnostics. */
export function judgeShadow(real: Y.Doc): { doc: Y.Doc; rebuilds: number } | null {
	const shadow = shadows.get(real);
	return shadow ? { doc: shadow.doc, rebuilds: shadow.rebuilds } : null;
}

/**
 * A board's per-member byte account as the judge keeps it (member-bytes.ts), for what the
 * server writes in a member's name (a silent round's reveal, board/reveal-authors.ts); made
 * now when no update of the board was judged yet.
 */
export function boardMemberBytes(real: Y.Doc, clientIds: ClientIds): Pick<MemberBytes, 'of'> {
	return shadowOf(real, boardLayout, clientIds).memberBytes;
}

function shadowOf(
	real: Y.Doc,
	layout: ReadonlyMap<string, RecordDeclaration>,
	clientIds: ClientIds
): Shadow {
	let shadow = shadows.get(real);
	if (!shadow) shadows.set(real, (shadow = new Shadow(real, [...layout.values()], clientIds)));
	return shadow;
}
