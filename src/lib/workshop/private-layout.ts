import * as Y from 'yjs';
import { z } from 'zod';
import { dotProblem } from './analysis/dots';
import { authoredOwner, signedByAuthor } from './records/authored';
import type { DocumentLayout } from './layout';
import type { RecordDeclaration } from './records/declare';
import { IDEAS_PER_MEMBER, ideaRecord } from './records/idea';
import { NOTES_PER_MEMBER, noteRecord } from './records/note';
import type { Round } from './records/round';
import {
	dotsMap,
	dotValueSchema,
	parseScoreKey,
	scoreKey,
	scoreValueSchema
} from './records/score';
import type { Organisation, Profession } from './people';

/**
 * The registry of a member's private document (`w/<workshopId>/p/<membershipId>`), judged by
 * the same write judge as the board (src/lib/server/realtime/judge.ts): only these root maps
 * and fields exist, its owner is its only writer, and the round rules below decide when.
 *
 *   doc.getMap('scores'): Y.Map<`${roundId}:${areaId}`, { worth?: 1–5, cost?: 1–5 }>
 *   doc.getMap('dots'):   Y.Map<`${roundId}:${areaId}`, 0–50>  (an idea dot vote: `:${ideaId}`)
 *   doc.getMap('ideas'):  a silent round's ideas, the board's idea fields (records/idea.ts)
 *   doc.getMap('notes'):  a silent round's notes on the journey, the board's note fields
 *                         (records/note.ts, records/note-round.ts)
 */

/** Who owns the private document, as the server knows them when it judges an update. */
export interface PrivateOwner {
	membershipId: string;
	/** The author ids that make this member a record's owner (records/declare.ts, Writer). */
	ids(): readonly string[];
	/** Names this member may sign with (the membership's current name). */
	names(): readonly string[];
	profession(): Profession | string;
	organisation(): Organisation | string;
}

/** What the round rules need to know of a round that takes ballots, read from the board. */
export type RoundRules = Pick<Round, 'status' | 'type' | 'areaIds' | 'dotLimits'>;

/** What the private document's rules read of the board. */
export interface PrivateBoard {
	/**
	 * A round that takes ballots: a prioritisation round, or an idea dot vote whose "areas" are
	 * the ideas on its ballot; null: none (a silent round takes no ballots).
	 */
	round(roundId: string): RoundRules | null;
	/** Whether a silent idea round is open over an area. */
	silentOpen(areaId: string): boolean;
	/** Whether a silent round is open on the journey (records/note-round.ts). */
	notesOpen(): boolean;
}

const ballotKeySchema = z
	.string()
	.refine((key) => parseScoreKey(key) !== null)
	.describe('`<roundId>:<areaId>`');

function ballotRecord(
	name: string,
	root: string,
	value: z.ZodType,
	ownerId: string
): RecordDeclaration {
	return {
		name,
		root,
		shape: 'entry',
		key: ballotKeySchema,
		fields: { value },
		text: [],
		refs: {},
		keyRef: { kind: 'ids', to: ['rounds', 'areas'], separator: ':' },
		hidden: 'until the round is revealed; then only the tally reaches the board',
		create: ['owner'],
		change: { value: ['owner'] },
		fixed: [],
		remove: ['owner'],
		ownedBy: 'the owner of the private document',
		owner: () => ownerId
	};
}

/** A record's fields or refs without the one naming a canvas sticky. */
const withoutCanvas = <T extends object>(entries: T): T =>
	Object.fromEntries(Object.entries(entries).filter(([key]) => key !== 'canvasKey')) as T;

/** A silent round's idea, kept by its author until the server copies it into the board. */
export const privateIdeaRecord: RecordDeclaration = {
	name: 'idea',
	root: 'ideas',
	shape: 'collection',
	key: ideaRecord.key,
	// A canvas sticky becomes an idea on the board, never a private one.
	fields: withoutCanvas(ideaRecord.fields),
	text: ideaRecord.text,
	refs: withoutCanvas(ideaRecord.refs ?? {}),
	hidden: 'until the silent round is revealed; then the server copies it into the board',
	create: ['owner'],
	change: { text: ['owner'], updatedAt: ['owner'] },
	fixed: ideaRecord.fixed,
	remove: ['owner'],
	...authoredOwner,
	check(get, writer) {
		const unsigned = signedByAuthor(get, writer, 'an idea');
		if (unsigned) return unsigned;
		return get('group') !== null ? 'facilitators group ideas' : null;
	},
	perOwner: IDEAS_PER_MEMBER
};

/** A note of a silent round on the journey, kept by its author until the server copies it. */
export const privateNoteRecord: RecordDeclaration = {
	name: 'note',
	root: 'notes',
	shape: 'collection',
	key: noteRecord.key,
	fields: noteRecord.fields,
	text: noteRecord.text,
	refs: noteRecord.refs,
	hidden:
		'until the silent round on the journey is revealed; then the server copies it into the board',
	create: ['owner'],
	change: {
		text: ['owner'],
		kind: ['owner'],
		eventId: ['owner'],
		questionId: ['owner'],
		updatedAt: ['owner']
	},
	fixed: noteRecord.fixed,
	remove: ['owner'],
	...authoredOwner,
	check: (get, writer) => signedByAuthor(get, writer, 'a note'),
	perOwner: NOTES_PER_MEMBER
};

