import { canvasAllowed } from '$lib/canvas/licence';
import { readConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

/**
 * Whether the canvas may mount tldraw on this host (licence.ts). The host is the configured
 * ORIGIN's when one is set (adapter-node builds the URL from it), so a server behind a proxy
 * judges its public address, not the proxy's.
 */
export const load: PageServerLoad = ({ url }) => {
	const key = readConfig().tldrawLicenseKey;
	return { licenseKey: key, canvasAllowed: canvasAllowed(key, url.hostname) };
};
