import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { z } from 'zod';
import type { DB } from '../db';
import { memberships } from '../db/schema';
import { workshopSwitches } from '../services/switches';
import { authorIdsOf, authorPseudonym } from '../realtime/author-ids';
import type { RealtimeServer } from '../realtime/server';
import { defaultDotLimits } from '$lib/workshop/analysis/dots';
import { roundResults, type Ballot } from '$lib/workshop/analysis/round-results';
import { newId } from '$lib/workshop/ids';
import { idSchema } from '$lib/workshop/records/declare';
import type { RoundRules } from '$lib/workshop/private-layout';
import { addIdea, ideasMap, listIdeas, type Idea } from '$lib/workshop/records/idea';
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

/** With the server's secret, which author pseudonyms are made with (realtime/author-ids.ts). */
type SecretDeps = Deps & { wsSecret: string };

type Outcome = { roundId: string } | { error: string; status: 404 | 409 };

/** Members whose silent ideas are revealed: those in the workshop now (see voters.ts). */
const members = (db: DB, workshopId: string) =>
	db
		.select({ id: memberships.id, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), eq(memberships.status, 'admitted')))
		.all();

const roundsOf = (deps: Pick<Deps, 'realtime'>, workshopId: string) =>
	listIdeaRounds(deps.realtime.readDoc(boardRoom(workshopId)));

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
function ballots(deps: Deps, workshopId: string, roundId: string): Ballot[] {
	return eligibleVoters(deps.db, workshopId).map((id) => ({
		scores: new Map(),
		dots: deps.realtime.read(privateRoom(workshopId, id), (doc) => readDots(doc, roundId))
	}));
}

const asRound = (round: IdeaRound) => ({
	type: 'dots' as const,
	areaIds: round.ideaIds,
	dotLimits: round.dotLimits
});

/**
 * Writes how many have placed dots in every open dot vote, from the hand-ins counted so far
 * (progress.ts); writes only what changed.
 */
export function refreshIdeaProgress(deps: Deps, workshopId: string) {
	const board = boardRoom(workshopId);
	const open = listIdeaRounds(deps.realtime.loaded(board)).filter(
		(r) => r.type === 'dots' && r.status === 'open'
	);
	if (open.length === 0) return;
	const eligible = eligibleVoters(deps.db, workshopId);
	const counts = ballotProgress(deps.realtime).handedIn(
		workshopId,
		open.map((round) => ({ id: round.id, ...asRound(round) })),
		() => memberIds(deps.db, workshopId)
	);
	for (const [i, round] of open.entries()) {
		const handedIn = counts[i]!;
		const progress = eligible.filter((id) => handedIn.has(id)).length;
		if (progress !== round.progress || eligible.length !== round.eligible) {
			deps.realtime.edit(board, (doc) =>
				writeIdeaRound(doc, round.id, { progress, eligible: eligible.length })
			);
		}
	}
}

/** A member's private ideas of some areas, well-formed and in their own name only. */
function privateIdeas(doc: Y.Doc, authorIds: readonly string[], areaIds: readonly string[]) {
	return listIdeas(doc).filter(
		(idea) => authorIds.includes(idea.authorId) && areaIds.includes(idea.areaId)
	);
}

/**
 * Reveals a silent round: every member's private ideas of its areas go into the board with
 * their provenance (no name in an anonymous workshop), oldest first, keeping their ids so a
 * second reveal cannot copy one twice; then they leave the private documents.
 */
function revealSilent(deps: SecretDeps, workshopId: string, round: IdeaRound) {
	const anonymous = Boolean(workshopSwitches(deps, workshopId)?.anonymous);
	const found: { membershipId: string; authorId: string; idea: Idea }[] = [];
	for (const member of members(deps.db, workshopId)) {
		const ideas = deps.realtime.read(privateRoom(workshopId, member.id), (doc) =>
			privateIdeas(doc, authorIdsOf(deps.wsSecret, member.id), round.areaIds)
		);
		// Revealed into an anonymous board, an idea carries its author's pseudonym, whatever id
		// the author's browser wrote it with.
		const pseudonym = authorPseudonym(deps.wsSecret, member.id);
		for (const idea of ideas) {
			found.push({
				membershipId: member.id,
				authorId: anonymous ? pseudonym : idea.authorId,
				idea
			});
		}
	}
	found.sort((a, b) => a.idea.createdAt - b.idea.createdAt || (a.idea.id < b.idea.id ? -1 : 1));
	deps.realtime.edit(boardRoom(workshopId), (doc) => {
		for (const { idea, authorId } of found) {
			if (ideasMap(doc).has(idea.id)) continue;
			addIdea(doc, {
				id: idea.id,
				text: idea.text,
				areaId: idea.areaId,
				now: idea.createdAt,
				author: {
					id: authorId,
					name: anonymous ? null : idea.authorName,
					profession: idea.profession,
					organisation: idea.organisation
				}
			});
		}
		writeIdeaRound(doc, round.id, { status: 'revealed' });
	});
	for (const membershipId of new Set(found.map((f) => f.membershipId))) {
		deps.realtime.edit(privateRoom(workshopId, membershipId), (doc) => {
			for (const f of found) if (f.membershipId === membershipId) ideasMap(doc).delete(f.idea.id);
		});
	}
	return found.length;
}

/** Carries out a facilitator's idea-round action; returns the round id, or an error. */
export function applyIdeaRoundAction(
	deps: SecretDeps,
	workshopId: string,
	action: IdeaRoundAction
): Outcome {
	const board = boardRoom(workshopId);
	const rounds = roundsOf(deps, workshopId);
	if (action.action === 'silent') {
		if (action.areaIds.some((id) => silentRoundOf(rounds, id))) {
			return { error: 'a silent round is open for one of these areas', status: 409 };
		}
		const id = newId();
		deps.realtime.edit(board, (doc) =>
			writeIdeaRound(doc, id, {
				type: 'silent',
				areaIds: action.areaIds,
				ideaIds: [],
				dotLimits: null,
				status: 'open',
				progress: 0,
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
		const ideaIds = listIdeas(deps.realtime.readDoc(board), action.areaId)
			.map((i) => i.id)
			.slice(0, IDEA_BALLOT_MAX);
		if (ideaIds.length === 0) return { error: 'no ideas to vote on', status: 409 };
		const id = newId();
		ballotProgress(deps.realtime).start(workshopId, id);
		deps.realtime.edit(board, (doc) =>
			writeIdeaRound(doc, id, {
				type: 'dots',
				areaIds: [action.areaId],
				ideaIds,
				dotLimits: action.dotLimits ?? defaultDotLimits(ideaIds.length),
				status: 'open',
				progress: 0,
				eligible: eligibleVoters(deps.db, workshopId).length,
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
		refreshIdeaProgress(deps, workshopId);
		deps.realtime.edit(board, (doc) => writeIdeaRound(doc, round.id, { status: 'closed' }));
		return { roundId: round.id };
	}
	if (round.type === 'silent') {
		revealSilent(deps, workshopId, round);
		return { roundId: round.id };
	}
	// Revealing closes first: no dot may move under results already shown.
	const tally = roundResults(asRound(round), ballots(deps, workshopId, round.id)).dots ?? [];
	const results = tally.map(({ areaId, ...rest }) => ({ ideaId: areaId, ...rest }));
	deps.realtime.edit(board, (doc) =>
		writeIdeaRound(doc, round.id, { status: 'revealed', results })
	);
	ballotProgress(deps.realtime).forget(workshopId, round.id);
	return { roundId: round.id };
}
