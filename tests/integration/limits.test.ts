/**
 * The realtime server's limits against the real process: no request kills it, presence is
 * the server's, one socket cannot stall or bloat it, and no limit costs an honest client data.
 */
import { connect as netConnect } from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { facilitatorWithWorkshop, participant, type Joined } from '../helpers/api.ts';
import { removeTempDirs, rssOf, startServer, type TestServer } from '../helpers/server.ts';
import {
	closed,
	firstMessage,
	openAccepted,
	openRaw,
	syncStep1Message,
	updateMessage
} from '../helpers/ws.ts';
import {
	authorOf,
	connect,
	waitFor,
	waitForAwareness,
	waitForNote,
	type YClient
} from '../helpers/yclient.ts';

let server: TestServer;
let fac: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let pia: Joined;
let olle: Joined;
const clients: YClient[] = [];

function track(client: YClient): YClient {
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	fac = await facilitatorWithWorkshop(server.url, 'Gränser');
	pia = await participant(server.url, fac.links.participant.code, 'Pia Persson', {
		profession: 'lakare',
		organisation: 'region'
	});
	olle = await participant(server.url, fac.links.participant.code, 'Olle');
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** The process is alive and answers HTTP. */
async function alive(target = server) {
	expect(target.proc.exitCode).toBeNull();
	expect((await fetch(`${target.url}/healthz`)).status).toBe(200);
}

/** Resolves once the server prints a chunk containing `text` (from now on). */
function printed(text: string, target = server): Promise<void> {
	return new Promise((resolve) => {
		const onData = (chunk: Buffer) => {
			if (!chunk.toString().includes(text)) return;
			target.proc.stdout!.off('data', onData);
			target.proc.stderr!.off('data', onData);
			resolve();
		};
		target.proc.stdout!.on('data', onData);
		target.proc.stderr!.on('data', onData);
	});
}

/** Sends raw bytes over TCP; resolves with what came back once the server closed. */
function rawHttp(port: number, request: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = netConnect(port, '127.0.0.1', () => socket.write(request));
		let response = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => (response += chunk));
		socket.once('close', () => resolve(response));
		socket.once('error', reject);
	});
}

/** A y-websocket awareness message with hand-made entries (state is the raw JSON text). */
function awarenessMessage(entries: { id: number; clock: number; state: string }[]): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, entries.length);
	for (const { id, clock, state } of entries) {
		encoding.writeVarUint(inner, id);
		encoding.writeVarUint(inner, clock);
		encoding.writeVarString(inner, state);
	}
	const outer = encoding.createEncoder();
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
	return encoding.toUint8Array(outer);
}

function states(client: YClient) {
	return client.provider.awareness.getStates() as Map<number, Record<string, unknown>>;
}

describe('no request kills the process', () => {
	it('answers an upgrade to `http://[` with 400 and keeps serving', async () => {
		const response = await rawHttp(
			server.port,
			'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
				'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
		);
		expect(response).toMatch(/^HTTP\/1\.1 400/);
		await alive();
	});

	it('answers garbage request lines and broken upgrades without dying', async () => {
		const requests = [
			'GET http://[/ws/x HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
			'GET /ws/%E0%A4%A HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
			'GET /ws/w/x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
				'Origin: http://[\r\nCookie: samskapa_session=%\r\n\r\n',
			'\u0000\u0001\u0002 garbage\r\n\r\n'
		];
		for (const request of requests) {
			expect(await rawHttp(server.port, request)).toMatch(/^HTTP\/1\.1 4\d\d/);
		}
		await alive();
	});
});

