import * as Y from 'yjs';

/**
 * A reveal takes the records it copied out of their authors' private documents only as they
 * were when it read them: the author may edit one between the read and that deletion (the
 * reveal awaits the board's edit in between), and her edit, never copied, would be deleted
 * unrevealed. A record she changed stays with her (its id is on the board now: a later reveal
 * counts it as a clash and leaves it private).
 */
/** A member's private map of the kind revealed (notes, ideas). */
type Records = { get(id: string): unknown; delete(id: string): void };

export class PrivateReads {
	/** Per member, each read record's fields as read. */
	#read = new Map<string, Map<string, string | null>>();

	/** Notes `records` (a member's private map) as this reveal reads them. */
	note(membershipId: string, records: Records, ids: readonly string[]) {
		let read = this.#read.get(membershipId);
		if (!read) this.#read.set(membershipId, (read = new Map()));
		for (const id of ids) read.set(id, fieldsOf(records.get(id)));
	}

	/** Deletes from the member's `records` those of `ids` still as they were read. */
	leave(membershipId: string, records: Records, ids: readonly string[]) {
		const read = this.#read.get(membershipId);
		for (const id of ids) {
			const fields = read?.get(id);
			if (fields != null && fieldsOf(records.get(id)) === fields) records.delete(id);
		}
	}
}

function fieldsOf(record: unknown): string | null {
	if (!(record instanceof Y.Map)) return null;
	const fields = record.toJSON() as Record<string, unknown>;
	return JSON.stringify(
		Object.keys(fields)
			.sort()
			.map((key) => [key, fields[key]])
	);
}
