/**
 * Fuzz run against the real server: mutated y-websocket messages (bit flips, truncation,
 * changed length fields, splices of real sync, update and awareness messages) and random
 * bytes from participant sockets, while a probe measures a note's round trip between two
 * honest clients. FUZZ_INPUTS and FUZZ_SEED override the count and the seed.
 */
import * as encoding from 'lib0/encoding';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connect as netConnect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote } from '../../src/lib/workshop/doc.ts';
import { setEmotion } from '../../src/lib/workshop/emotions.ts';
import { updatePersona } from '../../src/lib/workshop/persona.ts';
import { facilitatorWithWorkshop, participant, type Joined } from '../helpers/api.ts';
import { removeTempDirs, rssOf, startServer, type TestServer } from '../helpers/server.ts';
import { syncStep1Message } from '../helpers/ws.ts';
import { authorOf, connect, waitForNote, type YClient } from '../helpers/yclient.ts';

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Participants sending fuzz, each from LANES sockets at a time (under the 10 per member). */
const WORKERS = 3;
const LANES = 6;

let server: TestServer;
let fuzzers: Joined[];
let probeWriter: YClient;
let probeReader: YClient;
let writerMember: Joined;

beforeAll(async () => {
	// The fuzz must reach the judge on every input, not the per-member refusal budget's 429.
	server = await startServer({ env: { WS_REFUSALS_PER_MINUTE: '1000000' } });
	const fac = await facilitatorWithWorkshop(server.url, 'Fuzz');
	writerMember = await participant(server.url, fac.links.participant.code, 'Probe');
	fuzzers = [];
	for (let i = 0; i < WORKERS; i++) {
		fuzzers.push(await participant(server.url, fac.links.participant.code, `Fuzz ${i}`));
	}
	probeWriter = connect(server.wsUrl, writerMember.room, { token: writerMember.wsToken });
	probeReader = connect(server.wsUrl, writerMember.room, { cookie: fac.api.cookieHeader() });
	await Promise.all([probeWriter.synced, probeReader.synced]);
});

afterAll(async () => {
	probeWriter?.destroy();
	probeReader?.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** mulberry32: a small seeded generator, so a failing run can be replayed with FUZZ_SEED. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
	return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** Real messages a participant's client sends: the seeds for mutation. */
function corpus(member: Joined): Uint8Array[] {
	const doc = new Y.Doc();
	const messages: Uint8Array[] = [syncStep1Message(doc), Uint8Array.of(3)];
	doc.on('update', (update: Uint8Array) => {
		messages.push(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
	});
	const author = authorOf(member, 'Fuzz');
	const ids = Array.from({ length: 8 }, (_, i) => addNote(doc, { text: `frö ${i}`, author }));
	editNote(doc, ids[0]!, 'ändrad');
	deleteNote(doc, ids[1]!);
	setEmotion(doc, 'event-1', member.membershipId, 2);
	updatePersona(doc, { name: 'Oskar' });
	messages.push(syncStep1Message(doc));
	messages.push(syncMessage((e) => syncProtocol.writeSyncStep2(e, doc)));
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalStateField('user', { name: 'Fuzz', role: 'participant' });
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(
		encoder,
		awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
	);
	messages.push(encoding.toUint8Array(encoder));
	awareness.destroy();
	return messages;
}

function varUint(value: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, value);
	return encoding.toUint8Array(encoder);
}

/** One fuzz input: a mutation of a real message, or random bytes. */
function mutate(random: Random, seeds: Uint8Array[]): Uint8Array {
	const base = Uint8Array.from(random.pick(seeds));
	switch (random.int(7)) {
		case 0: {
			// bit flips
			for (let i = 1 + random.int(4); i > 0 && base.length > 0; i--) {
				base[random.int(base.length)]! ^= 1 << random.int(8);
			}
			return base;
		}
		case 1:
			// truncation
			return base.subarray(0, random.int(base.length));
		case 2: {
			// a changed length field (the payload length after the message and sync types)
			const at = base[0] === 0 ? 2 : 1;
			const values = [0, 1, 127, 128, base.length, 2 ** 20, 2 ** 31, 2 ** 53 - 1];
			const length = varUint(random.pick(values) + random.int(3));
			return Uint8Array.from([...base.subarray(0, at), ...length, ...base.subarray(at + 1)]);
		}
		case 3: {
			// splice of two real messages
			const other = random.pick(seeds);
			return Uint8Array.from([
				...base.subarray(0, random.int(base.length + 1)),
				...other.subarray(random.int(other.length + 1))
			]);
		}
		case 4: {
			// a run of random bytes written over the message
			const at = random.int(base.length + 1);
			for (let i = at; i < Math.min(base.length, at + 1 + random.int(8)); i++) {
				base[i] = random.int(256);
			}
			return base;
		}
		case 5: {
			// a valid header and random bytes
			const header = random.pick([[0, 0], [0, 1], [0, 2], [1], [3], [0, 3], [2]]);
			const body = Uint8Array.from({ length: random.int(64) }, () => random.int(256));
			return Uint8Array.from([...header, ...varUint(body.length), ...body]);
		}
		default:
			return Uint8Array.from({ length: random.int(200) }, () => random.int(256));
	}
}

/**
 * The sync step 1 sent after each input. Its state vector claims everything the probe has
 * seen, so the answer is small: asking for the whole board each time would measure the
 * board's encoding, not the fuzz.
 */
let ping = syncStep1Message();
function refreshPing() {
	const claimed = new Map<number, number>();
	for (const client of Y.decodeStateVector(Y.encodeStateVector(probeReader.doc)).keys()) {
		claimed.set(client, 2 ** 30);
	}
	ping = syncMessage((e) => {
		encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
		encoding.writeVarUint8Array(e, Y.encodeStateVector(claimed));
	});
}

/** A masked binary WebSocket frame, as a client sends it. */
function frame(payload: Uint8Array): Buffer {
	const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
	const length = payload.length;
	const header =
		length < 126
			? Buffer.from([0x82, 0x80 | length])
			: length < 65_536
				? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 255])
				: Buffer.concat([Buffer.from([0x82, 0x80 | 127]), bigEndian64(length)]);
	const body = Buffer.from(payload);
	for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
	return Buffer.concat([header, mask, body]);
}

