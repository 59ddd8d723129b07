import type { RequestEvent } from '@sveltejs/kit';
import { memberOrFailure, isFailure } from '../services/api';
import { exportDownloads } from '../services/limits';
import { workshopSwitches } from '../services/switches';
import { failure, type Failure } from '../services/outcome';
import { getWorkshop, type Membership, type Workshop } from '../services/workshops';

export interface ExportAccess {
	membership: Membership;
	workshop: Workshop;
}

/**
 * Who may download a workshop's reports and exports: its facilitators and observers, and its
 * participants when a facilitator has allowed it (`participantsMayExport`). Every export route
 * asks this first; 401/403/404 otherwise.
 */
export async function exportAccessOrFailure(
	event: RequestEvent,
	workshopId: string
): Promise<ExportAccess | Failure> {
	const membership = await memberOrFailure(event, workshopId);
	if (isFailure(membership)) return membership;
	const row = await getWorkshop(event.locals.app.db, workshopId);
	if (!row) return failure(404, 'not_found');
	// The switches as the board has them now (a facilitator may just have changed them).
	const workshop = { ...row, ...(await workshopSwitches(event.locals.app, workshopId)) };
	if (membership.role === 'participant' && !workshop.participantsMayExport) {
		return failure(403, 'export_not_allowed');
	}
	return { membership, workshop };
}

export const mayExport = (role: Membership['role'], workshop: Workshop): boolean =>
	role !== 'participant' || workshop.participantsMayExport;

/**
 * exportAccessOrFailure for a download (every export route, and the print view): also counts
 * it against the membership's EXPORT_RATE_LIMIT, 429 `rate_limited` past it.
 */
export async function exportDownloadOrFailure(
	event: RequestEvent,
	workshopId: string
): Promise<ExportAccess | Failure> {
	const access = await exportAccessOrFailure(event, workshopId);
	if (isFailure(access)) return access;
	if (!(await exportDownloads.take(access.membership.id))) return failure(429, 'rate_limited');
	return access;
}
