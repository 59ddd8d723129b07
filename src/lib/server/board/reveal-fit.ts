import * as Y from 'yjs';
import {
	DOCUMENT_BYTES_MAX,
	KEYS_PER_DOCUMENT,
	PARTICIPANT_SHARE,
	RECORDS_PER_DOCUMENT,
	boardRecords
} from '$lib/workshop/layout';
import { noneNotRevealed, type NotRevealed, type RevealAuthors } from './reveal-authors';

/**
 * What a reveal may still add to the board: the participants' share of its caps (layout.ts),
 * as if the authors had written their ideas (or notes: note-rounds.ts) into the board
 * themselves, so the board stays writable for its facilitators however many were private.
 */
export function revealRoom(board: Y.Doc) {
	let records = 0;
	let keys = 0;
	for (const record of boardRecords) {
		if (record.shape === 'singleton') continue;
		const map = board.getMap(record.root);
		records += map.size;
		keys += map._map.size;
	}
	return {
		records: Math.floor(RECORDS_PER_DOCUMENT * PARTICIPANT_SHARE) - records,
		keys: Math.floor(KEYS_PER_DOCUMENT * PARTICIPANT_SHARE) - keys,
		bytes:
			Math.floor(DOCUMENT_BYTES_MAX * PARTICIPANT_SHARE) - Y.encodeStateAsUpdate(board).byteLength
	};
}

const utf8 = new TextEncoder();
/** Every field of a record costs at most this many bytes in an update beyond its name and value. */
const FIELD_OVERHEAD = 32;

/** An upper bound of what one record of a collection under `root` adds to the board's size. */
export function recordBytes(root: string, record: { id: string }): number {
	let bytes = FIELD_OVERHEAD + utf8.encode(record.id).byteLength + root.length;
	for (const [field, value] of Object.entries(record)) {
		if (field === 'id') continue;
		const size = typeof value === 'string' ? utf8.encode(value).byteLength : 9;
		bytes += FIELD_OVERHEAD + field.length + size;
	}
	return bytes;
}

/** A private record on its way to the board: whose private document it is in, what it costs them. */
export interface Candidate<R> {
	record: R;
	owner: string;
	charge: number;
}

interface Board<R> {
	board: Y.Doc;
	/** The board's map of the kind revealed (notes, ideas). */
	records: { forEach(visit: (value: unknown) => void): void; has(id: string): boolean };
	/** How many of the kind one author may have in the board. */
	perAuthor: number;
	/** An upper bound of what one record adds to the board's encoded size. */
	bytes: (record: R) => number;
	authors: RevealAuthors;
}

/**
 * Which private records of a silent round fit into the board: in turns, one of each member's
 * (oldest first) per turn, so a member with a thousand cannot crowd out those with a few; none
 * past the board's room (revealRoom), its author's own cap of the kind or of bytes (what they
 * could have written into the board themselves: reveal-authors.ts), or with an id the board
 * holds already (an id is the author's choice: a revealed record never overwrites one, and one
 * revealed once is never copied twice). The rest is counted by why it stays private.
 */
export function fitting<R extends { id: string; authorId: string }>(
	perMember: Candidate<R>[][],
	{ board, records, perAuthor, bytes: size, authors }: Board<R>
): { chosen: Candidate<R>[]; why: NotRevealed } {
	const room = revealRoom(board);
	const owned = new Map<string, number>();
	records.forEach((map) => {
		const author = map instanceof Y.Map ? map.get('authorId') : undefined;
		if (typeof author === 'string') owned.set(author, (owned.get(author) ?? 0) + 1);
	});
	const taken = new Set<string>();
	const chosen: Candidate<R>[] = [];
	const why = noneNotRevealed();
	let bytes = 0;
	let queues = perMember.filter((q) => q.length > 0);
	choosing: for (let turn = 0; queues.length > 0; turn++) {
		for (const queue of queues) {
			if (chosen.length >= room.records || chosen.length >= room.keys) break choosing;
			const candidate = queue[turn]!;
			const { record } = candidate;
			const cost = size(record);
			const mine = owned.get(record.authorId) ?? 0;
			if (taken.has(record.id) || records.has(record.id)) why.clash++;
			else if (bytes + cost > room.bytes) continue;
			else if (mine >= perAuthor || !authors.fits(candidate.owner, candidate.charge)) why.own++;
			else {
				taken.add(record.id);
				owned.set(record.authorId, mine + 1);
				bytes += cost;
				chosen.push(candidate);
			}
		}
		queues = queues.filter((q) => q.length > turn + 1);
	}
	// The rest did not fit the board's room.
	const found = perMember.reduce((n, q) => n + q.length, 0);
	why.full = found - chosen.length - why.clash - why.own;
	return { chosen, why };
}
