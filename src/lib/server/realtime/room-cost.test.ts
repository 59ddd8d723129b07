import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { authorOf, connect, waitForNote } from '../../../../tests/helpers/yclient';
import { closed, firstMessage, openAccepted, updateMessage } from '../../../../tests/helpers/ws';
import { openSqliteStore } from '../db/sqlite';
import { WriteLock } from '../db/write-lock';
import { SqliteDocLog } from './doc-store';
import { encodeUpdate, type Struct } from './judge-bytes';
import { Throttle } from './limits';
import { defaultLimits } from './room';
import { RealtimeServer } from './server';
import { openHooks } from '../../../../tests/helpers/open-hooks';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) cleanup();
	vi.useRealTimers();
});

/** A RealtimeServer on a real HTTP server and SQLite file; everyone may write anything. */
async function start() {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-cost-'));
	const { sqlite } = openSqliteStore(join(dir, 'test.db'));
	const store = new SqliteDocLog(sqlite, new WriteLock());
	const realtime = new RealtimeServer(store, openHooks(), { maxPayload: 1 << 20 });
	const http: Server = createServer();
	http.on('upgrade', (req, socket, head) => {
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
	const rows = () =>
		(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
	return { realtime, rows, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

/** When each of the next `count` sync step 2 answers arrived. */
function answeredTimes(ws: WebSocket, count: number): Promise<number[]> {
	const times: number[] = [];
	return new Promise((resolve) => {
		ws.on('message', (data: Buffer) => {
			if (data[0] === 0 && data[1] === 1 && times.push(Date.now()) === count) resolve(times);
		});
	});
}

/** One value overwritten again and again: each struct tiny, the whole far under 16 MiB. */
function overwrites(count: number): Uint8Array {
	const structs: Struct[] = [{ parent: 'm', parentSub: 'k', content: { any: [0] } }];
	for (let i = 1; i < count; i++) structs.push({ origin: [7, i - 1], content: { any: [i] } });
	return encodeUpdate([{ client: 7, clock: 0, structs }]);
}

describe('what one update may cost the server', () => {
	it('closes with 1009 an update of more changes than a message may carry; nothing is applied or stored', async () => {
		const { realtime, rows, wsUrl } = await start();
		const honest = connect(wsUrl, 'doc', { token: 'honest' });
		cleanups.push(() => honest.destroy());
		await honest.synced;
		const before = rows();
		const ws = await openAccepted(wsUrl, 'doc', { token: 'attacker' });
		cleanups.push(() => ws.terminate());
		await firstMessage(ws);
		const update = overwrites(defaultLimits.changesPerMessage + 10);
		expect(update.byteLength).toBeLessThan(4 * 1024 * 1024);
		const closing = closed(ws);
		ws.send(updateMessage(update));
		expect(await closing).toEqual({ code: 1009, reason: 'too many changes in one message' });
		expect(realtime.rooms.get('doc')!.doc.getMap('m').has('k')).toBe(false);
		expect(rows()).toBe(before);
		addNote(honest.doc, { text: 'still here', author: authorOf({ membershipId: 'honest' }, 'H') });
		const other = connect(wsUrl, 'doc', { token: 'other' });
		cleanups.push(() => other.destroy());
		await waitForNote(other.doc, 'still here');
	}, 20_000);

	it('takes a large update under the limit whole', async () => {
		const { realtime, wsUrl } = await start();
		const ws: WebSocket = await openAccepted(wsUrl, 'doc', { token: 'a' });
		cleanups.push(() => ws.terminate());
		await firstMessage(ws);
		const room = realtime.rooms.get('doc')!;
		const applied = new Promise((resolve) => room.doc.once('update', resolve));
		ws.send(updateMessage(overwrites(defaultLimits.changesPerMessage / 4)));
		await applied;
		expect(room.doc.getMap('m').get('k')).toBe(defaultLimits.changesPerMessage / 4 - 1);
	}, 20_000);
});

describe('Throttle.charge', () => {
	it('holds back the next sync message until a debt is paid, without dropping it', () => {
		vi.useFakeTimers();
		const paused: string[] = [];
		const ws = { pause: () => paused.push('pause'), resume: () => paused.push('resume') };
		const handled: number[] = [];
		const throttle = new Throttle(ws as never, 10, (data) => handled.push(data[1]!));
		throttle.push(Buffer.from([0, 1]));
		throttle.charge(50);
		throttle.push(Buffer.from([0, 2]));
		// Presence is not held back by it.
		throttle.push(Buffer.from([1, 3]));
		expect(handled).toEqual([1]);
		expect(paused).toEqual(['pause']);
		vi.advanceTimersByTime(4_000);
		expect(handled).toEqual([1]);
		vi.advanceTimersByTime(2_000);
		expect(handled).toEqual([1, 2, 3]);
		expect(paused).toEqual(['pause', 'resume']);
		throttle.stop();
	});
});

describe('sync step 1 on a large board', () => {
	it('charges a socket by the size of the answer: asking again and again is slowed', async () => {
		const { realtime, wsUrl } = await start();
		await realtime.edit('doc', (doc) => {
			for (let i = 0; i < 600; i++) {
				addNote(doc, { text: 'x'.repeat(2000), author: authorOf({ membershipId: 'a' }, 'A') });
			}
		});
		const ws = await openAccepted(wsUrl, 'doc', { token: 'reader' });
		cleanups.push(() => ws.terminate());
		await firstMessage(ws);
		const answers = answeredTimes(ws, 5);
		const ask = new Uint8Array([0, 0, 1, 0]); // sync step 1, empty state vector
		const t0 = Date.now();
		for (let i = 0; i < 5; i++) ws.send(ask);
		const times = await answers;
		// About 1.2 MB each: 150 tokens; 5 answers cannot all come within the first 2 seconds.
		expect(times[4]! - t0).toBeGreaterThan(2_000);
		expect(Y.encodeStateAsUpdate(realtime.rooms.get('doc')!.doc).byteLength).toBeGreaterThan(
			1_200_000
		);
	}, 20_000);
});

describe('sync step 1 with a huge state vector', () => {
	it('charges a socket by the size of what it sent: 1 MiB of made-up clients is slowed', async () => {
		const { wsUrl } = await start();
		const ws = await openAccepted(wsUrl, 'doc', { token: 'sv' });
		cleanups.push(() => ws.terminate());
		await firstMessage(ws);
		// About 200 ms of decoding each on this machine; 200 a second were allowed before.
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 0);
		const sv = encoding.createEncoder();
		encoding.writeVarUint(sv, 100_000);
		for (let i = 0; i < 100_000; i++) {
			encoding.writeVarUint(sv, 2 ** 31 + i);
			encoding.writeVarUint(sv, 2 ** 20);
		}
		encoding.writeVarUint8Array(e, encoding.toUint8Array(sv));
		const ask = encoding.toUint8Array(e);
		expect(ask.byteLength).toBeLessThan(1 << 20);
		const answers = answeredTimes(ws, 3);
		const t0 = Date.now();
		for (let i = 0; i < 3; i++) ws.send(ask);
		const times = await answers;
		// About 900 KB each: over 800 tokens, 4 s of budget per message after the first.
		expect(times[2]! - t0).toBeGreaterThan(4_000);
	}, 30_000);
});
