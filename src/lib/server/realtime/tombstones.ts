import * as Y from 'yjs';
import type { ClientIds } from './client-ids';

/**
 * Tombstones per member of one document. A tombstone is a deleted item Yjs keeps for good
 * (gc only drops its content): a removed record's key, an overwritten value, a key created
 * and removed within one update. Nothing live shows them, so no record rule or record cap sees
 * them, yet each costs the board bytes and every reader of its map time. Each is charged to
 * the member whose client id made the item (`doc_clients`), the same rule whether counted as
 * it happens or recounted from the document after a restart; items of client ids bound to
 * nobody (the server's) are nobody's.
 */
export class Tombstones {
	readonly #perMember = new Map<string, number>();
	/** Bindings never change once made, so a found owner is kept; "nobody" is asked again. */
	readonly #owners = new Map<number, string>();

	constructor(
		doc: Y.Doc,
		private readonly clientIds: ClientIds
	) {
		// Once per load, proportional to the document: afterwards only each delete set is read.
		for (const [client, structs] of doc.store.clients) {
			let dead = 0;
			for (const struct of structs) if (struct instanceof Y.Item && struct.deleted) dead++;
			const owner = dead > 0 ? this.owner(client) : null;
			if (owner !== null) this.#add(owner, dead);
		}
		doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
			for (const [owner, dead] of tombstonesOf(tr, (client) => this.owner(client))) {
				this.#add(owner, dead);
			}
		});
	}

	/** Tombstones charged to a member. */
	of(membershipId: string): number {
		return this.#perMember.get(membershipId) ?? 0;
	}

	owner(client: number): string | null {
		const known = this.#owners.get(client);
		if (known !== undefined) return known;
		const owner = this.clientIds.owner(client);
		if (owner === undefined) return null;
		this.#owners.set(client, owner);
		return owner;
	}

	#add(owner: string, dead: number) {
		this.#perMember.set(owner, this.of(owner) + dead);
	}
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
): Map<string, number> {
	const counts = new Map<string, number>();
	const store = tr.doc.store;
	for (const [client, ranges] of tr.deleteSet.clients) {
		const structs = store.clients.get(client);
		const last = structs?.at(-1);
		if (!structs || !last) continue;
		const state = last.id.clock + last.length;
		let dead = 0;
		for (const { clock, len } of ranges) {
			if (clock >= state) continue;
			const end = clock + len;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= end) break;
				if (struct instanceof Y.Item && struct.deleted) dead++;
			}
		}
		const who = dead > 0 ? owner(client) : null;
		if (who !== null) counts.set(who, (counts.get(who) ?? 0) + dead);
	}
	return counts;
}
