import { error } from '@sveltejs/kit';
import { errorText } from '$lib/errors';
import type { Cluster } from '.';

/**
 * For a route outside the workshop paths the proxy hashes (the dashboard, a series page) that
 * edits a workshop's board: goes on when this process serves the workshop (taking it if it is
 * free), or answers 503 while another process does. The holder is not asked to hand it over:
 * the proxy sends this route anywhere, and a live workshop must stay where its people are.
 */
export async function serveWorkshop(app: { cluster: Cluster | null }, workshopId: string) {
	if (!app.cluster || (await app.cluster.affinity.admit(workshopId, { ask: false }))) return;
	error(503, errorText('error_cluster_elsewhere'));
}
