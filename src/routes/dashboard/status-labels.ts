import { m } from '$lib/paraglide/messages';
import type { WorkshopStatus } from '$lib/workshop/status';

/** The dashboard's words for a status (planerad, pågår, avslutad, arkiverad). */
export function statusLabel(status: WorkshopStatus): string {
	switch (status) {
		case 'planned':
			return m.home_status_planned();
		case 'running':
			return m.home_status_running();
		case 'closed':
			return m.home_status_closed();
		case 'archived':
			return m.home_status_archived();
	}
}
