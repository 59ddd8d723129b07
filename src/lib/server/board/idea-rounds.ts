import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import { tablesOf, type DB } from '../db';
import { workshopSwitches } from '../services/switches';
import type { RealtimeServer } from '../realtime/server';
import { defaultDotLimits } from '$lib/workshop/analysis/dots';
import { roundResults, type Ballot } from '$lib/workshop/analysis/round-results';
import { newId } from '$lib/workshop/ids';
import { idSchema } from '$lib/workshop/records/declare';
import type { RoundRules } from '$lib/workshop/private-layout';
import {
	IDEAS_PER_MEMBER,
	appendIdeas,
	ideasMap,
	listIdeas,
	type Idea
} from '$lib/workshop/records/idea';
import {
	IDEA_BALLOT_MAX,
	ideaRoundsMap,
	ideaRoundStatusSchema,
	listIdeaRounds,
	silentRoundOf,
	writeIdeaRound,
	type IdeaRound
} from '$lib/workshop/records/idea-round';
import { dotLimitsSchema, ROUND_AREAS_MAX } from '$lib/workshop/records/round';
import { readDots } from '$lib/workshop/records/score';
import { boardRoom, privateRoom } from '$lib/workshop/rooms';
import { eligibleVoters } from './voters';
import { ballotProgress, memberIds } from './progress';
import { silentIdeaProgress } from './silent-progress';
import { notRevealedCount, revealedMessage, type BoardClientIds } from './reveal-authors';
import { revealPrivate, type PartialReveal } from './reveal';
import { recordBytes } from './reveal-fit';

/**
 * Server-side workflow of the idea generation's rounds (records/idea-round.ts). A silent
 * round's ideas and a dot vote's dots live in members' private documents; this module alone
 * reads them: on reveal it copies the ideas into the board with their provenance, or writes
 * the dot tally per idea, never who gave which dot.
 */

export const ideaRoundActionSchema = z.discriminatedUnion('action', [
	z.object({
		action: z.literal('silent'),
		areaIds: z.array(idSchema).min(1).max(ROUND_AREAS_MAX)
	}),
	z.object({
		action: z.literal('dots'),
		areaId: idSchema,
		dotLimits: dotLimitsSchema.optional()
	}),
	z.object({ action: z.enum(['close', 'reveal']), roundId: idSchema })
]);
export type IdeaRoundAction = z.infer<typeof ideaRoundActionSchema>;

interface Deps {
	db: DB;
	realtime: RealtimeServer;
}

/**
 * With the server's secret, which author pseudonyms are made with (realtime/author-ids.ts), and
 * the board's client ids, which a reveal writes in (reveal-authors.ts).
 */
type SecretDeps = Deps & { wsSecret: string; clientIds: BoardClientIds };

type Outcome = { roundId: string } | { error: string; status: 404 | 409 } | PartialReveal;

/** Members whose silent ideas are revealed: those in the workshop now (see voters.ts). */
function members(db: DB, workshopId: string) {
	const { memberships } = tablesOf(db);
	return db
		.select({ id: memberships.id, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), eq(memberships.status, 'admitted')));
}

const roundsOf = async (deps: Pick<Deps, 'realtime'>, workshopId: string) =>
	listIdeaRounds(await deps.realtime.load(boardRoom(workshopId)));

const rulesSchema = z.object({
	status: ideaRoundStatusSchema,
	ideaIds: z.array(idSchema),
	dotLimits: dotLimitsSchema.nullable()
});

/**
 * An idea dots round as the private-document judge sees a round: its "areas" are the ideas
 * on the ballot. A silent round takes no ballots (null), its ideas are judged on their own.
 * Read from the loaded board by its id alone: it is asked per write of a dot.
 */
export function ideaRoundRules(
	deps: Pick<Deps, 'realtime'>,
	workshopId: string,
	roundId: string
): RoundRules | null {
	const map = ideaRoundsMap(deps.realtime.loaded(boardRoom(workshopId))).get(roundId);
	if (!(map instanceof Y.Map) || map.get('type') !== 'dots') return null;
	const fields = Object.keys(rulesSchema.shape).map((f) => [f, map.get(f)]);
	const parsed = rulesSchema.safeParse(Object.fromEntries(fields));
	if (!parsed.success) return null;
	const { status, ideaIds, dotLimits } = parsed.data;
	return { status, type: 'dots', areaIds: ideaIds, dotLimits };
}

