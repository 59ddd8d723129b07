import { error } from '@sveltejs/kit';
import { errorText } from '$lib/errors';
import type { Cluster } from '.';

/**
 * For a route outside the workshop paths the proxy hashes (the dashboard, a series page) that
 * edits a workshop's board: waits until this process serves the workshop, or answers 503
 * while another process does (the holder is asked to hand it over).
 */
export async function serveWorkshop(app: { cluster: Cluster | null }, workshopId: string) {
	if (!app.cluster || (await app.cluster.affinity.admit(workshopId))) return;
	error(503, errorText('error_cluster_elsewhere'));
}
