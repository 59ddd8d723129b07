import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema } from '$lib/workshop/records/declare';
import { tablesOf, type DB } from '../db';
import type { RealtimeServer } from '../realtime/server';
import { refreshIdeaProgress } from '../board/idea-rounds';
import { refreshProgress } from '../board/rounds';

/**
 * The facilitator's view of who takes part (participants and observers): the list with who
 * is online, removing someone, and the admission step ("Godkänn nya deltagare").
 */

interface Deps {
	db: DB;
	realtime: RealtimeServer;
}

export interface Participant {
	membershipId: string;
	/** The name they joined with; null in an anonymous workshop (shown as "Anonym N"). */
	name: string | null;
	/** Their place in the order of joining, from 1: "Anonym N" and stable after a removal. */
	number: number;
	role: 'participant' | 'observer';
	profession: string;
	organisation: string;
	joinedAt: number;
	status: 'waiting' | 'admitted';
	/** An open socket on any document of the workshop now. */
	online: boolean;
}

export const participantActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.enum(['remove', 'admit']), membershipId: idSchema }),
	z.object({ action: z.literal('admission'), required: z.boolean() })
]);
export type ParticipantAction = z.infer<typeof participantActionSchema>;

/** Everyone who joined through a link and is still in the workshop or waiting, oldest first. */
export async function listParticipants(deps: Deps, workshopId: string, anonymous: boolean) {
	const { memberships } = tablesOf(deps.db);
	const rows = await deps.db
		.select()
		.from(memberships)
		.where(and(eq(memberships.workshopId, workshopId), ne(memberships.role, 'facilitator')))
		.orderBy(asc(memberships.createdAt), asc(memberships.id));
	const online = deps.realtime.membersOnline(workshopId);
	const list: Participant[] = [];
	rows.forEach((m, index) => {
		if (m.role === 'facilitator' || (m.status !== 'waiting' && m.status !== 'admitted')) return;
		list.push({
			membershipId: m.id,
			name: anonymous ? null : m.displayName,
			number: index + 1,
			role: m.role,
			profession: m.profession,
			organisation: m.organisation,
			joinedAt: m.createdAt.getTime(),
			status: m.status,
			online: online.has(m.id)
		});
	});
	return list;
}

export type ActionOutcome = { ok: true } | { ok: false; status: 404 | 409; error: string };

/**
 * Carries out a facilitator's action on the participant list. Removing (or refusing a waiting
 * joiner) closes the member's sockets at once and takes their ballots out of every count;
 * admitting lets them in and counts them.
 */
export async function applyParticipantAction(
	deps: Deps,
	workshopId: string,
	action: ParticipantAction
): Promise<ActionOutcome> {
	const { memberships, workshops } = tablesOf(deps.db);
	if (action.action === 'admission') {
		await deps.db
			.update(workshops)
			.set({ admissionRequired: action.required })
			.where(eq(workshops.id, workshopId));
		return { ok: true };
	}
	const [member] = await deps.db
		.select()
		.from(memberships)
		.where(
			and(
				eq(memberships.id, action.membershipId),
				eq(memberships.workshopId, workshopId),
				ne(memberships.role, 'facilitator')
			)
		);
	if (!member || member.status === 'left' || member.status === 'removed') {
		return { ok: false, status: 404, error: 'not_found' };
	}
	if (action.action === 'admit' && member.status !== 'waiting') {
		return { ok: false, status: 409, error: 'conflict' };
	}
	const status = action.action === 'admit' ? 'admitted' : 'removed';
	await deps.db.update(memberships).set({ status }).where(eq(memberships.id, member.id));
	if (status === 'removed') deps.realtime.closeMember(workshopId, member.id);
	await refreshProgress(deps, workshopId);
	await refreshIdeaProgress(deps, workshopId);
	return { ok: true };
}