function bigEndian64(n: number): Buffer {
	const b = Buffer.alloc(8);
	b.writeBigUInt64BE(BigInt(n));
	return b;
}

type Outcome = { kind: 'answered' } | { kind: 'closed'; code: number };

/**
 * One participant's raw TCP lane: the upgrade request and the first frames go out in one
 * write, and frames are read by hand, so an input costs one connection and no handshake
 * waits. After every input a sync step 1 follows; its answer (a sync step 2) or the server's
 * close says the server has dealt with the input.
 */
class Lane {
	#socket: Socket | null = null;
	#buffer = Buffer.alloc(0);
	#upgraded = false;
	#waiting: ((outcome: Outcome) => void) | null = null;

	constructor(
		private readonly member: Joined,
		private readonly closes: Map<number, number>
	) {}

	send(input: Uint8Array): Promise<Outcome> {
		return new Promise((resolve) => {
			this.#waiting = resolve;
			const frames = Buffer.concat([frame(input), frame(ping)]);
			if (this.#socket) {
				this.#socket.write(frames);
				return;
			}
			const path = `/ws/${this.member.room}?token=${encodeURIComponent(this.member.wsToken)}`;
			const socket = netConnect(server.port, '127.0.0.1');
			this.#socket = socket;
			this.#buffer = Buffer.alloc(0);
			this.#upgraded = false;
			socket.setNoDelay(true);
			socket.write(
				`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
					`Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`
			);
			socket.write(frames);
			socket.on('data', (chunk: Buffer) => this.#read(socket, chunk));
			socket.on('error', () => {});
			socket.once('close', () => this.#end(socket, 1006));
		});
	}

	#end(socket: Socket, code: number) {
		if (this.#socket !== socket) return;
		this.#socket = null;
		socket.destroy();
		this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
		this.#settle({ kind: 'closed', code });
	}

	#settle(outcome: Outcome) {
		const waiting = this.#waiting;
		this.#waiting = null;
		waiting?.(outcome);
	}

	#read(socket: Socket, chunk: Buffer) {
		this.#buffer = Buffer.concat([this.#buffer, chunk]);
		if (!this.#upgraded) {
			const end = this.#buffer.indexOf('\r\n\r\n');
			if (end < 0) return;
			const status = this.#buffer.subarray(0, 12).toString('latin1');
			if (!status.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${status}`);
			this.#upgraded = true;
			this.#buffer = this.#buffer.subarray(end + 4);
		}
		for (;;) {
			if (this.#buffer.length < 2) return;
			const opcode = this.#buffer[0]! & 0x0f;
			let length = this.#buffer[1]! & 0x7f;
			let offset = 2;
			if (length === 126) {
				if (this.#buffer.length < 4) return;
				length = this.#buffer.readUInt16BE(2);
				offset = 4;
			} else if (length === 127) {
				if (this.#buffer.length < 10) return;
				length = Number(this.#buffer.readBigUInt64BE(2));
				offset = 10;
			}
			if (this.#buffer.length < offset + length) return;
			const payload = this.#buffer.subarray(offset, offset + length);
			this.#buffer = this.#buffer.subarray(offset + length);
			if (opcode === 8) {
				this.#end(socket, payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
				return;
			}
			// A sync step 2: the answer to a sync step 1.
			if (opcode === 2 && payload[0] === 0 && payload[1] === 1) this.#settle({ kind: 'answered' });
		}
	}

	/** Starts afresh with the next input (a valid sync step 1 input would be answered twice). */
	reset() {
		const socket = this.#socket;
		this.#socket = null;
		socket?.destroy();
	}
}

async function fuzzLane(
	member: Joined,
	random: Random,
	count: number,
	closes: Map<number, number>
) {
	const seeds = corpus(member);
	const lane = new Lane(member, closes);
	for (let i = 0; i < count; i++) {
		if (i % 50 === 0) refreshPing();
		const input = mutate(random, seeds);
		const outcome = await lane.send(input);
		if (outcome.kind === 'answered' && input[0] === 0 && input[1] === 0) lane.reset();
	}
	lane.reset();
}

/** CPU seconds a process has used (user + system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
	const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe('fuzz', () => {
	it(
		`survives ${INPUTS} mutated and random messages; a probe's round trip stays fast`,
		{
			timeout: 600_000
		},
		async () => {
			console.log(
				`[fuzz] seed ${SEED} (replay with FUZZ_SEED=${SEED}); load ${loadavg()[0]!.toFixed(1)}`
			);
			const rssBefore = await rssOf(server.proc.pid!);
			const cpuBefore = await cpuSeconds(server.proc.pid!);
			const closes = new Map<number, number>();
			let fuzzing = true;
			const roundTrips: number[] = [];
			// One probe note every 20 ms at most (load pacing, like a person typing, not a wait for
			// anything): each awaits its echo on the second client.
			const probe = (async () => {
				for (let i = 0; fuzzing; i++) {
					const text = `probe ${i}`;
					const start = performance.now();
					const pace = new Promise((resolve) => setTimeout(resolve, 20));
					addNote(probeWriter.doc, { text, author: authorOf(writerMember, 'Probe') });
					await waitForNote(probeReader.doc, text, 10_000);
					roundTrips.push(performance.now() - start);
					await pace;
				}
			})();
			const start = performance.now();
			const lanes = fuzzers.flatMap((member) => Array.from({ length: LANES }, () => member));
			const perLane = Math.ceil(INPUTS / lanes.length);
			try {
				await Promise.all(
					lanes.map((member, i) => fuzzLane(member, generator(SEED + i), perLane, closes))
				);
			} finally {
				fuzzing = false;
			}
			await probe;
			const seconds = (performance.now() - start) / 1000;
			const sorted = [...roundTrips].sort((a, b) => a - b);
			const rssAfter = await rssOf(server.proc.pid!);
			const cpu = (await cpuSeconds(server.proc.pid!)) - cpuBefore;
			console.log(
				`[fuzz] ${perLane * lanes.length} inputs in ${seconds.toFixed(1)} s (server CPU ${cpu.toFixed(1)} s); closes by code ` +
					`${JSON.stringify(Object.fromEntries(closes))}; probe round trips: ${sorted.length}, ` +
					`p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
					`max ${sorted.at(-1)?.toFixed(1)} ms; load ${loadavg()[0]!.toFixed(1)}; server RSS ${((rssBefore ?? 0) / 2 ** 20).toFixed(0)} → ` +
					`${((rssAfter ?? 0) / 2 ** 20).toFixed(0)} MiB`
			);

			expect(server.proc.exitCode).toBeNull();
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			expect(sorted.length).toBeGreaterThan(10);
			// The goal is p95 under 100 ms (see the printed figures); the assertion allows for a
			// shared, loaded machine where the fuzzers, the runner and others compete for 2 cores.
			expect(percentile(sorted, 95)).toBeLessThan(500);
			expect(sorted.at(-1)).toBeLessThan(3_000);
			expect(probeWriter.closes).toEqual([]);
			expect(probeReader.closes).toEqual([]);
			// A fresh client still opens the board.
			const late = connect(server.wsUrl, writerMember.room, { token: writerMember.wsToken });
			try {
				await late.synced;
				await waitForNote(late.doc, 'probe 0');
			} finally {
				late.destroy();
			}
		}
	);
});
