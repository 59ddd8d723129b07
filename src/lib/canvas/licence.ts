/**
 * Whether the canvas may mount tldraw. tldraw runs without a licence key only in development:
 * on any other host it hides the editor after a few seconds and asks tldraw's servers for an
 * image carrying the page's address. So without a key the canvas mounts on a local host only,
 * and elsewhere the page says why and points to the idea list (docs/canvas.md).
 */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '::1' ||
		/^127(\.\d{1,3}){3}$/.test(host)
	);
}

/** The canvas may mount: with a licence key anywhere, without one on a local host alone. */
export function canvasAllowed(licenseKey: string | null, hostname: string): boolean {
	return licenseKey !== null || isLocalHost(hostname);
}
