import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** Message types of the y-websocket protocol. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** WebSocket close codes this server uses (documented in docs/realtime.md). */
export const CLOSE_MALFORMED = 4400;
/** A write the socket's role does not allow (e.g. a participant editing the persona). */
export const CLOSE_FORBIDDEN = 4403;
/** A facilitator removed the socket's member from the workshop; reconnecting is refused (403). */
export { CLOSE_REMOVED } from '$lib/realtime/recovery';
/** A message over its size limit (the same code ws uses for frames over maxSyncPayload). */
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_SERVER_ERROR = 1011;
export const CLOSE_GOING_AWAY = 1001;
/** Another app process serves this workshop (docs/operations.md): clients reconnect after it. */
export const CLOSE_TRY_AGAIN = 1013;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

/**
 * The message every accepted update is broadcast in: written straight into one buffer of its
 * final size (an encoder grows and copies), as the hot path sends one per update.
 */
export function encodeUpdate(update: Uint8Array): Uint8Array {
	let lengthBytes = 1;
	for (let rest = update.byteLength >>> 7; rest > 0; rest >>>= 7) lengthBytes++;
	const message = new Uint8Array(2 + lengthBytes + update.byteLength);
	message[0] = MESSAGE_SYNC;
	message[1] = syncProtocol.messageYjsUpdate;
	let at = 2;
	let rest = update.byteLength;
	while (rest > 0x7f) {
		message[at++] = 0x80 | (rest & 0x7f);
		rest >>>= 7;
	}
	message[at++] = rest;
	message.set(update, at);
	return message;
}

/**
 * Each presence state's JSON text, written once per state: a newcomer is sent every state of
 * the room, so N people joining a room stringified N²/2 states (issue 18, connect CPU). Keyed by
 * the state object, which an Awareness replaces at every change and never alters in place.
 */
const stateTexts = new WeakMap<object, string>();

function stateText(state: unknown): string {
	if (state === null || typeof state !== 'object') return JSON.stringify(state ?? null);
	let text = stateTexts.get(state);
	if (text === undefined) stateTexts.set(state, (text = JSON.stringify(state)));
	return text;
}

/** The awareness message of `clients`' states: what encodeAwarenessUpdate writes, wrapped. */
export function encodeAwareness(awareness: Awareness, clients: number[]) {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, clients.length);
	for (const client of clients) {
		encoding.writeVarUint(update, client);
		encoding.writeVarUint(update, awareness.meta.get(client)!.clock);
		encoding.writeVarString(update, stateText(awareness.states.get(client) ?? null));
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
	return encoding.toUint8Array(encoder);
}

/** A decoded client message. Anything else is malformed. */
export type ClientMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

/** Decodes one message; throws on anything that is not a complete, known message. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(data);
	const type = decoding.readVarUint(decoder);
	let message: ClientMessage;
	if (type === MESSAGE_SYNC) {
		const syncType = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) {
			message = { type: 'sync-step-1', stateVector: payload };
		} else if (
			syncType === syncProtocol.messageYjsSyncStep2 ||
			syncType === syncProtocol.messageYjsUpdate
		) {
			message = { type: 'update', update: payload };
		} else {
			throw new Error(`unknown sync message ${syncType}`);
		}
	} else if (type === MESSAGE_AWARENESS) {
		message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
	} else if (type === MESSAGE_QUERY_AWARENESS) {
		message = { type: 'query-awareness' };
	} else {
		throw new Error(`unknown message type ${type}`);
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
	return message;
}
