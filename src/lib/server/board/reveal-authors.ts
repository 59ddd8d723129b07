import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { BYTES_PER_MEMBER } from '$lib/workshop/layout';
import type { ClientIds, storedClientIds } from '../realtime/client-ids';
import { boardMemberBytes } from '../realtime/judge';
import { itemBytes } from '../realtime/member-bytes';

/** Why a private record stayed with its author at a reveal (the facilitator is told each count). */
export interface NotRevealed {
	/** The board holds no more: the participants' share of its records, keys or bytes. */
	full: number;
	/** Its author's own share is used up: their records of the kind, or their bytes (4 MiB). */
	own: number;
	/** Its id names a record the board holds already (an id is the author's choice). */
	clash: number;
}

export const noneNotRevealed = (): NotRevealed => ({ full: 0, own: 0, clash: 0 });

export const notRevealedCount = (why: NotRevealed) => why.full + why.own + why.clash;

/**
 * The API's answer to a reveal that left records private, in Swedish and English (the app's
 * pages say it through their messages, from the counts): how many, and why.
 */
export function revealedMessage(kind: 'notes' | 'ideas', revealed: number, why: NotRevealed) {
	const sv = kind === 'notes' ? 'lappar' : 'idéer';
	const total = revealed + notRevealedCount(why);
	const reasons = [
		why.full > 0 && [`${why.full} ryms inte på tavlan`, `${why.full} do not fit the board`],
		why.own > 0 && [
			`${why.own} skulle ge sin författare mer än en deltagares del av tavlan`,
			`${why.own} would give their author more than a participant's share of the board`
		],
		why.clash > 0 && [
			`${why.clash} har samma id som något på tavlan`,
			`${why.clash} have the id of something on the board`
		]
	].filter((r): r is string[] => Array.isArray(r));
	return (
		`${notRevealedCount(why)} av ${total} ${sv} visades inte och ligger kvar hos sina ` +
		`författare (${reasons.map((r) => r[0]).join('; ')}). / ${notRevealedCount(why)} of ` +
		`${total} ${kind} were not revealed and stay with their authors ` +
		`(${reasons.map((r) => r[1]).join('; ')}).`
	);
}

/** The board's client ids: loaded before a reveal binds new ones (client-ids.ts). */
export type BoardClientIds = Pick<ReturnType<typeof storedClientIds>, 'load' | 'of'>;

/**
 * A silent round's reveal writes members' private records into the board as the server, in
 * their authors' names. So that it gives nobody more of the board than they could have written
 * themselves, each author's records are made under a client id of the board bound to that
 * author (`doc_clients`, as the judge binds a browser's): member-bytes.ts and tombstones.ts
 * then charge them to the author, live and when recounted after a restart, and a participant's
 * record that would take them past their byte budget (BYTES_PER_MEMBER, what the judge refuses
 * of their own writes) is not revealed. Facilitators have no byte budget, here as in the judge.
 */
export class RevealAuthors {
	readonly #server: number;
	readonly #clients = new Map<string, number>();
	/** Bytes chosen for each author in this reveal, on top of what the board charges them. */
	readonly #chosen = new Map<string, number>();
	readonly #bytes: { of(membershipId: string): number };

	constructor(
		private readonly board: Y.Doc,
		private readonly clientIds: ClientIds,
		private readonly facilitators: ReadonlySet<string>
	) {
		this.#server = board.clientID;
		this.#bytes = boardMemberBytes(board, clientIds);
	}

	/** Whether `bytes` more fit the author's budget; if so they are counted as chosen. */
	fits(membershipId: string, bytes: number): boolean {
		if (this.facilitators.has(membershipId)) return true;
		const chosen = this.#chosen.get(membershipId) ?? 0;
		if (this.#bytes.of(membershipId) + chosen + bytes > BYTES_PER_MEMBER) return false;
		this.#chosen.set(membershipId, chosen + bytes);
		return true;
	}

	/**
	 * Runs `write` (inside the board's transaction), in which `as` makes what follows the
	 * author's; the server's own client id is back afterwards, however `write` ends.
	 */
	writing<T>(write: (as: (membershipId: string) => void) => T): T {
		try {
			return write((membershipId) => (this.board.clientID = this.#clientOf(membershipId)));
		} finally {
			this.board.clientID = this.#server;
		}
	}

	#clientOf(membershipId: string): number {
		let client = this.#clients.get(membershipId);
		if (client !== undefined) return client;
		// Unused in this board, so bound to nobody yet: a binding is only made for a client id
		// whose structs are in the board.
		do client = randomInt(1, 2 ** 32 - 1);
		while (this.board.store.clients.has(client) || client === this.#server);
		this.clientIds.bind(client, membershipId);
		this.#clients.set(membershipId, client);
		return client;
	}
}

/**
 * What each record written by `write` under the root map `root` costs its author's budget,
 * counted as member-bytes.ts counts the board (every live item: its key, its content), by
 * writing the records into a scratch document the same way. Within a few bytes of what the
 * board is charged (a generated sort key may be longer there), as member-bytes.ts itself.
 */
export function recordCharges(root: string, write: (doc: Y.Doc) => void): Map<string, number> {
	const doc = new Y.Doc();
	try {
		write(doc);
		const top = doc.getMap(root);
		const charges = new Map<string, number>();
		for (const structs of doc.store.clients.values()) {
			for (const struct of structs) {
				if (!(struct instanceof Y.Item) || struct.deleted) continue;
				const key = recordKey(struct, top);
				if (key !== null) charges.set(key, (charges.get(key) ?? 0) + itemBytes(struct));
			}
		}
		return charges;
	} finally {
		doc.destroy();
	}
}

/** The key in `top` of the record an item is part of. */
function recordKey(item: Y.Item, top: Y.Map<unknown>): string | null {
	let at = item;
	for (;;) {
		const parent = at.parent as Y.AbstractType<unknown>;
		if (parent === top) return at.parentSub;
		if (parent._item === null) return null;
		at = parent._item;
	}
}
