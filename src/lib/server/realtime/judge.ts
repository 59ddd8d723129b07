import * as Y from 'yjs';
import {
	boardConditions,
	boardLayout,
	DOCUMENT_BYTES_MAX,
	RECORDS_PER_DOCUMENT
} from '$lib/workshop/layout';
import type { RecordDeclaration, Writer } from '$lib/workshop/records/declare';
import type { ClientIds } from './client-ids';
import { judgeRecord, refuse, Refused, type Created, type Touched } from './judge-records';

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
}

/**
 * The write judge of a shared board: judges what an update DOES, not what it claims. Each
 * update is applied first to a shadow replica of the room's document; the judge reads what
 * Yjs reports it changed (types and keys, items deleted, which client ids advanced), checks
 * every touched record against its declaration (layout.ts) and the writer's role, and only
 * then lets the room apply the same update to the real document. Refused: updates that leave
 * pending structs or deletes (an honest client only depends on what the server sent it or what
 * it sends along), unknown root maps and fields, client ids of other members, and anything
 * past the caps. After a refusal the shadow is rebuilt from the real document.
 */
export function judgeWrites(options: JudgeOptions): WriteCheck {
	const layout = options.layout ?? boardLayout;
	const conditions = options.conditions ?? boardConditions;
	return (real, update) => {
		const shadow = shadowOf(real);
		let transaction: Y.Transaction | null = null;
		try {
			shadow.doc.transact((tr) => {
				transaction = tr;
				Y.applyUpdate(shadow.doc, update);
			}, judgeOrigin);
		} catch {
			shadow.rebuild();
			return { reason: 'not a Yjs update', malformed: true };
		}
		try {
			const bind = examine(real, shadow, transaction!, options, layout, conditions);
			for (const client of bind) options.clientIds.bind(client, options.writer.membershipId);
			return null;
		} catch (error) {
			shadow.rebuild();
			if (error instanceof Refused) return { reason: error.message, malformed: false };
			throw error;
		}
	};
}

const judgeOrigin = Symbol('judge');

/** Returns the client ids to bind to the writer; throws Refused. */
function examine(
	real: Y.Doc,
	shadow: Shadow,
	tr: Y.Transaction,
	{ writer, clientIds }: JudgeOptions,
	layout: ReadonlyMap<string, RecordDeclaration>,
	conditions: typeof boardConditions
): number[] {
	const store = shadow.doc.store;
	if (store.pendingStructs !== null || store.pendingDs !== null) {
		refuse('depends on changes the server does not have');
	}
	const bind: number[] = [];
	let advanced = false;
	for (const [client, clock] of tr.afterState) {
		const before = tr.beforeState.get(client) ?? 0;
		if (clock <= before) continue;
		advanced = true;
		const owner = clientIds.owner(client);
		if (owner === writer.membershipId) continue;
		const fresh = owner === undefined && before === 0 && client !== real.clientID;
		if (fresh) bind.push(client);
		else if (writer.role !== 'facilitator') refuse('client id of someone else');
	}
	if (!advanced && tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return bind;
	for (const condition of conditions) {
		const reason = condition(real, writer);
		if (reason) refuse(reason);
	}
	const touched = touchedRecords(tr, layout);
	const created: Created = { records: 0, owners: new Map() };
	const sides = { before: real, after: shadow.doc, writer };
	for (const t of touched.values()) judgeRecord(t, sides, created);
	checkCaps(shadow, created, layout);
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

function checkCaps(
	shadow: Shadow,
	created: Created,
	layout: ReadonlyMap<string, RecordDeclaration>
) {
	if (created.records > 0) {
		let count = 0;
		for (const record of layout.values()) {
			if (record.shape !== 'singleton') count += shadow.doc.getMap(record.root).size;
		}
		if (count > RECORDS_PER_DOCUMENT) refuse('too many records in this board');
	}
	for (const [record, owners] of created.owners) {
		const counts = new Map<string, number>();
		shadow.doc.getMap<unknown>(record.root).forEach((value, key) => {
			const get = (f: string) => (value instanceof Y.Map ? value.get(f) : undefined);
			const owner = record.owner(key, get);
			if (owner !== null && owners.has(owner)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
		});
		for (const n of counts.values()) {
			if (n > record.perOwner!) refuse(`${record.name}: too many per member`);
		}
	}
	if (shadow.bytes > DOCUMENT_BYTES_MAX) {
		shadow.bytes = Y.encodeStateAsUpdate(shadow.doc).byteLength;
		if (shadow.bytes > DOCUMENT_BYTES_MAX) refuse('the board is full');
	}
}

/**
 * A replica of a room's document that every update is tried on first. It follows the real
 * document: every update the real one emits (accepted writes, server edits) is applied to it
 * too; for the update just judged that is a no-op.
 */
class Shadow {
	doc!: Y.Doc;
	/** An upper bound of the document's encoded size (exact after a rebuild). */
	bytes = 0;

	constructor(readonly real: Y.Doc) {
		this.rebuild();
		real.on('update', (update: Uint8Array) => {
			Y.applyUpdate(this.doc, update);
			this.bytes += update.byteLength;
		});
		real.on('destroy', () => this.doc.destroy());
	}

	rebuild() {
		this.doc?.destroy();
		const store = this.real.store;
		if (store.pendingStructs !== null || store.pendingDs !== null) {
			// Loaded from a log written before the judge existed: never let it resolve later.
			console.warn('[realtime] dropped pending changes from a stored document');
			store.pendingStructs = null;
			store.pendingDs = null;
		}
		const state = Y.encodeStateAsUpdate(this.real);
		this.doc = new Y.Doc({ gc: this.real.gc });
		Y.applyUpdate(this.doc, state);
		this.bytes = state.byteLength;
	}
}

const shadows = new WeakMap<Y.Doc, Shadow>();

function shadowOf(real: Y.Doc): Shadow {
	let shadow = shadows.get(real);
	if (!shadow) shadows.set(real, (shadow = new Shadow(real)));
	return shadow;
}
