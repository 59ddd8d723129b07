import type * as Y from 'yjs';
import { authorIdsOf, authorPseudonym } from '../realtime/author-ids';
import type { RealtimeServer } from '../realtime/server';
import { boardRoom, privateRoom } from '$lib/workshop/rooms';
import {
	recordCharges,
	RevealAuthors,
	type BoardClientIds,
	type NotRevealed
} from './reveal-authors';
import { fitting, recordBytes, type Candidate } from './reveal-fit';
import { PrivateReads } from './reveal-leave';

/** A reveal's answer when some records stayed private: how many of each, and why (409). */
export interface PartialReveal {
	error: string;
	status: 409;
	roundId: string;
	revealed: number;
	notRevealed: number;
	why: NotRevealed;
}

/** A private record a silent round reveals: a note or an idea. */
interface Revealable {
	id: string;
	authorId: string;
	createdAt: number;
}

/** What revealing one kind of private record takes (note-rounds.ts, idea-rounds.ts). */
export interface RevealKind<R extends Revealable> {
	/** The root the records live in, on the board and in the private documents. */
	root: 'notes' | 'ideas';
	map: (doc: Y.Doc) => Y.Map<Y.Map<unknown>>;
	/** A member's private records of the round, well-formed and in their own name only. */
	read: (doc: Y.Doc, authorIds: readonly string[]) => R[];
	/** Makes a record as the board takes it: its times are the author's claim, its author maybe a pseudonym. */
	prepare: (record: R, now: number, pseudonym: string | null) => void;
	/** Writes `records` into `doc` in this order, calling `before` with each one's id ahead of it. */
	copy: (doc: Y.Doc, records: R[], before?: (id: string) => void) => void;
	/** The author's own cap of the kind (what they could have written into the board). */
	perAuthor: number;
	/** The round's own change on the board, in the same transaction as the copies. */
	finish: (board: Y.Doc, now: number) => void;
}

interface Deps {
	realtime: RealtimeServer;
	wsSecret: string;
	clientIds: BoardClientIds;
}

/** Oldest first, then by id: the order a reveal copies in. */
export const oldestFirst = (a: Revealable, b: Revealable) =>
	a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reveals a silent round: members' private records go into the board with their provenance,
 * oldest first, keeping their ids so a browser that held one recognises it in the board, each
 * in its author's name (reveal-authors.ts), in one transaction with the round's own change; then
 * they leave the private documents, unless their author changed them meanwhile
 * (reveal-leave.ts). What does not fit (reveal-fit.ts) stays with its author, nothing is lost;
 * returns how many were revealed and why the rest were not.
 */
export async function revealPrivate<R extends Revealable>(
	deps: Deps,
	workshopId: string,
	members: readonly { id: string; role: string }[],
	anonymous: boolean,
	kind: RevealKind<R>
): Promise<{ revealed: number; why: NotRevealed }> {
	const now = Date.now();
	const perMember: Candidate<R>[][] = [];
	const facilitators = new Set<string>();
	const reads = new PrivateReads();
	for (const member of members) {
		if (member.role === 'facilitator') facilitators.add(member.id);
		const records = await deps.realtime.read(privateRoom(workshopId, member.id), (doc) => {
			const records = kind.read(doc, authorIdsOf(deps.wsSecret, member.id));
			reads.note(
				member.id,
				kind.map(doc),
				records.map((record) => record.id)
			);
			return records;
		});
		// Revealed into an anonymous board, a record carries its author's pseudonym, whatever id
		// the author's browser wrote it with.
		const pseudonym = anonymous ? authorPseudonym(deps.wsSecret, member.id) : null;
		for (const record of records) kind.prepare(record, now, pseudonym);
		records.sort(oldestFirst);
		// Measured as the board will hold them, so the budget counts what the copy writes.
		const charges = recordCharges(kind.root, (doc) => kind.copy(doc, records));
		perMember.push(
			records.map((record) => ({
				record,
				owner: member.id,
				charge: charges.get(record.id) ?? 0
			}))
		);
	}
	const board = boardRoom(workshopId);
	const clientIds = deps.clientIds.of(board);
	await deps.clientIds.load(board);
	// Chosen inside the edit: what fits is measured on the board as it is written.
	const { chosen, why } = await deps.realtime.edit(board, (doc) => {
		const authors = new RevealAuthors(doc, clientIds, facilitators);
		const fit = fitting(perMember, {
			board: doc,
			records: kind.map(doc),
			perAuthor: kind.perAuthor,
			bytes: (record) => recordBytes(kind.root, record),
			authors
		});
		fit.chosen.sort((a, b) => oldestFirst(a.record, b.record));
		const ownerOf = new Map(fit.chosen.map((c) => [c.record.id, c.owner]));
		authors.writing((as) =>
			kind.copy(
				doc,
				fit.chosen.map((c) => c.record),
				(id) => as(ownerOf.get(id)!)
			)
		);
		kind.finish(doc, now);
		return fit;
	});
	const revealed = new Map<string, string[]>();
	for (const { record, owner } of chosen) {
		const ids = revealed.get(owner);
		if (ids) ids.push(record.id);
		else revealed.set(owner, [record.id]);
	}
	for (const [membershipId, ids] of revealed) {
		await deps.realtime.edit(privateRoom(workshopId, membershipId), (doc) =>
			reads.leave(membershipId, kind.map(doc), ids)
		);
	}
	return { revealed: chosen.length, why };
}
