import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect as tcp, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addNote } from '$lib/workshop/doc';
import {
	authorOf,
	connect,
	noteTexts,
	waitForNote,
	type YClient
} from '../../../../tests/helpers/yclient';
import { openSqliteStore } from '../db/sqlite';
import { WriteLock } from '../db/write-lock';
import { SqliteDocLog } from './doc-store';
import { RealtimeServer } from './server';
import { openHooks } from '../../../../tests/helpers/open-hooks';

/** A store whose next append fails, as a full disk would. */
class FlakyStore extends SqliteDocLog {
	failNext = false;

	override append(docName: string, update: Uint8Array) {
		if (this.failNext) {
			this.failNext = false;
			throw new Error('disk I/O error');
		}
		return super.append(docName, update);
	}
}

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A RealtimeServer on a real HTTP server and a temporary SQLite file; ?token= names the member. */
async function start(sockets?: { socketsPerAddress: number }) {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-realtime-'));
	const { sqlite } = openSqliteStore(join(dir, 'test.db'));
	const store = new FlakyStore(sqlite, new WriteLock());
	const realtime = new RealtimeServer(store, openHooks(), {
		maxPayload: 1 << 20,
		sockets,
		unloadAfterMs: 0
	});
	const http: Server = createServer();
	/** The server side's writes per upgrade, in order: how many chunks each write handed the kernel. */
	const writes: number[][] = [];
	http.on('upgrade', (req, socket: Socket, head) => {
		const mine: number[] = [];
		writes.push(mine);
		const write = socket._write.bind(socket);
		const writev = socket._writev!.bind(socket);
		socket._write = (chunk, encoding, callback) => (mine.push(1), write(chunk, encoding, callback));
		socket._writev = (chunks, callback) => (mine.push(chunks.length), writev(chunks, callback));
		if (!realtime.handleUpgrade(req, socket, head)) socket.destroy();
	});
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const port = (http.address() as AddressInfo).port;
	cleanups.push(() => {
		void realtime.close();
		http.close();
		sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return { realtime, store, writes, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

describe('rooms are keyed by identity', () => {
	it('a late close of a socket of a dropped room never evicts the live room (no split brain)', async () => {
		const { realtime, store, wsUrl } = await start();
		const track = (c: YClient) => (cleanups.push(() => c.destroy()), c);
		const a = track(connect(wsUrl, 'doc', { token: 'a' }));
		await a.synced;
		// A second socket in the same room that stops reading, so its close comes late.
		const lagging = new WebSocket(`${wsUrl}/doc?token=lag`);
		await new Promise((resolve) => lagging.once('message', resolve));
		(lagging as unknown as { _socket: { pause(): void } })._socket.pause();
		const old = realtime.rooms.get('doc')!;
		let destroyed = 0;
		const lateUnload = new Promise<void>((resolve) => {
			const destroy = old.destroy.bind(old);
			old.destroy = () => {
				destroy();
				if (++destroyed === 2) resolve();
			};
		});

		// The write cannot be stored: the room is dropped, its sockets are closed.
		store.failNext = true;
		addNote(a.doc, { text: 'efter felet', author: authorOf({ membershipId: 'a' }, 'A') });
		const b = track(connect(wsUrl, 'doc', { token: 'b' }));
		await Promise.all([b.synced, waitForNote(b.doc, 'efter felet')]);
		const live = realtime.rooms.get('doc');
		expect(live).not.toBe(old);

		// Now the old room's last socket goes; its unload must not touch the live room.
		lagging.terminate();
		await lateUnload;
		expect(realtime.rooms.get('doc')).toBe(live);
		const c = track(connect(wsUrl, 'doc', { token: 'c' }));
		await c.synced;
		addNote(b.doc, { text: 'alla ser detta', author: authorOf({ membershipId: 'b' }, 'B') });
		await Promise.all([waitForNote(c.doc, 'alla ser detta'), waitForNote(a.doc, 'alla ser detta')]);
		expect(noteTexts(c.doc).sort()).toEqual(['alla ser detta', 'efter felet']);
	});
});

describe('a socket joining a loaded room', () => {
	it('gets the handshake and the room’s first message in one write', async () => {
		const { writes, wsUrl } = await start();
		const track = (c: YClient) => (cleanups.push(() => c.destroy()), c);
		await track(connect(wsUrl, 'doc', { token: 'a' })).synced;
		const raw = new WebSocket(`${wsUrl}/doc?token=b`);
		cleanups.push(() => raw.terminate());
		const first = await new Promise<Buffer>((resolve) => raw.once('message', resolve));
		expect(first[0]).toBe(0);
		// One writev: the handshake, then the sync step 1's frame header and payload.
		expect(writes[1]![0]).toBeGreaterThanOrEqual(3);
	});

	it('answers a handshake ws refuses while the socket is corked, and frees its slot', async () => {
		const { wsUrl } = await start({ socketsPerAddress: 1 });
		const { port } = new URL(wsUrl);
		// Authenticated, then refused by ws itself (an unknown protocol version): its 400 is
		// written inside the cork around handleUpgrade and must still leave, and the socket end.
		const refused = () =>
			new Promise<string>((resolve, reject) => {
				const socket = tcp(Number(port), '127.0.0.1');
				let answer = '';
				socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
				socket.on('end', () => resolve(answer));
				socket.on('error', reject);
				socket.write(
					'GET /ws/doc?token=a HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n' +
						'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
						'Sec-WebSocket-Version: 12\r\n\r\n'
				);
			});
		expect(await refused()).toMatch(/^HTTP\/1\.1 400 /);
		expect(await refused()).toMatch(/^HTTP\/1\.1 400 /);
		// One socket per address: the refused ones hold no slot once gone.
		const c = connect(wsUrl, 'doc', { token: 'a' });
		cleanups.push(() => c.destroy());
		await c.synced;
	});
});
