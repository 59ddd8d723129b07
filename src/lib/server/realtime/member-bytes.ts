import * as Y from 'yjs';

/**
 * The bytes of a board each member's live items hold, for the per-member budget
 * (BYTES_PER_MEMBER in layout.ts): so one participant cannot fill the participants' share of
 * the board alone. An item counts its key and its content (characters of a string, the JSON of
 * a value, the bytes of a binary) plus STRUCT_BYTES, text in the UTF-8 bytes the board encodes it
 * in (a character of Chinese is three, counted as one it held three times the budget); a deleted item counts nothing (gc drops
 * its content; tombstones.ts budgets what stays of it). Each item is charged to the member
 * whose client id made it (`doc_clients`), the same rule whether counted as it happens or
 * recounted from the board when it is loaded; items of client ids bound to nobody (the
 * server's) are nobody's. The count follows the board approximately (Yjs may split or merge
 * items), never by more than a few bytes per item.
 */
export class MemberBytes {
	readonly #perMember = new Map<string, number>();

	constructor(
		doc: Y.Doc,
		private readonly owner: (client: number) => string | null
	) {
		// Once per load, proportional to the document: afterwards only each update's structs.
		for (const [client, structs] of doc.store.clients) {
			let bytes = 0;
			for (const struct of structs) {
				if (struct instanceof Y.Item && !struct.deleted) bytes += itemBytes(struct);
			}
			const who = bytes > 0 ? owner(client) : null;
			if (who !== null) this.#add(who, bytes);
		}
		// Before gc, while what the transaction deleted still holds its content.
		doc.on('afterTransaction', (tr: Y.Transaction) => {
			for (const [who, bytes] of bytesChanged(tr, owner)) this.#add(who, bytes);
		});
	}

	/** Bytes of the board charged to a member. */
	of(membershipId: string): number {
		return this.#perMember.get(membershipId) ?? 0;
	}

	#add(who: string, bytes: number) {
		const sum = this.of(who) + bytes;
		if (sum !== 0) this.#perMember.set(who, sum);
		else this.#perMember.delete(who);
	}
}

/** What an item costs beyond its key and content: its id, origins and info, roughly. */
export const STRUCT_BYTES = 8;

/** An item's bytes as the budget counts them, whether or not it is deleted. */
export function itemBytes(item: Y.Item): number {
	return STRUCT_BYTES + utf8(item.parentSub ?? '') + contentBytes(item.content);
}

function contentBytes(content: Y.Item['content']): number {
	if (content instanceof Y.ContentString) return utf8(content.str);
	if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
		let n = 0;
		for (const value of content.arr as unknown[]) n += valueBytes(value);
		return n;
	}
	if (content instanceof Y.ContentBinary) return content.content.byteLength;
	if (content instanceof Y.ContentEmbed) return json(content.embed);
	if (content instanceof Y.ContentFormat) {
		return utf8(content.key) + json(content.value);
	}
	if (content instanceof Y.ContentDoc) return utf8(content.doc?.guid ?? '');
	return 0;
}

/** A value's JSON bytes; strings and numbers (most fields) without encoding them. */
function valueBytes(value: unknown): number {
	if (typeof value === 'string') return utf8(value) + 2;
	if (typeof value === 'number' || typeof value === 'boolean') return 8;
	if (value === null || value === undefined) return 4;
	return json(value);
}

function json(value: unknown): number {
	return utf8(JSON.stringify(value) ?? '');
}

/** Bytes of a string in UTF-8, counted natively without encoding it. */
function utf8(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/**
 * The change of each owner's bytes a transaction made, read before gc: plus the live items it
 * added, minus the items of before it deleted. Reads only the transaction's new structs and
 * delete set.
 */
export function bytesChanged(
	tr: Y.Transaction,
	owner: (client: number) => string | null
): ReadonlyMap<string, number> {
	// Made only when someone is charged: most transactions of a board charge nobody or one.
	let change: Map<string, number> | null = null;
	const charge = (who: string, bytes: number) => {
		if (bytes === 0) return;
		change ??= new Map();
		change.set(who, (change.get(who) ?? 0) + bytes);
	};
	const store = tr.doc.store;
	const { beforeState } = tr;
	// forEach, not for…of: no entry array per client of the board's state vector.
	tr.afterState.forEach((clock, client) => {
		const state = beforeState.get(client) ?? 0;
		if (clock <= state) return;
		// Items of nobody's client ids (the server's) are never counted.
		const who = owner(client);
		if (who === null) return;
		const structs = store.clients.get(client)!;
		let added = 0;
		for (let i = state === 0 ? 0 : Y.findIndexSS(structs, state); i < structs.length; i++) {
			const struct = structs[i]!;
			if (struct instanceof Y.Item && !struct.deleted) added += itemBytes(struct);
		}
		charge(who, added);
	});
	tr.deleteSet.clients.forEach((ranges, client) => {
		const structs = store.clients.get(client);
		const state = beforeState.get(client) ?? 0;
		if (!structs || state === 0) return;
		const who = owner(client);
		if (who === null) return;
		let removed = 0;
		for (const { clock, len } of ranges) {
			if (clock >= state) continue;
			const end = Math.min(clock + len, state);
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= end) break;
				if (struct instanceof Y.Item) removed += itemBytes(struct);
			}
		}
		charge(who, -removed);
	});
	return change ?? NOBODY;
}

const NOBODY: ReadonlyMap<string, number> = new Map();
