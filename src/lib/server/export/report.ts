import type { RequestEvent } from '@sveltejs/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { tablesOf, type DB } from '../db';
import type { Membership, Workshop } from '../services/workshops';
import { buildReportModel, type ReportModel } from '$lib/report/model';
import { boardRoom } from '$lib/workshop/rooms';
import type * as Y from 'yjs';
import { redactPatientData } from '$lib/workshop/patient-data';

/**
 * The server side of every report export: the workshop's members and board read once, the
 * model built for the viewer, and the download headers. Renderers get only the model.
 */

/** `?include=flagged`: the viewer confirmed on the export page that flagged text may go out. */
export const includeFlagged = (url: URL): boolean => url.searchParams.get('include') === 'flagged';

export async function reportModelOf(
	db: DB,
	board: Y.Doc,
	workshop: Workshop,
	viewer: Membership,
	options: { includeFlagged: boolean }
): Promise<ReportModel> {
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
	return buildReportModel({
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
		viewer: viewer.role,
		options
	});
}

/** The model for the request's viewer (access already checked by exportAccessOrFailure). */
export async function reportModelFor(
	event: RequestEvent,
	access: { workshop: Workshop; membership: Membership }
): Promise<ReportModel> {
	const { db, realtime } = event.locals.app;
	const board = await realtime.readDoc(boardRoom(access.workshop.id));
	return reportModelOf(db, board, access.workshop, access.membership, {
		includeFlagged: includeFlagged(event.url)
	});
}

/**
 * "Oskar 83 – Hälso…" → "oskar-83-halso…": an ASCII file name every system accepts. A number
 * the patient-data guard finds is left out: a file name travels further than its content.
 */
export function fileSlug(title: string): string {
	const slug = redactPatientData(title, () => ' ')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return slug || 'workshop';
}

/** A download response: `samskapa-<title>-<day>.<ext>`, never cached (it may hold care notes). */
export function download(
	body: Uint8Array | string,
	type: string,
	workshop: Pick<Workshop, 'title'>,
	ext: string,
	now = new Date()
): Response {
	const name = `samskapa-${fileSlug(workshop.title)}-${now.toISOString().slice(0, 10)}.${ext}`;
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
