import * as Y from 'yjs';
import { z } from 'zod';
import { declareRecord, idSchema, timeSchema, type RecordValue } from './declare';

/**
 * A silent round of writing on the journey (tyst skrivning), in the shared board, written by
 * the server alone (src/lib/server/board/note-rounds.ts). While a round is open, the notes
 * members write live in their private documents (`notes` there, the board note's fields); the
 * facilitator sees only how many notes from how many people (`notes`, `writers`); revealing
 * copies every member's notes into the board with their provenance.
 *
 * Its own record rather than a third type of idea round: an idea round is over prioritised
 * areas (`areaIds`, required) and the ideas page lists every idea round; a silent round on the
 * journey covers the whole board and belongs to the journey page alone.
 *
 *   doc.getMap('noteRounds'): Y.Map<roundId, Y.Map<{ status, notes, writers, createdAt,
 *     revealedAt }>>
 */
export const noteRoundStatusSchema = z.enum(['open', 'revealed']);
export type NoteRoundStatus = z.infer<typeof noteRoundStatusSchema>;

export const noteRoundRecord = declareRecord({
	name: 'noteRound',
	root: 'noteRounds',
	shape: 'collection',
	key: idSchema,
	fields: {
		status: noteRoundStatusSchema,
		/** Notes written privately so far (the facilitator's progress, never their texts). */
		notes: z.number().int().nonnegative(),
		/** How many members wrote them. */
		writers: z.number().int().nonnegative(),
		createdAt: timeSchema,
		revealedAt: timeSchema.nullable()
	},
	text: [],
	refs: {},
	hidden: false,
	create: [],
	change: {},
	fixed: ['createdAt'],
	remove: [],
	ownedBy: 'nobody: only the server writes silent rounds on the journey',
	owner: () => null
});

export interface NoteRound extends RecordValue<typeof noteRoundRecord> {
	id: string;
}

export const noteRoundsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('noteRounds');

const noteRoundSchema = z.object(noteRoundRecord.fields);

/** Every well-formed silent round on the journey, oldest first. */
export function listNoteRounds(doc: Y.Doc): NoteRound[] {
	const out: NoteRound[] = [];
	noteRoundsMap(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const parsed = noteRoundSchema.safeParse(map.toJSON());
		if (parsed.success) out.push({ id, ...parsed.data });
	});
	return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * The id of the open silent round on the journey, if any: read key by key, since the judge asks
 * it for every note a participant creates.
 */
export function openNoteRoundId(doc: Y.Doc): string | null {
	// A board that never had a round keeps no root of that name (getMap would add one locally).
	if (!doc.share.has('noteRounds')) return null;
	let open: string | null = null;
	noteRoundsMap(doc).forEach((map, id) => {
		if (open === null && map instanceof Y.Map && map.get('status') === 'open') open = id;
	});
	return open;
}

/** The judge's condition on a participant's new board note: none while a silent round is open. */
export const noSilentRound = (before: Y.Doc): string | null =>
	openNoteRoundId(before) === null
		? null
		: 'a silent round is open: new notes stay in their author’s private document';

/** Writes a silent round (server side); fields not given keep their value. */
export function writeNoteRound(doc: Y.Doc, id: string, fields: Partial<Omit<NoteRound, 'id'>>) {
	doc.transact(() => {
		let map = noteRoundsMap(doc).get(id);
		if (!(map instanceof Y.Map)) {
			map = new Y.Map<unknown>();
			noteRoundsMap(doc).set(id, map);
		}
		for (const [key, value] of Object.entries(fields)) {
			if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
		}
	});
}
