import { afterAll, describe, expect, it } from 'vitest';
import { addNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import {
	authorOf,
	connect,
	noteTexts,
	waitFor,
	waitForNote,
	waitForStatus,
	type YClient
} from '../helpers/yclient.ts';

const servers: TestServer[] = [];
const clients: YClient[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}) {
	const server = await startServer(options);
	servers.push(server);
	return server;
}

function track(client: YClient) {
	clients.push(client);
	return client;
}

afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of servers) await server.stop();
	await removeTempDirs();
});

describe('persistence', () => {
	it('keeps every note across a clean restart (SIGTERM) on the same database file', async () => {
		const first = await start();
		const fac = await facilitatorWithWorkshop(first.url, 'Omstart');
		const anna = await participant(first.url, fac.links.participant.code, 'Anna');
		const writer = track(connect(first.wsUrl, anna.room, { token: anna.wsToken }));
		const reader = track(
			connect(first.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await Promise.all([writer.synced, reader.synced]);

		const texts = Array.from({ length: 30 }, (_, i) => `Händelse ${i + 1}: blöder`);
		for (const text of texts) addNote(writer.doc, { text, author: authorOf(anna, 'Anna') });
		// Another client has them, so the server has them.
		await waitFor(reader.doc, (d) => listNotes(d).length === texts.length, {
			message: '30 notes on the reader'
		});
		const before = listNotes(writer.doc);
		writer.destroy();
		reader.destroy();

		await first.stop();
		expect(first.proc.exitCode).toBe(0);

		const second = await start({ database: first.database });
		// The token was signed with the secret kept in the database, so it still works.
		const fresh = track(connect(second.wsUrl, anna.room, { token: anna.wsToken }));
		await fresh.synced;
		await waitFor(fresh.doc, (d) => listNotes(d).length === texts.length, {
			message: '30 notes after the restart'
		});
		expect(listNotes(fresh.doc)).toEqual(before);

		const exported = await fac.api.moveTo(second.url).exportJson(fac.workshop.id);
		expect(exported.notes.map((n) => n.text).sort()).toEqual([...texts].sort());
	});

	it('loses no received update on SIGKILL; clients reconnect on the same port and merge offline edits', async () => {
		const server = await start();
		const fac = await facilitatorWithWorkshop(server.url, 'kill -9');
		const [anna, alva, bo] = await Promise.all(
			['Anna', 'Alva', 'Bo'].map((name) =>
				participant(server.url, fac.links.participant.code, name)
			)
		);
		const a = track(connect(server.wsUrl, anna!.room, { token: anna!.wsToken }));
		const a2 = track(connect(server.wsUrl, alva!.room, { token: alva!.wsToken }));
		const b = track(connect(server.wsUrl, bo!.room, { token: bo!.wsToken }));
		await Promise.all([a.synced, a2.synced, b.synced]);

		// A burst of 200 separate updates (one note each). The server allows 200 messages a
		// second per socket, so two writers share the burst instead of one being rate limited.
		const ids = new Set<string>();
		for (let i = 0; i < 100; i++) {
			ids.add(addNote(a.doc, { text: `burst A ${i}`, author: authorOf(anna!, 'Anna') }));
			ids.add(addNote(a2.doc, { text: `burst Alva ${i}`, author: authorOf(alva!, 'Alva') }));
		}
		expect(ids.size).toBe(200);
		await waitFor(b.doc, (d) => listNotes(d).length === 200, {
			timeoutMs: 15_000,
			message: 'client B to receive all 200 notes'
		});
		// Received through the server, without any socket being dropped on the way.
		expect([...a.closes, ...a2.closes, ...b.closes]).toEqual([]);

		await server.kill();
		expect(server.proc.signalCode).toBe('SIGKILL');
		await Promise.all([
			waitForStatus(a.provider, 'disconnected'),
			waitForStatus(b.provider, 'disconnected')
		]);
		a2.destroy();

		// Offline edits on both sides while the server is down.
		const offlineA = 'offline A: hemtjänsten ringer inte tillbaka';
		const offlineB = 'offline B: läkemedelslistan stämmer inte';
		addNote(a.doc, { text: offlineA, author: authorOf(anna!, 'Anna') });
		addNote(b.doc, { text: offlineB, author: authorOf(bo!, 'Bo') });

		// First prove the database alone has every received update: restart on ANOTHER port,
		// where the old clients (still retrying the old port) cannot re-upload their copies.
		const check = await start({ database: server.database });
		expect(check.port).not.toBe(server.port);
		const fresh = track(
			connect(check.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await fresh.synced;
		// Synced: the fresh client holds the server's whole state now.
		const recovered = listNotes(fresh.doc);
		expect(recovered).toHaveLength(200);
		expect(new Set(recovered.map((n) => n.id))).toEqual(ids);
		expect(noteTexts(fresh.doc)).not.toContain(offlineA);
		const checked = await fac.api.moveTo(check.url).exportJson(fac.workshop.id);
		expect(checked.notes).toHaveLength(200);
		fresh.destroy();
		await check.kill();

		// Then restart on the old port: the providers of the killed server reconnect by
		// themselves and merge the edits they made offline.
		const restarted = await start({ database: server.database, port: server.port });
		expect(restarted.port).toBe(server.port);
		await Promise.all([waitForNote(b.doc, offlineA, 15_000), waitForNote(a.doc, offlineB, 15_000)]);

		const c = track(
			connect(restarted.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await c.synced;
		await waitFor(c.doc, (d) => listNotes(d).length === 202, {
			message: '200 burst notes and 2 offline notes on a fresh client'
		});
		expect(noteTexts(c.doc)).toEqual(expect.arrayContaining([offlineA, offlineB]));
		expect(listNotes(c.doc)).toEqual(listNotes(a.doc));
		expect(listNotes(c.doc)).toEqual(listNotes(b.doc));

		const exported = await fac.api.moveTo(restarted.url).exportJson(fac.workshop.id);
		expect(exported.notes).toHaveLength(202);
	});
});
