import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import { tablesOf, type DB } from '../db';
import { workshopSwitches } from '../services/switches';
import { authorIdsOf, authorPseudonym } from '../realtime/author-ids';
import type { RealtimeServer } from '../realtime/server';
import { copyNote, notesMap } from '$lib/workshop/doc';
import { newId } from '$lib/workshop/ids';
import { idSchema } from '$lib/workshop/records/declare';
import { NOTES_PER_MEMBER, noteRecord } from '$lib/workshop/records/note';
import {
	listNoteRounds,
	noteRoundsMap,
	openNoteRoundId,
	writeNoteRound
} from '$lib/workshop/records/note-round';
import { boardRoom, privateRoom } from '$lib/workshop/rooms';
import { recordBytes, revealRoom } from './idea-rounds';

/**
 * Server-side workflow of the silent rounds on the journey (records/note-round.ts). While a
 * round is open, members' new notes live in their private documents; this module alone reads
 * them: it counts them for the facilitator (how many, from how many people, never the texts)
 * and on reveal copies them into the board with their provenance.
 */

export const noteRoundActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('open') }),
	z.object({ action: z.literal('reveal'), roundId: idSchema })
]);
export type NoteRoundAction = z.infer<typeof noteRoundActionSchema>;

interface Deps {
	db: DB;
	realtime: RealtimeServer;
}
type SecretDeps = Deps & { wsSecret: string };

type Outcome =
	| { roundId: string; revealed?: number }
	| { error: string; status: 404 | 409 }
	| { error: string; status: 409; roundId: string; revealed: number; notRevealed: number };

const noteSchema = z.object(noteRecord.fields);
type PrivateNote = z.infer<typeof noteSchema> & { id: string };

/** Whether a silent round is open on the journey (the private-document judge asks per note). */
export const notesOpen = (deps: Pick<Deps, 'realtime'>, workshopId: string) =>
	openNoteRoundId(deps.realtime.loaded(boardRoom(workshopId))) !== null;

/**
 * How many silent-round notes each member holds, per workshop, kept in memory and updated
 * from each accepted write of a member's notes alone (the size of their `notes` map), so a note
 * costs one count, never a read of every private document. Counted from every member's
 * private document only the first time a workshop is asked for (after a round opens or a
 * restart).
 */
class NoteProgress {
	#counts = new Map<string, Map<string, number>>();

	constructor(private readonly realtime: Pick<RealtimeServer, 'read'>) {}

	async counts(
		workshopId: string,
		members: () => Promise<readonly string[]>
	): Promise<ReadonlyMap<string, number>> {
		let counts = this.#counts.get(workshopId);
		if (!counts) {
			counts = new Map();
			for (const id of await members()) {
				const n = await this.realtime.read(
					privateRoom(workshopId, id),
					(doc) => notesMap(doc).size
				);
				if (n > 0) counts.set(id, n);
			}
			// Counted meanwhile by another caller: that count already follows the changes.
			const since = this.#counts.get(workshopId);
			if (since) return since;
			this.#counts.set(workshopId, counts);
		}
		return counts;
	}

	changed(workshopId: string, membershipId: string, doc: Y.Doc) {
		const counts = this.#counts.get(workshopId);
		if (!counts) return;
		const n = notesMap(doc).size;
		if (n > 0) counts.set(membershipId, n);
		else counts.delete(membershipId);
	}

	/** Counted afresh on the next ask (a round opened, or its notes left the private documents). */
	forget(workshopId: string) {
		this.#counts.delete(workshopId);
	}
}

const progresses = new WeakMap<object, NoteProgress>();

export function noteProgress(realtime: Pick<RealtimeServer, 'read'>): NoteProgress {
	let progress = progresses.get(realtime);
	if (!progress) progresses.set(realtime, (progress = new NoteProgress(realtime)));
	return progress;
}

/** Members whose silent notes count and are revealed: those in the workshop now. */
async function admitted(db: DB, workshopId: string): Promise<string[]> {
	const { memberships } = tablesOf(db);
	const rows = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), eq(memberships.status, 'admitted')));
	return rows.map((m) => m.id);
}

/** Writes how many notes from how many people the open round holds; only what changed. */
export async function refreshNoteProgress(deps: Deps, workshopId: string) {
	const board = boardRoom(workshopId);
	const roundId = openNoteRoundId(await deps.realtime.load(board));
	if (roundId === null) return;
	const counts = await noteProgress(deps.realtime).counts(workshopId, () =>
		admitted(deps.db, workshopId)
	);
	let notes = 0;
	for (const n of counts.values()) notes += n;
	const round = noteRoundsMap(await deps.realtime.load(board)).get(roundId);
	if (!round || (round.get('notes') === notes && round.get('writers') === counts.size)) return;
	await deps.realtime.edit(board, (doc) =>
		writeNoteRound(doc, roundId, { notes, writers: counts.size })
	);
}

/** A member's well-formed private notes in their own name only, oldest first. */
function privateNotes(doc: Y.Doc, authorIds: readonly string[]): PrivateNote[] {
	const out: PrivateNote[] = [];
	notesMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = noteSchema.safeParse(map.toJSON());
		if (parsed.success && authorIds.includes(parsed.data.authorId)) {
			out.push({ id, ...parsed.data });
		}
	});
	return out.sort(oldestFirst);
}

const oldestFirst = (a: PrivateNote, b: PrivateNote) =>
	a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Which private notes fit into the board: in turns, one of each member's per turn, so a member
 * with a thousand notes cannot crowd out those with a few; none past the board's room (the
 * participants' share, idea-rounds.ts), a member's own cap of notes, or with an id the board
 * holds already (an id is the author's choice: a revealed note never overwrites a record, and
 * a note revealed once is never copied twice).
 */
