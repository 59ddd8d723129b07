import * as Y from 'yjs';
import type { ClientIds } from './client-ids';

/**
 * Tombstones per member of one document. A tombstone is a deleted item Yjs keeps for good
 * (gc only drops its content): an overwritten value, a removed record, a key created and
 * removed within one update. Nothing live shows them, so no record rule or record cap sees
 * them, yet each costs the board bytes, and a removed record's key also costs every reader of
 * its map time. Each is charged to the member whose client id made the item (`doc_clients`),
 * the same rule whether counted as it happens or recounted from the document after a restart;
 * items of client ids bound to nobody (the server's) are nobody's.
 */
export interface Dead {
	/** Deleted items. */
	items: number;
	/** … of which the first item of a key of a root map: a removed record, its key kept. */
	keys: number;
}

export class Tombstones {
	readonly #perMember = new Map<string, Dead>();
	/** Bindings never change once made, so a found owner is kept; "nobody" is asked again. */
	readonly #owners = new Map<number, string>();

	constructor(
		doc: Y.Doc,
		private readonly clientIds: ClientIds
	) {
		// Once per load, proportional to the document: afterwards only each delete set is read.
		for (const [client, structs] of doc.store.clients) {
			const dead = { items: 0, keys: 0 };
			for (const struct of structs) count(struct, dead);
			const owner = dead.items > 0 ? this.owner(client) : null;
			if (owner !== null) this.#add(owner, dead);
		}
		doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
			for (const [owner, dead] of tombstonesOf(tr, (client) => this.owner(client))) {
				this.#add(owner, dead);
			}
		});
	}

	/** Tombstones charged to a member. */
	of(membershipId: string): Dead {
		return this.#perMember.get(membershipId) ?? { items: 0, keys: 0 };
	}

	owner(client: number): string | null {
		const known = this.#owners.get(client);
		if (known !== undefined) return known;
		const owner = this.clientIds.owner(client);
		if (owner === undefined) return null;
		this.#owners.set(client, owner);
		return owner;
	}

	#add(owner: string, dead: Dead) {
		const sum = this.of(owner);
		this.#perMember.set(owner, { items: sum.items + dead.items, keys: sum.keys + dead.keys });
	}
}

function count(struct: Y.Item | Y.GC, dead: Dead) {
	if (!(struct instanceof Y.Item) || !struct.deleted) return;
	dead.items++;
	// Only the first item of a key names it (later ones point to it); a root map's key is a
	// record's, kept in the map for good.
	const parent = struct.parent as Y.AbstractType<unknown> | null;
	if (struct.parentSub !== null && struct.origin === null && parent?._item === null) dead.keys++;
}

/**
 * The tombstones a finished transaction left (after gc and merging), per owner of the item's
 * client id. Reads only the structs in the transaction's delete set, without splitting any: a
 * deleted item merged with an older neighbour is counted again, which errs on the side of
 * counting more (a recount after a restart counts each struct once).
 */
export function tombstonesOf(
	tr: Y.Transaction,
	owner: (client: number) => string | null
): ReadonlyMap<string, Dead> {
	// Most transactions of a board delete nothing (a new note): then nothing is made.
	if (tr.deleteSet.clients.size === 0) return NONE;
	const counts = new Map<string, Dead>();
	const store = tr.doc.store;
	tr.deleteSet.clients.forEach((ranges, client) => {
		const structs = store.clients.get(client);
		const last = structs?.at(-1);
		if (!structs || !last) return;
		const state = last.id.clock + last.length;
		const dead = { items: 0, keys: 0 };
		for (const { clock, len } of ranges) {
			if (clock >= state) continue;
			const end = clock + len;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= end) break;
				count(struct, dead);
			}
		}
		const who = dead.items > 0 ? owner(client) : null;
		if (who === null) return;
		const sum = counts.get(who) ?? { items: 0, keys: 0 };
		counts.set(who, { items: sum.items + dead.items, keys: sum.keys + dead.keys });
	});
	return counts;
}

const NONE: ReadonlyMap<string, Dead> = new Map();
