import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { memberships } from '../db/schema';
import type { Membership, Workshop } from '../services/workshops';
import { buildReportModel, type ReportInput, type ReportModel } from '$lib/report/model';
import { boardRoom } from '$lib/workshop/rooms';

/**
 * The server side of the data exports (CSV, XLSX, Markdown, print view): the workshop's
 * members and board read once and the report model built for the viewer. Access is checked
 * before (exportAccessOrFailure). The same reading as the report helper's Word/PowerPoint
 * exports; kept separate so each can change without the other.
 */
export function reportInputFor(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	access: { workshop: Workshop; membership: Membership }
): ReportInput {
	const { db, realtime } = event.locals.app;
	const { workshop } = access;
	const members = db
		.select()
		.from(memberships)
		.where(eq(memberships.workshopId, workshop.id))
		.orderBy(memberships.createdAt)
		.all();
	return {
		workshop: {
			title: workshop.title,
			purpose: workshop.purpose,
			date: workshop.date,
			anonymous: workshop.anonymous
		},
		facilitators: members.filter((m) => m.role === 'facilitator').map((m) => m.displayName),
		members: members.map((m) => ({
			role: m.role,
			displayName: m.displayName,
			profession: m.profession,
			organisation: m.organisation
		})),
		board: realtime.readDoc(boardRoom(workshop.id)),
		viewer: access.membership.role,
		// `?include=flagged`: the viewer confirmed that flagged text may go out.
		options: { includeFlagged: event.url.searchParams.get('include') === 'flagged' }
	};
}

export function reportFor(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	access: { workshop: Workshop; membership: Membership }
): { input: ReportInput; model: ReportModel } {
	const input = reportInputFor(event, access);
	return { input, model: buildReportModel(input) };
}

/** "Oskar 83 – Hälso…" → "oskar-83-halso…": an ASCII file name every system accepts. */
export function fileName(workshop: Workshop, ext: string, now = new Date()): string {
	const slug =
		workshop.title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'workshop';
	return `samskapa-${slug}-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** A download, never cached (it may hold care notes). */
export function download(body: Uint8Array | string, type: string, name: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