describe('presence is the server’s', () => {
	let watcher: YClient;
	let honest: YClient;
	let attacker: WebSocket;
	const attackerId = 987_654_321;
	let clock = 0;

	/** Sends `message` from the attacker, then a marker; resolves once the watcher saw the marker. */
	async function sendThenMark(message: Uint8Array) {
		attacker.send(message);
		const marker = ++clock;
		attacker.send(awarenessMessage([{ id: attackerId, clock: marker, state: `{"m":${marker}}` }]));
		await waitForAwareness(watcher.provider, (s) => s.m === marker);
	}

	beforeAll(async () => {
		watcher = track(
			connect(server.wsUrl, `w/${fac.workshop.id}`, { cookie: fac.api.cookieHeader() })
		);
		honest = track(connect(server.wsUrl, olle.room, { token: olle.wsToken }));
		await Promise.all([watcher.synced, honest.synced]);
		honest.provider.awareness.setLocalStateField('user', { name: 'Olle' });
		await waitForAwareness(watcher.provider, (s) => (s.user as { name?: string })?.name === 'Olle');
		attacker = await openAccepted(server.wsUrl, pia.room, { token: pia.wsToken });
		await firstMessage(attacker);
	});

	it('rewrites name, role and profession from the membership (a forged facilitator)', async () => {
		await sendThenMark(
			awarenessMessage([
				{
					id: attackerId,
					clock: ++clock,
					state: JSON.stringify({
						user: { membershipId: fac.user.id, name: 'Chefen', role: 'facilitator' }
					})
				}
			])
		);
		expect(states(watcher).get(attackerId)?.user).toEqual({
			membershipId: pia.membershipId,
			name: 'Pia Persson',
			profession: 'lakare',
			organisation: 'region',
			role: 'participant'
		});
	});

	it('refuses a state nested 100,000 levels deep, and one over 4 KiB', async () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		await sendThenMark(awarenessMessage([{ id: 5001, clock: 1, state: `{"d":${deep}}` }]));
		await sendThenMark(
			awarenessMessage([{ id: 5002, clock: 1, state: JSON.stringify({ big: 'x'.repeat(5000) }) }])
		);
		expect(states(watcher).has(5001)).toBe(false);
		expect(states(watcher).has(5002)).toBe(false);
	});

	it('refuses setting or removing another socket’s client id', async () => {
		const olleId = honest.doc.clientID;
		const olleClock = honest.provider.awareness.meta.get(olleId)!.clock;
		await sendThenMark(
			awarenessMessage([
				{ id: olleId, clock: olleClock + 5, state: JSON.stringify({ user: { name: 'Hacked' } }) }
			])
		);
		await sendThenMark(awarenessMessage([{ id: olleId, clock: olleClock + 10, state: 'null' }]));
		expect((states(watcher).get(olleId)?.user as { name: string }).name).toBe('Olle');
	});

	it('keeps at most 4 states per socket (8,000 ghosts refused)', async () => {
		const ghosts = Array.from({ length: 8000 }, (_, i) => ({
			id: 100_000 + i,
			clock: 1,
			state: '{}'
		}));
		await sendThenMark(awarenessMessage(ghosts));
		const fromAttacker = [...states(watcher).values()].filter(
			(s) => (s.user as { membershipId?: string } | undefined)?.membershipId === pia.membershipId
		);
		expect(fromAttacker.length).toBeLessThanOrEqual(4);
		expect(states(watcher).size).toBeLessThanOrEqual(4 + 2);
	});

	it('lets a later joiner open the board after the attacker left', async () => {
		const gone = closed(attacker);
		attacker.close();
		await gone;
		const late = track(connect(server.wsUrl, olle.room, { token: olle.wsToken }));
		await late.synced;
		await waitForAwareness(late.provider, (s) => (s.user as { name?: string })?.name === 'Olle');
		for (const state of states(late).values()) {
			expect(JSON.stringify(state).length).toBeLessThan(1000);
		}
		await alive();
	});

	it('shows the stand-in “Anonym” and no membership id in an anonymous workshop', async () => {
		const settings = `/api/workshops/${fac.workshop.id}/settings`;
		expect((await fac.api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
		try {
			honest.provider.awareness.setLocalStateField('user', { name: 'Olle igen' });
			await waitForAwareness(
				watcher.provider,
				(s) => (s.user as { name?: string })?.name === 'Anonym'
			);
			const user = states(watcher).get(honest.doc.clientID)?.user as Record<string, string>;
			expect(user.name).toBe('Anonym');
			expect(JSON.stringify(user)).not.toContain(olle.membershipId);
			expect(JSON.stringify(user)).not.toContain('kommun');
		} finally {
			await fac.api.request('PATCH', settings, { anonymous: false });
		}
	});
});

describe('honest clients never lose data to a limit', () => {
	it('a stock WebsocketProvider writing 500 notes in one burst gets every one stored', async () => {
		const writer = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await writer.synced;
		const texts = Array.from({ length: 500 }, (_, i) => `skur ${i}`);
		for (const text of texts) addNote(writer.doc, { text, author: authorOf(pia, 'Pia Persson') });
		// A fresh client reads what the server holds.
		const reader = track(connect(server.wsUrl, olle.room, { token: olle.wsToken }));
		await reader.synced;
		const burst = (d: Y.Doc) => listNotes(d).filter((n) => n.text.startsWith('skur ')).length;
		await waitFor(reader.doc, (d) => burst(d) === 500, {
			timeoutMs: 30_000,
			message: '500 burst notes'
		});
		expect(writer.closes).toEqual([]);
		const exported = await fac.api.exportJson(fac.workshop.id);
		expect(exported.notes.filter((n) => n.text.startsWith('skur ')).length).toBe(500);
	});

	it('a client with 3,000 notes made offline (over 1 MiB) uploads them all', async () => {
		const doc = new Y.Doc();
		const texts = Array.from({ length: 3000 }, (_, i) => `offline ${i} ${'x'.repeat(400)}`);
		for (const text of texts) addNote(doc, { text, author: authorOf(pia, 'Pia Persson') });
		expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(1024 * 1024);
		const writer = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }, { doc }));
		await writer.synced;
		const reader = track(connect(server.wsUrl, olle.room, { token: olle.wsToken }));
		await reader.synced;
		await waitFor(
			reader.doc,
			(d) => listNotes(d).filter((n) => n.text.startsWith('offline ')).length === 3000,
			{
				timeoutMs: 30_000,
				message: '3,000 offline notes'
			}
		);
		expect(writer.closes).toEqual([]);
	});
});

