import { json } from '@sveltejs/kit';
import { applyNoteRoundAction, noteRoundActionSchema } from '$lib/server/board/note-rounds';
import { apiError, isFailure, memberOrFailure, readJson } from '$lib/server/services/api';
import { failureResponse, invalid } from '$lib/server/services/outcome';
import type { RequestHandler } from './$types';

/** Starts or reveals the silent round on the journey (facilitators). */
export const POST: RequestHandler = async (event) => {
	const membership = await memberOrFailure(event, event.params.id, ['facilitator']);
	if (isFailure(membership)) return failureResponse(membership);
	const parsed = noteRoundActionSchema.safeParse(await readJson(event.request));
	if (!parsed.success) return failureResponse(invalid(parsed.error));
	const { db, realtime, wsSecret, clientIds } = event.locals.app;
	const outcome = await applyNoteRoundAction(
		{ db, realtime, wsSecret, clientIds },
		event.params.id,
		parsed.data
	);
	if (!('error' in outcome)) return json(outcome);
	// A reveal that did not fit the board says how many notes stayed private (the round is revealed).
	if ('notRevealed' in outcome) {
		const { status, ...body } = outcome;
		return json(body, { status });
	}
	return apiError(outcome.status, outcome.error);
};
