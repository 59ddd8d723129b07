import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import { tablesOf, type DB } from '../db';
import { workshopSwitches } from '../services/switches';
import type { RealtimeServer } from '../realtime/server';
import { cleanNoteText, copyNote, notesMap } from '$lib/workshop/doc';
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
import { notRevealedCount, revealedMessage, type BoardClientIds } from './reveal-authors';
import { oldestFirst, revealPrivate, type PartialReveal } from './reveal';

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
/** With the server's secret (author pseudonyms) and the board's client ids (reveal-authors.ts). */
type SecretDeps = Deps & { wsSecret: string; clientIds: BoardClientIds };

type Outcome =
	{ roundId: string; revealed?: number } | { error: string; status: 404 | 409 } | PartialReveal;

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
function admitted(db: DB, workshopId: string) {
	const { memberships } = tablesOf(db);
	return db
		.select({ id: memberships.id, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), eq(memberships.status, 'admitted')));
}

/** Writes how many notes from how many people the open round holds; only what changed. */
export async function refreshNoteProgress(deps: Deps, workshopId: string) {
	const board = boardRoom(workshopId);
	const roundId = openNoteRoundId(await deps.realtime.load(board));
	if (roundId === null) return;
	const counts = await noteProgress(deps.realtime).counts(workshopId, async () =>
		(await admitted(deps.db, workshopId)).map((m) => m.id)
	);
	let notes = 0;
	for (const n of counts.values()) notes += n;
	const round = noteRoundsMap(await deps.realtime.load(board)).get(roundId);
	if (!round || (round.get('notes') === notes && round.get('writers') === counts.size)) return;
	await deps.realtime.edit(board, (doc) =>
		writeNoteRound(doc, roundId, { notes, writers: counts.size })
	);
}

/**
 * A member's well-formed private notes in their own name only, oldest first. A text of white
 * space alone passes the judge but is no note on the board (copyNote trims it to nothing and
 * throws, which failed the whole reveal for everyone): such a note stays with its author.
 */
function privateNotes(doc: Y.Doc, authorIds: readonly string[]): PrivateNote[] {
	const out: PrivateNote[] = [];
	notesMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = noteSchema.safeParse(map.toJSON());
		if (
			parsed.success &&
			authorIds.includes(parsed.data.authorId) &&
			cleanNoteText(parsed.data.text) !== ''
		) {
			out.push({ id, ...parsed.data });
		}
	});
	return out.sort(oldestFirst);
}

/**
 * Reveals the silent round (reveal.ts): every member's private notes go into the board in one
 * transaction with the round's new status, with their provenance (no name, and the author's
 * pseudonym, in an anonymous workshop). What does not fit the board stays with its author.
 */
async function reveal(deps: SecretDeps, workshopId: string, roundId: string) {
	const anonymous = Boolean((await workshopSwitches(deps, workshopId))?.anonymous);
	const members = await admitted(deps.db, workshopId);
	const result = await revealPrivate<PrivateNote>(deps, workshopId, members, anonymous, {
		root: 'notes',
		map: notesMap,
		read: privateNotes,
		prepare: (note, now, pseudonym) => {
			// A time is the author's claim: never later than the reveal.
			note.createdAt = Math.min(note.createdAt, now);
			note.updatedAt = Math.min(Math.max(note.updatedAt, note.createdAt), now);
			if (pseudonym !== null) {
				note.authorId = pseudonym;
				note.authorName = null;
			}
		},
		copy: (doc, notes, before) => {
			for (const note of notes) {
				before?.(note.id);
				copyNote(doc, note);
			}
		},
		perAuthor: NOTES_PER_MEMBER,
		finish: (doc, now) => writeNoteRound(doc, roundId, { status: 'revealed', revealedAt: now })
	});
	noteProgress(deps.realtime).forget(workshopId);
	return result;
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
	const { revealed, why } = await reveal(deps, workshopId, round.id);
	const notRevealed = notRevealedCount(why);
	if (notRevealed === 0) return { roundId: round.id, revealed };
	return {
		status: 409,
		error: revealedMessage('notes', revealed, why),
		roundId: round.id,
		revealed,
		notRevealed,
		why
	};
}