/** The records of one member's private document (scores and dots are owned by that member). */
export function privateRecords(ownerId: string): readonly RecordDeclaration[] {
	return [
		ballotRecord('score', 'scores', scoreValueSchema, ownerId),
		ballotRecord('dot', 'dots', dotValueSchema, ownerId),
		privateIdeaRecord,
		privateNoteRecord
	];
}

/**
 * The private document as the docs' tables, the completeness checks and the masking test walk
 * it (the owner's id stands in for any member's).
 */
export const privateDocumentLayout: DocumentLayout = {
	name: 'private document',
	room: '`w/<workshopId>/p/<membershipId>`',
	records: privateRecords('<membershipId>'),
	exported: false
};

export function privateLayout(ownerId: string): ReadonlyMap<string, RecordDeclaration> {
	return new Map(privateRecords(ownerId).map((record) => [record.root, record]));
}

/** A record an update touched: its declaration and key. */
export interface TouchedKey {
	record: RecordDeclaration;
	key: string;
}

const plain = (value: unknown): unknown => (value instanceof Y.Map ? value.toJSON() : value);
const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

/**
 * The round rules of a private document, on the records an update touched (after their
 * declarations passed), so they cost what the update touched, never the whole document:
 * - a score or dot may change only while its round is open, in a round of its kind, for an
 *   area of the round, and a round's dots must keep its limits (N in all, M on one area);
 * - a silent round's idea may be written, changed or removed only while a silent round is open
 *   over its area (the area it leaves too: nothing is taken back after the reveal), in the
 *   owner's current profession and organisation;
 * - a silent round's note likewise, only while a silent round is open on the journey.
 * A reason when refused.
 */
export function privateRules(board: PrivateBoard, owner: PrivateOwner) {
	return (touched: readonly TouchedKey[], before: Y.Doc, after: Y.Doc): string | null => {
		const rounds = new Map<string, { rules: RoundRules; areas: Set<string> } | null>();
		const roundOf = (id: string) => {
			if (!rounds.has(id)) {
				const rules = board.round(id);
				rounds.set(id, rules && { rules, areas: new Set(rules.areaIds) });
			}
			return rounds.get(id)!;
		};
		const dotRounds = new Set<string>();
		for (const { record, key } of touched) {
			const was = before.getMap<unknown>(record.root).get(key);
			const now = after.getMap<unknown>(record.root).get(key);
			if (same(was, now)) continue;
			if (record.root === 'ideas') {
				const reason = ideaRule(was, now, board, owner);
				if (reason) return `${record.name}: ${reason}`;
				continue;
			}
			if (record.root === 'notes') {
				const reason = noteRule(was, now, board, owner);
				if (reason) return `${record.name}: ${reason}`;
				continue;
			}
			const { roundId, areaId } = parseScoreKey(key)!;
			const round = roundOf(roundId);
			if (round?.rules.status !== 'open') return `${record.name}: round is not open`;
			if (round.rules.type !== (record.root === 'scores' ? 'scoring' : 'dots')) {
				return `${record.name}: not this kind of round`;
			}
			if (now !== undefined && !round.areas.has(areaId)) {
				return `${record.name}: area is not in the round`;
			}
			if (record.root === 'dots') dotRounds.add(roundId);
		}
		for (const roundId of dotRounds) {
			const { rules } = roundOf(roundId)!;
			const problem = rules.dotLimits
				? dotProblem(roundDots(after, roundId, rules.areaIds), rules.areaIds, rules.dotLimits)
				: 'no limits';
			if (problem) return 'dot: over the round’s limits';
		}
		return null;
	};
}

/** A record this update created (a new Y.Map, not the one that was there): its provenance is new. */
function fresh(was: unknown, now: Y.Map<unknown>) {
	const a = was instanceof Y.Map ? was._item?.id : undefined;
	const b = now._item?.id;
	return !a || !b || a.client !== b.client || a.clock !== b.clock;
}

const inOwnProfile = (now: Y.Map<unknown>, owner: PrivateOwner) =>
	now.get('profession') === owner.profession() && now.get('organisation') === owner.organisation();

function noteRule(was: unknown, now: unknown, board: PrivateBoard, owner: PrivateOwner) {
	if (!board.notesOpen()) return 'no silent round is open on the journey';
	if (now instanceof Y.Map && fresh(was, now) && !inOwnProfile(now, owner)) {
		return 'not your profession or organisation';
	}
	return null;
}

function ideaRule(was: unknown, now: unknown, board: PrivateBoard, owner: PrivateOwner) {
	if (was !== undefined) {
		const area = was instanceof Y.Map ? was.get('areaId') : undefined;
		if (typeof area !== 'string' || !board.silentOpen(area)) return 'the silent round is over';
	}
	if (!(now instanceof Y.Map)) return null;
	if (fresh(was, now) && !inOwnProfile(now, owner)) return 'not your profession or organisation';
	if (!board.silentOpen(now.get('areaId') as string)) {
		return 'no silent round is open for this area';
	}
	return null;
}

/** A member's well-formed dots of one round, read key by key (the round's areas only). */
export function roundDots(
	doc: Y.Doc,
	roundId: string,
	areaIds: readonly string[]
): Record<string, number> {
	const dots = dotsMap(doc);
	const out: Record<string, number> = {};
	for (const areaId of areaIds) {
		const v = dotValueSchema.safeParse(dots.get(scoreKey(roundId, areaId)));
		if (v.success && v.data > 0) out[areaId] = v.data;
	}
	return out;
}
