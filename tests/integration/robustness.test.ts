import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, listNotes, NOTE_TEXT_MAX } from '../../src/lib/workshop/doc.ts';
import { facilitatorWithWorkshop, participant, type Joined } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import {
	authorOf,
	connect,
	noteTexts,
	waitFor,
	waitForAwareness,
	waitForNote,
	type YClient
} from '../helpers/yclient.ts';

const MAX_PAYLOAD = 65_536;

let server: TestServer;
let fac: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let writerMember: Joined;
let victim: Joined;
let writer: YClient;
let reader: YClient;
let counter = 0;

beforeAll(async () => {
	// The 40-client presence test below opens every socket as one member.
	server = await startServer({
		env: { WS_MAX_PAYLOAD: String(MAX_PAYLOAD), WS_SOCKETS_PER_MEMBER: '64' }
	});
	fac = await facilitatorWithWorkshop(server.url, 'Robusthet');
	writerMember = await participant(server.url, fac.links.participant.code, 'Wilma');
	const readerMember = await participant(server.url, fac.links.participant.code, 'Rut');
	victim = await participant(server.url, fac.links.participant.code, 'Vera');
	writer = connect(server.wsUrl, writerMember.room, { token: writerMember.wsToken });
	reader = connect(server.wsUrl, readerMember.room, { token: readerMember.wsToken });
	await Promise.all([writer.synced, reader.synced]);
});