describe('one socket cannot stall or bloat the server', () => {
	it('drops a socket that asks for the whole board again and again without reading', async () => {
		const before = (await rssOf(server.proc.pid!)) ?? 0;
		const ws = await openAccepted(server.wsUrl, olle.room, { token: olle.wsToken });
		await firstMessage(ws);
		// The board is over 1 MiB now: 200 answers would be 200+ MiB if buffered.
		const socket = (ws as unknown as { _socket: import('node:net').Socket })._socket;
		let received = 0;
		socket.on('data', (chunk: Buffer) => (received += chunk.length));
		socket.pause();
		const dropped = printed('does not read');
		const message = syncStep1Message();
		for (let i = 0; i < 200; i++) ws.send(message);
		await dropped;
		const after = (await rssOf(server.proc.pid!)) ?? 0;
		const end = closed(ws, 30_000);
		socket.resume();
		await end;
		console.log(
			`[limits] non-reading socket: received ${(received / 2 ** 20).toFixed(1)} MiB before the drop; ` +
				`server RSS ${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MiB`
		);
		expect(received).toBeLessThan(40 * 2 ** 20);
		expect(after - before).toBeLessThan(150 * 2 ** 20);
		await alive();
	});

	it('merges presence broadcasts: 30 sockets announcing at once cost far fewer than 30² sends', async () => {
		const members = await Promise.all(
			['P1', 'P2', 'P3'].map((name) => participant(server.url, fac.links.participant.code, name))
		);
		const sockets = await Promise.all(
			members.flatMap((m) =>
				Array.from({ length: 10 }, () => openAccepted(server.wsUrl, m.room, { token: m.wsToken }))
			)
		);
		await Promise.all(sockets.map((ws) => firstMessage(ws)));
		const ids = sockets.map((_, i) => 700_000 + i);
		let received = 0;
		const everyoneSeen = sockets.map(
			(ws) =>
				new Promise<void>((resolve) => {
					const seen = new Set<number>();
					ws.on('message', (data: Buffer) => {
						if (data[0] !== 1) return;
						received++;
						for (const id of ids) if (data.includes(`"n":${id},`)) seen.add(id);
						if (seen.size === ids.length) resolve();
					});
				})
		);
		sockets.forEach((ws, i) =>
			ws.send(awarenessMessage([{ id: ids[i]!, clock: 1, state: `{"n":${ids[i]}}` }]))
		);
		await Promise.all(everyoneSeen);
		console.log(
			`[limits] 30 presence announcements reached 30 sockets in ${received} messages (unmerged: 900)`
		);
		expect(received).toBeLessThan(450);
		await Promise.all(
			sockets.map((ws) => {
				const done = closed(ws);
				ws.close();
				return done;
			})
		);
	});

	it('keeps out, for a minute, a member whose socket keeps sending refused writes', async () => {
		const rex = await participant(server.url, fac.links.participant.code, 'Rex');
		for (let i = 0; i < 5; i++) {
			const ws = await openAccepted(server.wsUrl, rex.room, { token: rex.wsToken });
			await firstMessage(ws);
			const forged = new Y.Doc();
			forged.getMap('evil').set('x', i);
			const done = closed(ws);
			ws.send(updateMessage(Y.encodeStateAsUpdate(forged)));
			expect((await done).code).toBe(4403);
		}
		const refused = await openRaw(server.wsUrl, rex.room, { token: rex.wsToken });
		expect(refused.ok ? 0 : refused.status).toBe(429);
		expect(refused.ok ? '' : refused.body).toContain('refused writes');
		// Others of the same workshop are not affected.
		const ok = await openAccepted(server.wsUrl, olle.room, { token: olle.wsToken });
		const done = closed(ok);
		ok.close();
		await done;
	});

	it('caps sockets per membership with HTTP 429', async () => {
		const max = await participant(server.url, fac.links.participant.code, 'Max');
		const open: WebSocket[] = [];
		try {
			for (let i = 0; i < 10; i++) {
				open.push(await openAccepted(server.wsUrl, max.room, { token: max.wsToken }));
			}
			const refused = await openRaw(server.wsUrl, max.room, { token: max.wsToken });
			expect(refused.ok).toBe(false);
			expect(refused.ok ? 0 : refused.status).toBe(429);
			expect(refused.ok ? '' : refused.body).toContain('too many connections');
		} finally {
			await Promise.all(
				open.map((ws) => {
					const done = closed(ws);
					ws.close();
					return done;
				})
			);
		}
	});
});