function fitting(board: Y.Doc, perMember: PrivateNote[][]): PrivateNote[] {
	const room = revealRoom(board);
	const owned = new Map<string, number>();
	notesMap(board).forEach((map) => {
		const author = map instanceof Y.Map ? map.get('authorId') : undefined;
		if (typeof author === 'string') owned.set(author, (owned.get(author) ?? 0) + 1);
	});
	const taken = new Set<string>();
	const chosen: PrivateNote[] = [];
	let bytes = 0;
	let queues = perMember.filter((q) => q.length > 0);
	for (let turn = 0; queues.length > 0; turn++) {
		for (const queue of queues) {
			if (chosen.length >= room.records || chosen.length >= room.keys) return chosen;
			const note = queue[turn]!;
			const cost = recordBytes('notes', note);
			const mine = owned.get(note.authorId) ?? 0;
			if (bytes + cost > room.bytes || mine >= NOTES_PER_MEMBER) continue;
			if (taken.has(note.id) || notesMap(board).has(note.id)) continue;
			taken.add(note.id);
			owned.set(note.authorId, mine + 1);
			bytes += cost;
			chosen.push(note);
		}
		queues = queues.filter((q) => q.length > turn + 1);
	}
	return chosen;
}

/**
 * Reveals the silent round: every member's private notes go into the board in one transaction
 * with the round's new status, with their provenance (no name, and the author's pseudonym, in
 * an anonymous workshop), keeping their ids so the author's browser recognises them; then they
 * leave the private documents. What does not fit the board stays with its author.
 */
async function reveal(deps: SecretDeps, workshopId: string, roundId: string) {
	const anonymous = Boolean((await workshopSwitches(deps, workshopId))?.anonymous);
	const now = Date.now();
	const perMember: PrivateNote[][] = [];
	const ownerOf = new Map<PrivateNote, string>();
	for (const membershipId of await admitted(deps.db, workshopId)) {
		const notes = await deps.realtime.read(privateRoom(workshopId, membershipId), (doc) =>
			privateNotes(doc, authorIdsOf(deps.wsSecret, membershipId))
		);
		const pseudonym = authorPseudonym(deps.wsSecret, membershipId);
		for (const note of notes) {
			// A time is the author's claim: never later than the reveal.
			note.createdAt = Math.min(note.createdAt, now);
			note.updatedAt = Math.min(Math.max(note.updatedAt, note.createdAt), now);
			if (anonymous) {
				note.authorId = pseudonym;
				note.authorName = null;
			}
			ownerOf.set(note, membershipId);
		}
		perMember.push(notes);
	}
	const board = boardRoom(workshopId);
	// Chosen inside the edit: what fits is measured on the board as it is written.
	const chosen = await deps.realtime.edit(board, (doc) => {
		const chosen = fitting(doc, perMember).sort(oldestFirst);
		for (const note of chosen) copyNote(doc, note);
		writeNoteRound(doc, roundId, { status: 'revealed', revealedAt: now });
		return chosen;
	});
	const revealed = new Map<string, string[]>();
	for (const note of chosen) {
		const membershipId = ownerOf.get(note)!;
		const ids = revealed.get(membershipId);
		if (ids) ids.push(note.id);
		else revealed.set(membershipId, [note.id]);
	}
	for (const [membershipId, ids] of revealed) {
		await deps.realtime.edit(privateRoom(workshopId, membershipId), (doc) => {
			for (const id of ids) notesMap(doc).delete(id);
		});
	}
	noteProgress(deps.realtime).forget(workshopId);
	const found = perMember.reduce((n, q) => n + q.length, 0);
	return { revealed: chosen.length, notRevealed: found - chosen.length };
}

/** Carries out a facilitator's action on the journey's silent round; the round id, or an error. */
export async function applyNoteRoundAction(
	deps: SecretDeps,
	workshopId: string,
	action: NoteRoundAction
): Promise<Outcome> {
	const board = boardRoom(workshopId);
	const rounds = listNoteRounds(await deps.realtime.load(board));
	if (action.action === 'open') {
		if (rounds.some((r) => r.status === 'open')) {
			return { error: 'a silent round is open on the journey already', status: 409 };
		}
		const id = newId();
		noteProgress(deps.realtime).forget(workshopId);
		await deps.realtime.edit(board, (doc) =>
			writeNoteRound(doc, id, {
				status: 'open',
				notes: 0,
				writers: 0,
				createdAt: Date.now(),
				revealedAt: null
			})
		);
		// Notes left from a round whose reveal did not fit the board count from the start.
		await refreshNoteProgress(deps, workshopId);
		return { roundId: id };
	}
	const round = rounds.find((r) => r.id === action.roundId);
	if (!round) return { error: 'no such round', status: 404 };
	if (round.status === 'revealed') return { error: 'round is revealed already', status: 409 };
	const { revealed, notRevealed } = await reveal(deps, workshopId, round.id);
	if (notRevealed === 0) return { roundId: round.id, revealed };
	return {
		status: 409,
		error:
			`Tavlan rymmer inte fler lappar: ${notRevealed} av ${revealed + notRevealed} visades inte ` +
			`och ligger kvar hos sina författare. / The board holds no more notes: ${notRevealed} ` +
			`of ${revealed + notRevealed} were not revealed and stay with their authors.`,
		roundId: round.id,
		revealed,
		notRevealed
	};
}
