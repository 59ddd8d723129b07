/**
 * Real y-websocket clients in Node, the way an outside client uses the documented contract:
 * `new WebsocketProvider(ws://host/ws, room, doc, { WebSocketPolyfill, params: { token } })`.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { listNotes, type NoteAuthor } from '../../src/lib/workshop/doc.ts';

export type Credentials = { token: string } | { cookie: string } | Record<string, never>;

export interface YClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Resolves when the first sync with the server completed; rejects on refusal or timeout. */
	synced: Promise<void>;
	/** Close codes of every connection this provider saw end (1006: no close frame; 0: closed locally). */
	closes: number[];
	destroy(): void;
}

/** A `ws` WebSocket that sends a Cookie header, as a browser would. */
export function cookieWebSocket(cookie: string) {
	return class CookieWebSocket extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
	};
}

export function connect(
	wsUrl: string,
	room: string,
	credentials: Credentials,
	options: {
		timeoutMs?: number;
		doc?: Y.Doc;
		maxBackoffTime?: number;
		/** false: publish no presence (awareness) state of this client. */
		presence?: boolean;
	} = {}
): YClient {
	const doc = options.doc ?? new Y.Doc();
	const params: Record<string, string> = 'token' in credentials ? { token: credentials.token } : {};
	const polyfill = 'cookie' in credentials ? cookieWebSocket(credentials.cookie) : WebSocket;
	// Every WebsocketProvider in Node adds a process 'exit' listener; many clients are expected.
	process.setMaxListeners(Math.max(process.getMaxListeners(), process.listenerCount('exit') + 11));
	const provider = new WebsocketProvider(wsUrl, room, doc, {
		WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
		params,
		// Clients in one process must only talk through the server, never through a
		// BroadcastChannel between them.
		disableBc: true,
		maxBackoffTime: options.maxBackoffTime ?? 1000
	});
	// Before the socket opens, so not even the initial presence is sent.
	if (options.presence === false) provider.awareness.setLocalState(null);
	const closes: number[] = [];
	provider.on('connection-close', (event) => {
		closes.push((event as { code?: number } | null)?.code ?? 0);
	});
	const timeoutMs = options.timeoutMs ?? 10_000;
	let timer: NodeJS.Timeout | undefined;
	const synced = new Promise<void>((resolve, reject) => {
		if (provider.synced) {
			resolve();
			return;
		}
		timer = setTimeout(
			() =>
				reject(
					new Error(
						`${room}: not synced within ${timeoutMs} ms (closes so far: ${JSON.stringify(closes)})`
					)
				),
			timeoutMs
		);
		provider.on('sync', (isSynced: boolean) => {
			if (isSynced) {
				clearTimeout(timer);
				resolve();
			}
		});
		provider.on('closed', (event: { code: number; reason: string }) => {
			clearTimeout(timer);
			reject(new Error(`${room}: server closed the connection: ${event.code} ${event.reason}`));
		});
	});
	// Callers that never await `synced` must not see an unhandled rejection.
	synced.catch(() => {});
	return {
		doc,
		provider,
		synced,
		closes,
		destroy() {
			clearTimeout(timer);
			provider.destroy();
			doc.destroy();
		}
	};
}

/**
 * Resolves once `predicate(doc)` holds, checking now and after every update of the document.
 * Fails after `timeoutMs` with `message` (and the predicate's last state, when it gives one).
 */
export function waitFor(
	doc: Y.Doc,
	predicate: (doc: Y.Doc) => boolean,
	{ timeoutMs = 10_000, message = 'condition' }: { timeoutMs?: number; message?: string } = {}
): Promise<void> {
	return new Promise((resolve, reject) => {
		if (predicate(doc)) {
			resolve();
			return;
		}
		const onUpdate = () => {
			if (predicate(doc)) {
				cleanup();
				resolve();
			}
		};
		const timer = setTimeout(() => {
			cleanup();
			reject(
				new Error(
					`timed out after ${timeoutMs} ms waiting for ${message} (doc has ${listNotes(doc).length} notes)`
				)
			);
		}, timeoutMs);
		function cleanup() {
			clearTimeout(timer);
			doc.off('update', onUpdate);
		}
		doc.on('update', onUpdate);
	});
}

/** The texts of all notes, in the document's stable order. */
export function noteTexts(doc: Y.Doc): string[] {
	return listNotes(doc).map((n) => n.text);
}

export function hasNoteText(doc: Y.Doc, text: string): boolean {
	return listNotes(doc).some((n) => n.text === text);
}

/** Waits until the document holds a note with exactly this text. */
export function waitForNote(doc: Y.Doc, text: string, timeoutMs?: number): Promise<void> {
	return waitFor(doc, (d) => hasNoteText(d, text), { timeoutMs, message: `note "${text}"` });
}

/** The note author fields for a joined member. */
export function authorOf(
	member: { membershipId: string },
	name: string,
	profession = 'sjukskoterska',
	organisation = 'kommun'
): NoteAuthor {
	return { id: member.membershipId, name, profession, organisation };
}

/** Waits for the provider's next connection status (or returns at once if it already is). */
export function waitForStatus(
	provider: WebsocketProvider,
	status: 'connected' | 'disconnected',
	timeoutMs = 10_000
): Promise<void> {
	if ((status === 'connected') === provider.wsconnected) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			provider.off('status', onStatus);
			reject(new Error(`provider of ${provider.roomname} not ${status} within ${timeoutMs} ms`));
		}, timeoutMs);
		const onStatus = (event: { status: string }) => {
			if (event.status !== status) return;
			clearTimeout(timer);
			provider.off('status', onStatus);
			resolve();
		};
		provider.on('status', onStatus);
	});
}

/** Waits for the provider's next completed sync (or returns at once if it is synced). */
export function waitForSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			provider.off('sync', onSync);
			reject(new Error(`provider of ${provider.roomname} not synced within ${timeoutMs} ms`));
		}, timeoutMs);
		const onSync = (isSynced: boolean) => {
			if (!isSynced) return;
			clearTimeout(timer);
			provider.off('sync', onSync);
			resolve();
		};
		provider.on('sync', onSync);
	});
}

/**
 * Waits until some other client's awareness state seen by `provider` satisfies `predicate`
 * (checked on every awareness change). Awareness is
 * relayed by the server in the order it reads a socket, so seeing a marker another client set
 * proves the server has processed everything that client sent before it.
 */
export function waitForAwareness(
	provider: WebsocketProvider,
	predicate: (state: Record<string, unknown>) => boolean,
	timeoutMs = 10_000
): Promise<void> {
	const awareness = provider.awareness;
	const holds = () =>
		[...awareness.getStates().entries()].some(
			([id, state]) => id !== awareness.clientID && predicate(state)
		);
	if (holds()) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			awareness.off('change', onChange);
			reject(new Error(`awareness condition not met within ${timeoutMs} ms`));
		}, timeoutMs);
		const onChange = () => {
			if (!holds()) return;
			clearTimeout(timer);
			awareness.off('change', onChange);
			resolve();
		};
		awareness.on('change', onChange);
	});
}

/** Resolves with the code of the next connection close this provider sees. */
export function nextClose(provider: WebsocketProvider, timeoutMs = 10_000): Promise<number> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			provider.off('connection-close', onClose);
			reject(new Error(`no connection close within ${timeoutMs} ms`));
		}, timeoutMs);
		function onClose(event: unknown) {
			clearTimeout(timer);
			provider.off('connection-close', onClose);
			resolve((event as { code?: number } | null)?.code ?? 0);
		}
		provider.on('connection-close', onClose);
	});
}
