import type * as Y from 'yjs';
import { z } from 'zod';
import type { RealtimeServer } from '../realtime/server';
import { listSteps } from '$lib/workshop/records/agenda';
import { idSchema } from '$lib/workshop/records/declare';
import { facilitationMap, readFacilitation } from '$lib/workshop/records/facilitation';
import { boardRoom } from '$lib/workshop/rooms';

/**
 * The room's state (records/facilitation.ts), written by the server alone on a facilitator's
 * request, so every time in it is the server's clock and every client applies a step change
 * in the same order. The route checks the role; this module checks the board.
 */
export const facilitationActionSchema = z.discriminatedUnion('action', [
	/** Go to a step of the agenda ("Nästa", "Föregående" and a chosen step alike). */
	z.object({ action: z.literal('step'), stepId: idSchema }),
	/** "Samla alla hit": every participant's screen goes to the current step now. */
	z.object({ action: z.literal('gather') }),
	/** The calling facilitator takes the lead. */
	z.object({ action: z.literal('lead') }),
	/** Participants may write notes on the journey outside the journey's steps. */
	z.object({ action: z.literal('notesOpen'), open: z.boolean() })
]);
export type FacilitationAction = z.infer<typeof facilitationActionSchema>;

type Outcome = { ok: true } | { error: string; status: 404 | 409 };

const set = (doc: Y.Doc, fields: Record<string, unknown>) => {
	const map = facilitationMap(doc);
	for (const [field, value] of Object.entries(fields)) {
		if (map.get(field) !== value) map.set(field, value);
	}
};

export function applyFacilitationAction(
	realtime: RealtimeServer,
	workshopId: string,
	facilitatorId: string,
	action: FacilitationAction,
	now: number = Date.now()
): Promise<Outcome> {
	const board = boardRoom(workshopId);
	return realtime.edit(board, (doc): Outcome => {
		const state = readFacilitation(doc);
		switch (action.action) {
			case 'step': {
				if (!listSteps(doc).some((step) => step.id === action.stepId)) {
					return { error: 'unknown step', status: 404 };
				}
				if (state.stepId === action.stepId) return { ok: true };
				set(doc, {
					stepId: action.stepId,
					stepStartedAt: now,
					startedAt: state.startedAt ?? now,
					leaderId: state.leaderId ?? facilitatorId,
					// A timer belongs to its step: the next step starts without one.
					timer: null
				});
				return { ok: true };
			}
			case 'gather':
				if (state.stepId === null) return { error: 'no current step', status: 409 };
				set(doc, { gatheredAt: now });
				return { ok: true };
			case 'lead':
				set(doc, { leaderId: facilitatorId });
				return { ok: true };
			case 'notesOpen':
				set(doc, { notesOpen: action.open });
				return { ok: true };
		}
	});
}
