/**
 * The bare reference Yjs WebSocket server for tests/bench/fanout.ts: @y/websocket-server
 * 0.1.1's `setupWSConnection` behind a `ws` WebSocketServer, no auth, no persistence
 * (YPERSISTENCE must stay unset). Spawned as its own process by the benchmark.
 *
 *   PORT=0 HOST=127.0.0.1 node tests/bench/reference-server.ts
 */
import { createServer } from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

if (process.env.YPERSISTENCE) {
	console.error('[reference] YPERSISTENCE is set; the reference must run without persistence');
	process.exit(1);
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' });
	res.end('okay');
});

wss.on('connection', (ws, req) => setupWSConnection(ws, req, { gc: true }));
server.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

const host = process.env.HOST ?? '127.0.0.1';
server.listen(Number(process.env.PORT ?? 0), host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	console.log(`[reference] listening on http://${host}:${port}`);
});

process.on('SIGTERM', () => {
	wss.close();
	server.closeAllConnections();
	server.close(() => process.exit(0));
});
