import * as Y from 'yjs';
import { z } from 'zod';
import type { DB } from '../db';
import type { RealtimeServer } from '../realtime/server';
import { AXIS_PRESETS } from '$lib/workshop/analysis/axes';
import { defaultDotLimits } from '$lib/workshop/analysis/dots';
import { flaggedAreas, roundResults, type Ballot } from '$lib/workshop/analysis/round-results';
import { newId } from '$lib/workshop/ids';
import { idSchema } from '$lib/workshop/records/declare';
import type { RoundRules } from '$lib/workshop/private-layout';
import {
	axesSchema,
	dotLimitsSchema,
	findRound,
	listRounds,
	ROUND_AREAS_MAX,
	roundsMap,
	roundStatusSchema,
	roundTypeSchema,
	writeRound,
	type Round
} from '$lib/workshop/records/round';
import { readDots, readScores } from '$lib/workshop/records/score';
import { boardRoom, privateRoom } from '$lib/workshop/rooms';
import { eligibleVoters } from './voters';
import { ballotProgress, memberIds } from './progress';

/**
 * Server-side workflow of prioritisation rounds. Scores live in each member's private document;
 * this module alone reads them: on reveal, to write per-area results into the board. Who has
 * handed in is counted as they write (progress.ts) and written into the round while it is open.
 */

export const roundActionSchema = z.discriminatedUnion('action', [
	z.object({
		action: z.literal('open'),
		type: z.enum(['scoring', 'dots']).default('scoring'),
		areaIds: z.array(idSchema).min(1).max(ROUND_AREAS_MAX),
		preset: z.enum(['nytta-insats', 'innovationsguiden']).optional(),
		axes: axesSchema.optional(),
		dotLimits: dotLimitsSchema.optional()
	}),
	z.object({ action: z.enum(['close', 'reveal', 'reopen']), roundId: idSchema })
]);
export type RoundAction = z.infer<typeof roundActionSchema>;

interface Deps {
	db: DB;
	realtime: RealtimeServer;
}

/** Every voter's ballot of a round: each private document read in turn, none kept. */
async function ballots(deps: Deps, workshopId: string, roundId: string): Promise<Ballot[]> {
	const result: Ballot[] = [];
	for (const id of await eligibleVoters(deps.db, workshopId)) {
		result.push(
			await deps.realtime.read(privateRoom(workshopId, id), (doc) => ({
				scores: readScores(doc, roundId),
				dots: readDots(doc, roundId)
			}))
		);
	}
	return result;
}

const rulesSchema = z.object({
	status: roundStatusSchema,
	type: roundTypeSchema,
	areaIds: z.array(idSchema),
	dotLimits: dotLimitsSchema.nullable()
});

/**
 * A round as the private-document judge needs it (status, kind, areas, dot limits), read from
 * the loaded board by its id alone: it is asked per write of a score or dot.
 */
export function roundOf(
	deps: Pick<Deps, 'realtime'>,
	workshopId: string,
	roundId: string
): RoundRules | null {
	const map = roundsMap(deps.realtime.loaded(boardRoom(workshopId))).get(roundId);
	if (!(map instanceof Y.Map)) return null;
	const fields = Object.keys(rulesSchema.shape).map((f) => [f, map.get(f)]);
	const parsed = rulesSchema.safeParse(Object.fromEntries(fields));
	return parsed.success ? parsed.data : null;
}

/**
 * Writes "12 av 18 har lämnat poäng" of every open round, from the hand-ins counted so far
 * (progress.ts); writes only what changed.
 */
export async function refreshProgress(deps: Deps, workshopId: string) {
	const board = boardRoom(workshopId);
	const open = listRounds(await deps.realtime.load(board)).filter((r) => r.status === 'open');
	if (open.length === 0) return;
	const eligible = await eligibleVoters(deps.db, workshopId);
	const counts = await ballotProgress(deps.realtime).handedIn(workshopId, open, () =>
		memberIds(deps.db, workshopId)
	);
	for (const [i, round] of open.entries()) {
		const handedIn = counts[i]!;
		const progress = eligible.filter((id) => handedIn.has(id)).length;
		if (progress !== round.progress || eligible.length !== round.eligible) {
			await deps.realtime.edit(board, (doc) =>
				writeRound(doc, round.id, { progress, eligible: eligible.length })
			);
		}
	}
}

async function openRound(
	deps: Deps,
	workshopId: string,
	input: Omit<Round, 'id' | 'status' | 'progress' | 'eligible' | 'results' | 'createdAt'>
) {
	const id = newId();
	ballotProgress(deps.realtime).start(workshopId, id);
	const eligible = (await eligibleVoters(deps.db, workshopId)).length;
	await deps.realtime.edit(boardRoom(workshopId), (doc) =>
		writeRound(doc, id, {
			...input,
			status: 'open',
			progress: 0,
			eligible,
			results: null,
			createdAt: Date.now()
		})
	);
	await refreshProgress(deps, workshopId);
	return id;
}

/** Carries out a facilitator's round action; returns the round id, or an error message. */
export async function applyRoundAction(
	deps: Deps,
	workshopId: string,
	action: RoundAction
): Promise<{ roundId: string } | { error: string; status: 404 | 409 }> {
	if (action.action === 'open') {
		const axes = action.axes ?? AXIS_PRESETS[action.preset ?? 'nytta-insats'];
		const dotLimits =
			action.type === 'dots' ? (action.dotLimits ?? defaultDotLimits(action.areaIds.length)) : null;
		const roundId = await openRound(deps, workshopId, {
			type: action.type,
			areaIds: action.areaIds,
			axes,
			dotLimits,
			previousId: null
		});
		return { roundId };
	}
	const board = boardRoom(workshopId);
	const round = findRound(await deps.realtime.load(board), action.roundId);
	if (!round) return { error: 'no such round', status: 404 };
	switch (action.action) {
		case 'close':
			if (round.status !== 'open') return { error: 'round is not open', status: 409 };
			await refreshProgress(deps, workshopId);
			await deps.realtime.edit(board, (doc) => writeRound(doc, round.id, { status: 'closed' }));
			return { roundId: round.id };
		case 'reveal': {
			if (round.status === 'revealed') return { error: 'round is revealed already', status: 409 };
			// Revealing closes first: no score may change under results already shown.
			const results = roundResults(round, await ballots(deps, workshopId, round.id));
			await deps.realtime.edit(board, (doc) =>
				writeRound(doc, round.id, { status: 'revealed', results })
			);
			ballotProgress(deps.realtime).forget(workshopId, round.id);
			return { roundId: round.id };
		}
		case 'reopen': {
			if (round.status === 'open') return { error: 'round is open', status: 409 };
			if (round.status === 'closed') {
				// Not yet revealed: the same round takes scores again, nothing was shown.
				await deps.realtime.edit(board, (doc) => writeRound(doc, round.id, { status: 'open' }));
				await refreshProgress(deps, workshopId);
				return { roundId: round.id };
			}
			// Once: a split that persists is re-scored from the follow-up round, not twice from this.
			if (listRounds(await deps.realtime.load(board)).some((r) => r.previousId === round.id)) {
				return { error: 'round was re-opened already', status: 409 };
			}
			const areaIds = round.type === 'scoring' ? flaggedAreas(round) : round.areaIds;
			if (areaIds.length === 0) return { error: 'no flagged areas', status: 409 };
			const roundId = await openRound(deps, workshopId, {
				type: round.type,
				areaIds,
				axes: round.axes,
				dotLimits: round.dotLimits,
				previousId: round.id
			});
			return { roundId };
		}
	}
}
