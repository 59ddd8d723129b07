/**
 * Production entry: one Node process serves the built SvelteKit app (adapter-node's handler)
 * and the Yjs WebSocket endpoint on the same port. Run with `npm run serve` after `npm run build`.
 * Node ≥ 22.18 runs this file directly (type stripping), so it uses erasable TypeScript only.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

interface AppHandle {
	upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	close(): Promise<void>;
}
type Handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => void;

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// Without ORIGIN, adapter-node assumes https; this server speaks plain http unless a proxy
// in front says otherwise, so tell it the truth through a header only this process sets.
const PROTOCOL_HEADER = 'x-samskapa-protocol';
const behindProxy = Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER);
if (!behindProxy) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// A whole workshop file (POST /api/workshops/import, at most 8 MB) must fit in one request;
// adapter-node's own default (512K) would refuse a large workshop before the route could.
// Every other route gets 64 KB from the body-limit hook (src/lib/server/hooks/body-limit.ts).
process.env.BODY_SIZE_LIMIT ??= '8M';

const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const { handler } = (await import(pathToFileURL(`${buildDir}/handler.js`).href)) as {
	handler: Handler;
};
// Importing the handler ran SvelteKit's `init` hook, which created the app (src/lib/server/app.ts).
const app = await (globalThis as unknown as Record<symbol, Promise<AppHandle> | undefined>)[
	Symbol.for('samskapa.app')
];
if (!app) throw new Error('the SvelteKit init hook did not create the app');

/** A positive number of milliseconds from the environment, or the fallback. */
function ms(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}
// Slow or silent connections are dropped: the whole header within headersTimeout, the whole
// request within requestTimeout, an idle keep-alive after keepAliveTimeout. Node checks the
// first two every connectionsCheckingInterval; `timeout` covers a connection that never starts.
const headersTimeout = ms('HTTP_HEADERS_TIMEOUT_MS', 10_000);
const requestTimeout = Math.max(headersTimeout, ms('HTTP_REQUEST_TIMEOUT_MS', 30_000));
const server = createServer(
	{
		headersTimeout,
		requestTimeout,
		keepAliveTimeout: ms('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000),
		connectionsCheckingInterval: Math.min(1_000, Math.ceil(headersTimeout / 4))
	},
	(req, res) => {
		if (!behindProxy) req.headers[PROTOCOL_HEADER] = 'http';
		try {
			handler(req, res);
		} catch (error) {
			console.error('[samskapa] request failed', error);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		}
	}
);
server.timeout = requestTimeout;
server.on('upgrade', (req, socket, head) => {
	// Node hands the socket over without its error listener: a reset while the upgrade is
	// being answered must not become an uncaught 'error'.
	socket.on('error', () => socket.destroy());
	// No request, however malformed, may take the process down.
	try {
		if (!app.upgrade(req, socket, head)) socket.destroy();
	} catch (error) {
		console.error('[samskapa] upgrade failed', error);
		socket.destroy();
	}
});
server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`[samskapa] listening on http://${host}:${actual}`);
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`[samskapa] ${signal}: saving documents and closing the database`);
	server.close();
	server.closeAllConnections();
	try {
		await app?.close();
	} catch (error) {
		console.error('[samskapa] could not save every document', error);
	} finally {
		process.exit(0);
	}
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
