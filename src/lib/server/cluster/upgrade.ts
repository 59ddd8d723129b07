import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CLOSE_TRY_AGAIN } from '../realtime/protocol';
import type { WorkshopAffinity } from './affinity';
import { hashedByProxy, workshopOfPath } from './paths';

type Upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/**
 * The WebSocket upgrade behind room affinity: a socket for a workshop this process cannot
 * serve is accepted only to be closed with 1013, which the stock y-websocket client (and
 * src/lib/realtime/recovery.ts) reconnects after; 4400–4499 would stop it for good.
 */
export function affinityUpgrade(affinity: WorkshopAffinity, upgrade: Upgrade): Upgrade {
	const refuser = new WebSocketServer({ noServer: true });
	return (req, socket, head) => {
		let path: string;
		try {
			path = new URL(req.url ?? '/', 'http://localhost').pathname;
		} catch {
			return upgrade(req, socket, head);
		}
		const workshopId = workshopOfPath(path);
		// Anything else is refused or passed on by the realtime server itself.
		if (!workshopId) return upgrade(req, socket, head);
		// The raw path, as the proxy hashed it (URL resolves `..` and the like).
		const raw = (req.url ?? '/').split('?')[0]!;
		affinity.admit(workshopId, { ask: hashedByProxy(raw, workshopId) }).then(
			(ok) => {
				if (socket.destroyed) return;
				if (ok) {
					if (!upgrade(req, socket, head)) socket.destroy();
					return;
				}
				refuser.handleUpgrade(req, socket, head, (ws) =>
					ws.close(CLOSE_TRY_AGAIN, 'served by another process, try again')
				);
			},
			(error: unknown) => {
				console.error('[cluster] upgrade failed', error);
				socket.destroy();
			}
		);
		return true;
	};
}