afterAll(async () => {
	writer?.destroy();
	reader?.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** The well-behaved clients still sync a fresh note through the server. */
async function stillServing() {
	const text = `still serving ${++counter}`;
	addNote(writer.doc, { text, author: authorOf(writerMember, 'Wilma') });
	await waitForNote(reader.doc, text);
	expect(noteTexts(reader.doc)).toContain(text);
	expect([...writer.closes, ...reader.closes]).toEqual([]);
	expect(server.proc.exitCode).toBeNull();
}

/** A raw socket of a participant, already greeted by the server (its sync step 1). */
async function victimSocket() {
	const ws = await openAccepted(server.wsUrl, victim.room, { token: victim.wsToken });
	await firstMessage(ws);
	return ws;
}

describe('malformed and abusive messages cost only the sender its socket', () => {
	it('closes with 4400 on an unknown message type', async () => {
		const ws = await victimSocket();
		const done = closed(ws);
		ws.send(Uint8Array.of(7, 1, 2));
		expect((await done).code).toBe(4400);
		await stillServing();
	});

	it('closes with 4400 on a truncated sync message', async () => {
		const ws = await victimSocket();
		const done = closed(ws);
		// sync step 1 announcing 5 bytes of state vector and carrying 1
		ws.send(Uint8Array.of(0, 0, 5, 1));
		expect((await done).code).toBe(4400);
		await stillServing();
	});

	it('closes with 4400 on a well-framed update whose payload is not a Yjs update', async () => {
		const ws = await victimSocket();
		const done = closed(ws);
		ws.send(updateMessage(Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)));
		expect((await done).code).toBe(4400);
		await stillServing();
		// The board is intact: every note is readable and every one is a real note.
		for (const note of listNotes(reader.doc)) expect(note.text).toMatch(/^still serving \d+$/);
	});

	it('closes with 4400 on a text frame', async () => {
		const ws = await victimSocket();
		const done = closed(ws);
		ws.send('{"type":"update"}');
		expect((await done).code).toBe(4400);
		await stillServing();
	});

	it(`closes with 1009 on a message over WS_MAX_PAYLOAD (${MAX_PAYLOAD} bytes)`, async () => {
		const ws = await victimSocket();
		const done = closed(ws);
		ws.send(Buffer.alloc(MAX_PAYLOAD + 4096, 1));
		expect((await done).code).toBe(1009);
		await stillServing();
	});

	it('still accepts a legitimate update just under WS_MAX_PAYLOAD', async () => {
		// 25 full-length notes in one transaction: one update of about 50 KB.
		const big: string[] = [];
		writer.doc.transact(() => {
			for (let i = 0; i < 25; i++) {
				const text = `${i}`.padStart(4, '0') + ' ' + 'x'.repeat(NOTE_TEXT_MAX - 5);
				big.push(text);
				addNote(writer.doc, { text, author: authorOf(writerMember, 'Wilma') });
			}
		});
		const size = updateMessage(Y.encodeStateAsUpdate(writer.doc)).byteLength;
		expect(size).toBeLessThan(MAX_PAYLOAD);
		expect(size).toBeGreaterThan(50_000);
		await waitFor(reader.doc, (d) => big.every((t) => noteTexts(d).includes(t)), {
			message: 'the 25 long notes'
		});
		await stillServing();
	});

	it('slows a socket that floods past the rate limit instead of closing it', async () => {
		const ws = await victimSocket();
		// The server's own sync step 1 carries its state vector: each answer is only what is new
		// (a step 1 answered with the whole board costs more, by the answer's size).
		const message = await firstMessage(ws);
		// Five seconds' worth at 200 a second, sent at once: every one is answered, in time.
		const n = 1000;
		const answered = new Promise<number>((resolve, reject) => {
			let count = 0;
			ws.on('message', (data: Buffer) => {
				// sync step 2 (the answer to each step 1)
				if (data[0] === 0 && data[1] === 1 && ++count === n) resolve(performance.now());
			});
			ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
		});
		const start = performance.now();
		for (let i = 0; i < n; i++) ws.send(message);
		const elapsed = (await answered) - start;
		// Back-pressure, not a free pass: the burst took seconds to be read.
		expect(elapsed).toBeGreaterThan(2_000);
		ws.close();
		await stillServing();
	});
});

describe('note text', () => {
	it('stores markup as plain text, verbatim, and exports it as a string', async () => {
		const text = '<script>alert(1)</script>';
		const fancy = `<img src=x onerror="alert('x')"> & "quotes" — åäö`;
		addNote(writer.doc, { text, author: authorOf(writerMember, 'Wilma') });
		addNote(writer.doc, { text: fancy, author: authorOf(writerMember, 'Wilma') });
		await waitForNote(reader.doc, fancy);
		expect(noteTexts(reader.doc)).toContain(text);

		const exported = await fac.api.exportJson(fac.workshop.id);
		const script = exported.notes.find((n) => n.text === text);
		expect(script).toBeDefined();
		expect(typeof script!.text).toBe('string');
		expect(exported.notes.find((n) => n.text === fancy)?.text).toBe(fancy);
	});
});

describe('presence in a full room', () => {
	it('keeps 40 well-behaved clients connected when everyone updates presence at once', async () => {
		// y-websocket clients re-send every awareness update they receive (their own and
		// everyone else's), so one simultaneous presence change in a room of N sends about N
		// awareness messages per socket within a second. That must not trip the rate limit.
		const n = 40;
		const many = Array.from({ length: n }, () =>
			connect(server.wsUrl, writerMember.room, { token: writerMember.wsToken })
		);
		try {
			await Promise.all(many.map((c) => c.synced));
			many.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `P${i}` }));
			const named = (c: YClient) =>
				[...c.provider.awareness.getStates().values()].filter((s) => 'user' in s).length;
			const seeEveryone = await Promise.allSettled(
				many.map((c) => waitForAwareness(c.provider, () => named(c) === n, 5_000))
			);
			const text = 'alla ser detta';
			addNote(writer.doc, { text, author: authorOf(writerMember, 'Wilma') });
			const received = await Promise.allSettled(many.map((c) => waitForNote(c.doc, text, 5_000)));
			// Close codes first (code → how many sockets): they say why a client missed out.
			const closes: Record<number, number> = {};
			for (const code of many.flatMap((c) => c.closes)) closes[code] = (closes[code] ?? 0) + 1;
			expect(closes).toEqual({});
			expect(seeEveryone.filter((r) => r.status === 'fulfilled')).toHaveLength(n);
			expect(received.filter((r) => r.status === 'fulfilled')).toHaveLength(n);
		} finally {
			for (const c of many) c.destroy();
		}
	});
});