describe('HTTP timeouts', () => {
	let slow: TestServer;

	beforeAll(async () => {
		slow = await startServer({
			env: {
				HTTP_HEADERS_TIMEOUT_MS: '500',
				HTTP_REQUEST_TIMEOUT_MS: '1000',
				WS_SOCKETS_PER_ADDRESS: '3'
			}
		});
	});
	afterAll(() => slow?.stop());

	it('closes connections that send half a header, or nothing, within the timeouts', async () => {
		const start = performance.now();
		const halfHeader = (port: number) =>
			new Promise<number>((resolve, reject) => {
				const socket = netConnect(port, '127.0.0.1', () =>
					socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
				);
				socket.on('data', () => {});
				socket.once('close', () => resolve(performance.now() - start));
				socket.once('error', reject);
			});
		const silent = (port: number) =>
			new Promise<number>((resolve, reject) => {
				const socket = netConnect(port, '127.0.0.1');
				socket.on('data', () => {});
				socket.once('close', () => resolve(performance.now() - start));
				socket.once('error', reject);
			});
		const times = await Promise.all([
			...Array.from({ length: 5 }, () => halfHeader(slow.port)),
			silent(slow.port),
			silent(slow.port)
		]);
		console.log(
			`[limits] slow connections closed after ${times.map((t) => t.toFixed(0)).join(', ')} ms`
		);
		for (const t of times.slice(0, 5)) expect(t).toBeLessThan(500 + 1_500);
		for (const t of times.slice(5)) expect(t).toBeLessThan(1000 + 1_500);
		await alive(slow);
	});

	it('caps sockets per client address with HTTP 429', async () => {
		const f = await facilitatorWithWorkshop(slow.url, 'Adresser');
		const members = await Promise.all(
			['A', 'B'].map((name) => participant(slow.url, f.links.participant.code, name))
		);
		const open: WebSocket[] = [];
		try {
			for (const m of [...members, members[0]!]) {
				open.push(await openAccepted(slow.wsUrl, m.room, { token: m.wsToken }));
			}
			const refused = await openRaw(slow.wsUrl, members[1]!.room, { token: members[1]!.wsToken });
			expect(refused.ok ? 0 : refused.status).toBe(429);
		} finally {
			for (const ws of open) ws.terminate();
		}
	});
});

describe('logs', () => {
	it('never carry raw user text: a root map named with a newline forges no line', async () => {
		const ws = await openAccepted(server.wsUrl, pia.room, { token: pia.wsToken });
		await firstMessage(ws);
		const doc = new Y.Doc();
		doc.getMap('evil\n[realtime] FORGED by a participant').set('x', 1);
		const logged = printed('refused a write');
		const done = closed(ws);
		ws.send(updateMessage(Y.encodeStateAsUpdate(doc)));
		expect((await done).code).toBe(4403);
		await logged;
		const lines = server.output().split('\n');
		expect(lines.filter((line) => line.startsWith('[realtime] FORGED'))).toEqual([]);
		// The judge names the rule it applied, never the text the update carried.
		expect(lines.filter((line) => line.includes('FORGED'))).toEqual([]);
		expect(lines.some((line) => line.includes('refused a write'))).toBe(true);
	});
});

describe('notes still flow', () => {
	it('between two honest clients after everything above', async () => {
		const a = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		const b = track(connect(server.wsUrl, olle.room, { token: olle.wsToken }));
		await Promise.all([a.synced, b.synced]);
		addNote(a.doc, { text: 'fortfarande här', author: authorOf(pia, 'Pia Persson') });
		await waitForNote(b.doc, 'fortfarande här');
		await alive();
	});
});