/**
 * Whether a silent round is open over an area (the private-document judge asks this per idea
 * it judges): reads only the kind, status and areas of each idea round of the loaded board.
 */
export function silentOpen(deps: Pick<Deps, 'realtime'>, workshopId: string, areaId: string) {
	let open = false;
	ideaRoundsMap(deps.realtime.loaded(boardRoom(workshopId))).forEach((map) => {
		if (open || !(map instanceof Y.Map)) return;
		const areaIds = map.get('areaIds');
		open =
			map.get('type') === 'silent' &&
			map.get('status') === 'open' &&
			Array.isArray(areaIds) &&
			areaIds.includes(areaId);
	});
	return open;
}

/** Every voter's dots of a round: each private document read in turn, none kept. */
async function ballots(deps: Deps, workshopId: string, roundId: string): Promise<Ballot[]> {
	const result: Ballot[] = [];
	for (const id of await eligibleVoters(deps.db, workshopId)) {
		const dots = await deps.realtime.read(privateRoom(workshopId, id), (doc) =>
			readDots(doc, roundId)
		);
		result.push({ scores: new Map(), dots });
	}
	return result;
}

const asRound = (round: IdeaRound) => ({
	type: 'dots' as const,
	areaIds: round.ideaIds,
	dotLimits: round.dotLimits
});

/**
 * Writes how many have placed dots in every open dot vote, from the hand-ins counted so far
 * (progress.ts), and how many ideas from how many people every open silent round holds
 * (silent-progress.ts); writes only what changed.
 */
export async function refreshIdeaProgress(deps: Deps, workshopId: string) {
	const board = boardRoom(workshopId);
	const rounds = listIdeaRounds(await deps.realtime.load(board)).filter((r) => r.status === 'open');
	const silent = rounds.filter((r) => r.type === 'silent');
	if (silent.length > 0) {
		const counts = await silentIdeaProgress(deps.realtime).counts(workshopId, silent, async () =>
			(await members(deps.db, workshopId)).map((m) => m.id)
		);
		for (const [i, round] of silent.entries()) {
			const { ideas, authors } = counts[i]!;
			if (authors !== round.progress || ideas !== round.ideaCount) {
				await deps.realtime.edit(board, (doc) =>
					writeIdeaRound(doc, round.id, { progress: authors, ideaCount: ideas })
				);
			}
		}
	}
	const open = rounds.filter((r) => r.type === 'dots');
	if (open.length === 0) return;
	const eligible = await eligibleVoters(deps.db, workshopId);
	const counts = await ballotProgress(deps.realtime).handedIn(
		workshopId,
		open.map((round) => ({ id: round.id, ...asRound(round) })),
		() => memberIds(deps.db, workshopId)
	);
	for (const [i, round] of open.entries()) {
		const handedIn = counts[i]!;
		const progress = eligible.filter((id) => handedIn.has(id)).length;
		if (progress !== round.progress || eligible.length !== round.eligible) {
			await deps.realtime.edit(board, (doc) =>
				writeIdeaRound(doc, round.id, { progress, eligible: eligible.length })
			);
		}
	}
}

/** A member's private ideas of some areas, well-formed and in their own name only. */
function privateIdeas(doc: Y.Doc, authorIds: readonly string[], areaIds: readonly string[]) {
	// A text of white space alone passes the judge, but appendIdeas trims it to an empty idea,
	// which the board refuses of any participant: such an idea stays with its author.
	return listIdeas(doc).filter(
		(idea) =>
			authorIds.includes(idea.authorId) && areaIds.includes(idea.areaId) && idea.text.trim() !== ''
	);
}

/** An upper bound of what one idea adds to the board's encoded size. */
export const ideaBytes = (idea: Idea): number => recordBytes('ideas', idea);

/** What appendIdeas writes of an idea read from a private document. */
const newIdea = (idea: Idea, anonymous: boolean) => ({
	id: idea.id,
	text: idea.text,
	areaId: idea.areaId,
	now: idea.createdAt,
	author: {
		id: idea.authorId,
		name: anonymous ? null : idea.authorName,
		profession: idea.profession,
		organisation: idea.organisation
	}
});

/**
 * Reveals a silent round (reveal.ts): members' private ideas of its areas go into the board
 * with their provenance (no name in an anonymous workshop), with the round's new status.
 */
