import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import {
	authorOf,
	connect,
	noteTexts,
	waitForNote,
	type YClient
} from '../../../../tests/helpers/yclient';
import { openHooks } from '../../../../tests/helpers/open-hooks';
import { openSqliteStore } from '../db/sqlite';
import type { DocLog } from './doc-store';
import type { Feature } from './hooks';
import { encodeUpdate } from './protocol';
import { RealtimeServer } from './server';

/**
 * A real SQLite doc log whose answers wait for the test, as PostgreSQL's arrive later: each
 * append and load is done on the real store at once, and its promise resolves only when the
 * test releases it. Neither Yjs nor the database is mocked.
 */
class SlowDocLog implements DocLog {
	loads = 0;
	readonly held: Array<{ docName: string; release: () => void }> = [];
	#waiting: Array<() => void> = [];

	constructor(private readonly real: DocLog) {}

	#hold<T>(docName: string, value: T): Promise<T> {
		return new Promise<T>((resolve) => {
			this.held.push({ docName, release: () => resolve(value) });
			for (const wake of this.#waiting.splice(0)) wake();
		});
	}

	/** Resolves once `count` answers are held. */
	async holding(count: number) {
		while (this.held.length < count) await new Promise<void>((w) => this.#waiting.push(w));
	}

	append(docName: string, update: Uint8Array) {
		return this.#hold(docName, this.real.append(docName, update) as number);
	}

	loadInto(docName: string, doc: Y.Doc) {
		this.loads++;
		return this.#hold(docName, this.real.loadInto(docName, doc) as number);
	}

	compact(docName: string, state: Uint8Array, lastId: number) {
		return this.real.compact(docName, state, lastId);
	}
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

async function start(features: Feature[] = []) {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-async-store-'));
	const store = openSqliteStore(join(dir, 'test.db'));
	const docs = new SlowDocLog(store.docs);
	const realtime = new RealtimeServer(docs, openHooks(features), { maxPayload: 1 << 20 });
	const http: Server = createServer();
	/** The server side of each upgraded TCP connection, in order. */
	const sockets: Socket[] = [];
	http.on('upgrade', (req, socket: Socket, head) => {
		sockets.push(socket);
		if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const port = (http.address() as AddressInfo).port;
	cleanups.push(() => {
		for (const { release } of docs.held.splice(0)) release();
		void realtime.close();
		http.close();
		store.sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	});
	const client = (token: string) => {
		const c = connect(url, 'doc', { token });
		cleanups.push(() => c.destroy());
		return c;
	};
	const url = `ws://127.0.0.1:${port}/ws`;
	return { docs, store, realtime, client, sockets, url };
}

/** The socket is open: the server accepted it (it takes the room in the same step). */
function opened(c: YClient) {
	return new Promise<void>((resolve) => {
		if (c.provider.wsconnected) resolve();
		else c.provider.on('status', (e: { status: string }) => e.status === 'connected' && resolve());
	});
}

/** A ping answered: everything the server sent before has been received and handled. */
function roundTrip(c: YClient) {
	const ws = c.provider.ws as unknown as WebSocket;
	return new Promise<void>((resolve) => {
		ws.once('pong', () => resolve());
		ws.ping();
	});
}

/** Note texts in the order `doc` received them. */
function arrivals(doc: Y.Doc) {
	const seen: string[] = [];
	doc.on('afterTransaction', () => {
		for (const text of noteTexts(doc)) if (!seen.includes(text)) seen.push(text);
	});
	return seen;
}

const note = (c: YClient, text: string) =>
	addNote(c.doc, { text, author: authorOf({ membershipId: 'a' }, 'A') });

async function synced(docs: SlowDocLog, ...clients: YClient[]) {
	await docs.holding(1);
	docs.held.shift()!.release();
	await Promise.all(clients.map((c) => c.synced));
}

describe('a room on an asynchronous store', () => {
	it('loads a room two sockets open at once only once, and keeps what they sent meanwhile', async () => {
		const { docs, client } = await start();
		const a = client('a');
		const b = client('b');
		// Both sockets are in and sent their sync step 1 while the room was loading.
		await Promise.all([opened(a), opened(b)]);
		expect(docs.loads).toBe(1);
		docs.held.shift()!.release();
		await Promise.all([a.synced, b.synced]);
		expect(docs.loads).toBe(1);
	});

	it('shows another client an update only once its append resolved, in acceptance order', async () => {
		const { docs, client } = await start();
		const a = client('a');
		const b = client('b');
		await synced(docs, a, b);
		const seen = arrivals(b.doc);
		note(a, 'första');
		note(a, 'andra');
		await docs.holding(2);
		const [first, second] = docs.held.splice(0, 2);
		await roundTrip(b);
		expect(noteTexts(b.doc)).toEqual([]);
		// The later append resolves first: still nothing may overtake the earlier one.
		second!.release();
		await roundTrip(b);
		expect(noteTexts(b.doc)).toEqual([]);
		first!.release();
		await waitForNote(b.doc, 'andra');
		expect(seen).toEqual(['första', 'andra']);
	});

	it("never answers a newcomer's sync step 1 with an update that is not stored yet", async () => {
		const { docs, client } = await start();
		const a = client('a');
		await synced(docs, a);
		note(a, 'ej lagrad');
		await docs.holding(1);
		const pending = docs.held.shift()!;
		const c = client('c');
		await opened(c);
		await roundTrip(c);
		// Connected and answered the server's own step 1, but its step 2 waits for the append.
		expect(noteTexts(c.doc)).toEqual([]);
		expect(c.provider.synced).toBe(false);
		pending.release();
		await c.synced;
		expect(noteTexts(c.doc)).toEqual(['ej lagrad']);
	});

	it('stores whatever writes to a room while it loads: a note sent meanwhile, a server edit, a feature’s onLoad', async () => {
		const server = (doc: Y.Doc, text: string) =>
			addNote(doc, { text, author: authorOf({ membershipId: 's' }, 'S') });
		const { docs, store, realtime, client } = await start([
			{ name: 'writes on load', onLoad: (_name, doc) => void server(doc, 'vid laddningen') }
		]);
		const a = client('a');
		await opened(a);
		await docs.holding(1);
		// Sent while the room's load is in flight: kept by the socket, replayed once it is loaded.
		note(a, 'skickad under laddningen');
		await roundTrip(a);
		const edited = realtime.edit('doc', (doc) => server(doc, 'serverns ändring'));
		docs.held.shift()!.release();
		const expected = ['vid laddningen', 'skickad under laddningen', 'serverns ändring'];
		await docs.holding(3);
		for (const { release } of docs.held.splice(0)) release();
		await edited;
		await waitForNote(a.doc, 'serverns ändring');
		// The log alone, read into a fresh document, holds all three: nothing written during the
		// load bypassed the append.
		const fromLog = new Y.Doc();
		await store.docs.loadInto('doc', fromLog);
		expect(noteTexts(fromLog).sort()).toEqual([...expected].sort());
		expect(noteTexts(a.doc).sort()).toEqual([...expected].sort());
	});

	it('stops reading a socket that writes past a bound while its room loads, and loses none of it', async () => {
		const { docs, store, sockets, url } = await start();
		const raw = new WebSocket(`${url}/doc?token=a`);
		cleanups.push(() => raw.terminate());
		await once(raw, 'open');
		await docs.holding(1);
		const server = sockets[0]!;
		const paused = once(server, 'pause');
		// 16 MiB of updates sent while the board loads (on PostgreSQL, a big board takes a while):
		// kept in the server's memory whole, a few sockets could fill it.
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (update: Uint8Array) => updates.push(update));
		for (let i = 0; i < 64; i++) writer.getMap('m').set(`k${i}`, 'x'.repeat(256 * 1024));
		for (const update of updates) raw.send(encodeUpdate(update));
		await paused;
		expect(server.bytesRead).toBeLessThan(8 * 1024 * 1024);
		docs.held.shift()!.release();
		// Read again once the room holds it: every update is applied and stored, in order.
		for (let stored = 0; stored < updates.length; stored++) {
			await docs.holding(1);
			docs.held.shift()!.release();
		}
		const fromLog = new Y.Doc();
		await store.docs.loadInto('doc', fromLog);
		expect(fromLog.getMap('m').size).toBe(64);
	});
});
