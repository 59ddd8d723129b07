/**
 * Attacker findings, 4: presence is relayed to every socket of the room, so one membership's
 * ten sockets, each announcing four large states 50 times a second, made the server send
 * every member about 1.2 MB/s of presence (measured with the probe: 1,206,811 B/s per honest
 * reader, 2.3 KB/s without the flood). Presence now has a budget per membership, all its
 * sockets together (presence.ts, 8 KiB and 20 changes a second): the excess is dropped,
 * nobody is closed, and other members' presence still arrives.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted } from '../helpers/ws.ts';
import { connect, waitForAwareness } from '../helpers/yclient.ts';

const run = serverPerFile();
const { track } = run;

/**
 * What an honest member may receive of presence per second while one membership floods:
 * a room of 30 browsers of the app announces about 250 bytes per member and renews it every
 * 15 s (0.5 KB/s); this leaves four times one membership's budget on top.
 */
const BOUND_BYTES_PER_SECOND = 32 * 1024;
const FLOOD_MS = 5_000;

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

describe('attack: a presence flood from one membership', () => {
	it('costs an honest member a bounded number of bytes a second, and honest presence still arrives', async () => {
		const { links } = await facilitatorWithWorkshop(run.server.url);
		const code = links.participant.code;
		const [hanna, ivar, mallory] = [
			await participant(run.server.url, code, 'Hanna'),
			await participant(run.server.url, code, 'Ivar'),
			await participant(run.server.url, code, 'Mallory')
		];
		const reader = track(connect(run.server.wsUrl, hanna.room, { token: hanna.wsToken }));
		const mover = track(connect(run.server.wsUrl, ivar.room, { token: ivar.wsToken }));
		await Promise.all([reader.synced, mover.synced]);
		const sockets: WebSocket[] = [];
		for (let s = 0; s < 10; s++) {
			sockets.push(await openAccepted(run.server.wsUrl, mallory.room, { token: mallory.wsToken }));
			run.sockets.push(sockets.at(-1)!);
		}
		let presenceBytes = 0;
		// The provider's socket delivers ArrayBuffers (binaryType 'arraybuffer').
		(reader.provider.ws as unknown as WebSocket).on('message', (data: ArrayBuffer | Buffer) => {
			if (new Uint8Array(data)[0] === 1) presenceBytes += data.byteLength;
		});
		// Seven fields of 200 characters: the largest state the gate lets through, four per socket.
		const state = JSON.stringify(
			Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`f${i}`, 'x'.repeat(200)]))
		);
		let clock = 0;
		const flood = setInterval(() => {
			clock++;
			sockets.forEach((ws, s) =>
				ws.send(
					awarenessMessage([1, 2, 3, 4].map((k) => ({ id: 900_000 + s * 10 + k, clock, state })))
				)
			);
		}, 20);
		// Honest presence meanwhile: Ivar's cursor moves ten times a second.
		let cursor = 0;
		const moving = setInterval(
			() => mover.provider.awareness.setLocalStateField('cursor', ++cursor),
			100
		);
		const started = performance.now();
		await new Promise((resolve) => setTimeout(resolve, FLOOD_MS));
		clearInterval(flood);
		clearInterval(moving);
		const last = cursor;
		// Ivar's last cursor arrives: the flood cannot crowd out another member.
		await waitForAwareness(reader.provider, (s) => s.cursor === last, 5_000);
		const seconds = (performance.now() - started) / 1000;
		const perSecond = presenceBytes / seconds;
		console.log(
			`[presence] honest member received ${Math.round(perSecond)} B/s of presence during the flood`
		);
		expect(perSecond).toBeLessThan(BOUND_BYTES_PER_SECOND);
		// Presence is disposable: the excess is dropped, nobody is closed for it.
		expect(sockets.every((ws) => ws.readyState === ws.OPEN)).toBe(true);
		expect(reader.closes).toEqual([]);
		expect(mover.closes).toEqual([]);
	}, 60_000);
});