async function revealSilent(deps: SecretDeps, workshopId: string, round: IdeaRound) {
	const anonymous = Boolean((await workshopSwitches(deps, workshopId))?.anonymous);
	return revealPrivate<Idea>(deps, workshopId, await members(deps.db, workshopId), anonymous, {
		root: 'ideas',
		map: ideasMap,
		read: (doc, authorIds) => privateIdeas(doc, authorIds, round.areaIds),
		prepare: (idea, now, pseudonym) => {
			// A time is the author's claim: never later than the reveal.
			idea.createdAt = Math.min(idea.createdAt, now);
			if (pseudonym !== null) idea.authorId = pseudonym;
		},
		copy: (doc, ideas, before) =>
			appendIdeas(
				doc,
				ideas.map((idea) => newIdea(idea, anonymous)),
				undefined,
				before && ((input) => before(input.id))
			),
		perAuthor: IDEAS_PER_MEMBER,
		finish: (doc) => writeIdeaRound(doc, round.id, { status: 'revealed' })
	});
}

/** Carries out a facilitator's idea-round action; returns the round id, or an error. */
export async function applyIdeaRoundAction(
	deps: SecretDeps,
	workshopId: string,
	action: IdeaRoundAction
): Promise<Outcome> {
	const board = boardRoom(workshopId);
	const rounds = await roundsOf(deps, workshopId);
	if (action.action === 'silent') {
		if (action.areaIds.some((id) => silentRoundOf(rounds, id))) {
			return { error: 'a silent round is open for one of these areas', status: 409 };
		}
		const id = newId();
		await deps.realtime.edit(board, (doc) =>
			writeIdeaRound(doc, id, {
				type: 'silent',
				areaIds: action.areaIds,
				ideaIds: [],
				dotLimits: null,
				status: 'open',
				progress: 0,
				ideaCount: 0,
				eligible: 0,
				results: null,
				createdAt: Date.now()
			})
		);
		return { roundId: id };
	}
	if (action.action === 'dots') {
		const open = rounds.find(
			(r) => r.type === 'dots' && r.status === 'open' && r.areaIds.includes(action.areaId)
		);
		if (open) return { error: 'a dot vote is open for this area', status: 409 };
		const ideaIds = listIdeas(await deps.realtime.load(board), action.areaId)
			.map((i) => i.id)
			.slice(0, IDEA_BALLOT_MAX);
		if (ideaIds.length === 0) return { error: 'no ideas to vote on', status: 409 };
		const id = newId();
		const eligible = (await eligibleVoters(deps.db, workshopId)).length;
		ballotProgress(deps.realtime).start(workshopId, id);
		await deps.realtime.edit(board, (doc) =>
			writeIdeaRound(doc, id, {
				type: 'dots',
				areaIds: [action.areaId],
				ideaIds,
				dotLimits: action.dotLimits ?? defaultDotLimits(ideaIds.length),
				status: 'open',
				progress: 0,
				eligible,
				results: null,
				createdAt: Date.now()
			})
		);
		return { roundId: id };
	}
	const round = rounds.find((r) => r.id === action.roundId);
	if (!round) return { error: 'no such round', status: 404 };
	if (round.status === 'revealed') return { error: 'round is revealed already', status: 409 };
	if (action.action === 'close') {
		if (round.type !== 'dots' || round.status !== 'open') {
			return { error: 'only an open dot vote closes', status: 409 };
		}
		await refreshIdeaProgress(deps, workshopId);
		await deps.realtime.edit(board, (doc) => writeIdeaRound(doc, round.id, { status: 'closed' }));
		return { roundId: round.id };
	}
	if (round.type === 'silent') {
		const { revealed, why } = await revealSilent(deps, workshopId, round);
		silentIdeaProgress(deps.realtime).forget(workshopId, round.id);
		const notRevealed = notRevealedCount(why);
		if (notRevealed === 0) return { roundId: round.id };
		return {
			status: 409,
			error: revealedMessage('ideas', revealed, why),
			roundId: round.id,
			revealed,
			notRevealed,
			why
		};
	}
	// Revealing closes first: no dot may move under results already shown.
	const tally = roundResults(asRound(round), await ballots(deps, workshopId, round.id)).dots ?? [];
	const results = tally.map(({ areaId, ...rest }) => ({ ideaId: areaId, ...rest }));
	await deps.realtime.edit(board, (doc) =>
		writeIdeaRound(doc, round.id, { status: 'revealed', results })
	);
	ballotProgress(deps.realtime).forget(workshopId, round.id);
	return { roundId: round.id };
}
