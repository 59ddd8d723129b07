import { json, type Handle } from '@sveltejs/kit';
import { errorText } from '$lib/errors';
import { getApp } from '../app';
import { hashedByProxy, workshopOfPath } from '../cluster/paths';

/**
 * Behind a proxy with several app processes (docs/operations.md), a request that reads or
 * writes a workshop's documents is served only by the process holding that workshop: any
 * other answers 503 with Retry-After, and the proxy's next try (or the hand-over) finds it.
 */
export const handleAffinity: Handle = async ({ event, resolve }) => {
	const { cluster } = await getApp();
	if (!cluster) return resolve(event);
	const path = event.url.pathname;
	const workshopId = workshopOfPath(path);
	if (!workshopId) return resolve(event);
	if (await cluster.affinity.admit(workshopId, { ask: hashedByProxy(path, workshopId) })) {
		return resolve(event);
	}
	const headers = {
		'retry-after': String(Math.ceil(cluster.config.leaseMs / 1000)),
		'cache-control': 'no-store'
	};
	const message = errorText('error_cluster_elsewhere');
	if (event.url.pathname.startsWith('/api/')) {
		return json({ error: 'cluster_elsewhere', message }, { status: 503, headers });
	}
	return new Response(message, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
};
