import type { RequestEvent } from '@sveltejs/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { tablesOf } from '../db';
import type { Membership, Workshop } from '../services/workshops';
import { buildReportModel, type ReportInput, type ReportModel } from '$lib/report/model';
import { boardRoom } from '$lib/workshop/rooms';
import { includeFlagged } from './report';

/**
 * The server side of the data exports (CSV, XLSX, Markdown, print view): the workshop's
 * members and board read once and the report model built for the viewer. Access is checked
 * before (exportAccessOrFailure). As report.ts's reportModelFor, but the spreadsheets also
 * need the input (the board) for their row per insight; downloads go through report.ts's
 * `download`.
 */
export async function reportInputFor(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	access: { workshop: Workshop; membership: Membership }
): Promise<ReportInput> {
	const { db, realtime } = event.locals.app;
	const { workshop } = access;
	const { memberships } = tablesOf(db);
	const members = await db
		.select()
		.from(memberships)
		// Who took part: not someone removed by a facilitator or still waiting to be let in.
		.where(
			and(
				eq(memberships.workshopId, workshop.id),
				inArray(memberships.status, ['admitted', 'left'])
			)
		)
		.orderBy(memberships.createdAt);
	const board = await realtime.readDoc(boardRoom(workshop.id));
	return {
		workshop: {
			title: workshop.title,
			purpose: workshop.purpose,
			date: workshop.date,
			anonymous: workshop.anonymous
		},
		facilitators: members.filter((m) => m.role === 'facilitator').map((m) => m.displayName),
		members: members.map((m) => ({
			id: m.id,
			role: m.role,
			displayName: m.displayName,
			profession: m.profession,
			organisation: m.organisation
		})),
		board,
		viewer: access.membership.role,
		options: { includeFlagged: includeFlagged(event.url) }
	};
}

export async function reportFor(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	access: { workshop: Workshop; membership: Membership }
): Promise<{ input: ReportInput; model: ReportModel }> {
	const input = await reportInputFor(event, access);
	return { input, model: buildReportModel(input) };
}
