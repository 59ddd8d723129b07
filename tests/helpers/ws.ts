/**
 * Raw WebSocket helpers for what a y-websocket provider hides: the HTTP status of a refused
 * upgrade, close codes, and hand-made (or malformed) protocol messages.
 */
import type { IncomingMessage } from 'node:http';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Credentials } from './yclient.ts';

/** Messages each raw socket received so far, recorded from the moment it was created. */
const received = new WeakMap<WebSocket, Buffer[]>();

/** Every message a raw socket has received so far (the live array). */
export const receivedMessages = (ws: WebSocket): Buffer[] => received.get(ws) ?? [];

export type Upgrade = { ok: true; ws: WebSocket } | { ok: false; status: number; body: string };

export function roomUrl(wsUrl: string, room: string, credentials: Credentials = {}): string {
	const url = new URL(`${wsUrl}/${room}`);
	if ('token' in credentials) url.searchParams.set('token', credentials.token);
	return url.href;
}

/** Opens a raw socket; resolves with the open socket or the refused upgrade's HTTP status. */
export function openRaw(
	wsUrl: string,
	room: string,
	credentials: Credentials = {},
	timeoutMs = 10_000
): Promise<Upgrade> {
	const headers = 'cookie' in credentials ? { cookie: credentials.cookie } : undefined;
	const ws = new WebSocket(roomUrl(wsUrl, room, credentials), { headers });
	const messages: Buffer[] = [];
	received.set(ws, messages);
	ws.on('message', (data: Buffer) => messages.push(data));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			ws.terminate();
			reject(new Error(`upgrade to ${room} neither opened nor was refused in ${timeoutMs} ms`));
		}, timeoutMs);
		ws.once('open', () => {
			clearTimeout(timer);
			resolve({ ok: true, ws });
		});
		// With this listener, ws leaves the refused request to us: read the body, then drop it.
		ws.once('unexpected-response', (req, res: IncomingMessage) => {
			clearTimeout(timer);
			let body = '';
			const done = () => {
				resolve({ ok: false, status: res.statusCode ?? 0, body });
				req.destroy();
			};
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.once('end', done);
			res.once('error', done);
		});
		ws.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

/** Opens a raw socket that must be accepted. */
export async function openAccepted(
	wsUrl: string,
	room: string,
	credentials: Credentials
): Promise<WebSocket> {
	const result = await openRaw(wsUrl, room, credentials);
	if (!result.ok) throw new Error(`upgrade to ${room} refused: ${result.status} ${result.body}`);
	return result.ws;
}

/** The HTTP status of an upgrade that must be refused (fails when it opens instead). */
export async function refusedStatus(
	wsUrl: string,
	room: string,
	credentials: Credentials
): Promise<number> {
	const result = await openRaw(wsUrl, room, credentials);
	if (result.ok) {
		result.ws.terminate();
		throw new Error(`upgrade to ${room} was accepted but should have been refused`);
	}
	return result.status;
}

/** Resolves with the close code and reason, or fails after `timeoutMs`. */
export function closed(
	ws: WebSocket,
	timeoutMs = 10_000
): Promise<{ code: number; reason: string }> {
	if (ws.readyState === WebSocket.CLOSED) {
		return Promise.reject(new Error('socket already closed before anyone listened'));
	}
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			ws.terminate();
			reject(new Error(`socket not closed by the server within ${timeoutMs} ms`));
		}, timeoutMs);
		// Errors (e.g. a reset after the close frame) end in 'close' too.
		ws.on('error', () => {});
		ws.once('close', (code, reason) => {
			clearTimeout(timer);
			resolve({ code, reason: reason.toString() });
		});
	});
}

/** Waits for the first message (the server's sync step 1 after accepting a socket). */
export function firstMessage(ws: WebSocket, timeoutMs = 10_000): Promise<Buffer> {
	const early = received.get(ws)?.[0];
	if (early) return Promise.resolve(early);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`no message within ${timeoutMs} ms`)),
			timeoutMs
		);
		ws.once('message', (data: Buffer) => {
			clearTimeout(timer);
			resolve(data);
		});
	});
}

/** A well-formed y-websocket sync step 1 (what every client sends first). */
export function syncStep1Message(doc = new Y.Doc()): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

/** A well-formed y-websocket update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}
