import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, listNotes } from '../../src/lib/workshop/doc.ts';
import {
	addEvent,
	listEvents,
	listQuestions,
	moveEvent,
	nudgeEvent
} from '../../src/lib/workshop/journey.ts';
import { ApiClient, facilitatorWithWorkshop, linkToken, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { authorOf, connect, waitFor, waitForNote, type YClient } from '../helpers/yclient.ts';
import { query, valuesHolding } from '../helpers/store';

let server: TestServer;
const clients: YClient[] = [];

beforeAll(async () => {
	server = await startServer();
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

function track(client: YClient) {
	clients.push(client);
	return client;
}

const titles = (c: YClient) => listEvents(c.doc).map((e) => e.title);

/** Resolves once both documents hold exactly the same state, checking on every update of either. */
function sameState(x: YClient, y: YClient, timeoutMs = 10_000): Promise<void> {
	const same = () =>
		Buffer.from(Y.encodeStateVector(x.doc)).equals(Buffer.from(Y.encodeStateVector(y.doc)));
	return new Promise((resolve, reject) => {
		const check = () => {
			if (!same()) return;
			done();
			resolve();
		};
		const timer = setTimeout(() => {
			done();
			reject(new Error('the two documents did not converge'));
		}, timeoutMs);
		const done = () => {
			clearTimeout(timer);
			x.doc.off('update', check);
			y.doc.off('update', check);
		};
		x.doc.on('update', check);
		y.doc.on('update', check);
		check();
	});
}

describe('the journey board over the real server', () => {
	it('starts a workshop from the Nära vård template with three events and five questions', async () => {
		const { workshop, api } = await facilitatorWithWorkshop(server.url);
		const f = track(connect(server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
		await f.synced;
		expect(titles(f)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3']);
		expect(listQuestions(f.doc).map((q) => q.text)).toContain(
			'Vad skaver eller utmanar med hur vi jobbar idag?'
		);
	});

	it('converges when two facilitators reorder events while everyone adds notes: none lost or doubled', async () => {
		const { workshop, links, api } = await facilitatorWithWorkshop(server.url);
		const f = track(connect(server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
		// A co-facilitator (own account, through the co-facilitator link) and a participant.
		const coApi = new ApiClient(server.url);
		await coApi.signup({ displayName: 'Cecilia' });
		const cecilia = await coApi.join({
			token: linkToken(links.cofacilitator.url),
			displayName: 'Cecilia'
		});
		expect(cecilia.role).toBe('facilitator');
		const c = track(connect(server.wsUrl, cecilia.room, { token: cecilia.wsToken }));
		const anna = await participant(server.url, links.participant.code, 'Anna');
		const a = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await Promise.all([f.synced, c.synced, a.synced]);
		addEvent(f.doc, { title: 'Händelse 4' });
		await waitFor(c.doc, (d) => listEvents(d).length === 4, { message: 'four events at Cecilia' });

		const [e1, e2, e3, e4] = listEvents(f.doc).map((e) => e.id);
		const question = listQuestions(f.doc)[1]!.id;
		// All act in the same tick, before anyone sees the others.
		moveEvent(f.doc, e4!, 0);
		nudgeEvent(f.doc, e2!, 1);
		moveEvent(c.doc, e1!, 3);
		moveEvent(c.doc, e3!, 0);
		const perSide = 25;
		for (let i = 0; i < perSide; i++) {
			addNote(f.doc, {
				text: `F${i}`,
				eventId: [e1, e2, e3, e4][i % 4]!,
				questionId: question,
				author: authorOf({ membershipId: 'fac' }, 'Facilitator')
			});
			addNote(c.doc, {
				text: `C${i}`,
				eventId: [e2, e1, e4, e3][i % 4]!,
				questionId: question,
				author: authorOf(cecilia, 'Cecilia')
			});
			addNote(a.doc, {
				text: `A${i}`,
				kind: i % 2 ? 'bottennapp' : 'citat',
				eventId: [e4, e3, e2, e1][i % 4]!,
				questionId: question,
				author: authorOf(anna, 'Anna')
			});
		}
		const total = perSide * 3;
		await Promise.all(
			[f, c, a].map((x) =>
				waitFor(x.doc, (d) => listNotes(d).length === total, { message: 'all notes everywhere' })
			)
		);
		await sameState(f, c);
		await sameState(f, a);

		expect(titles(c)).toEqual(titles(f));
		expect(titles(a)).toEqual(titles(f));
		expect([...titles(f)].sort()).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3', 'Händelse 4']);
		const texts = listNotes(f.doc).map((n) => n.text);
		expect(new Set(texts).size).toBe(total);
		expect(listNotes(a.doc)).toEqual(listNotes(f.doc));
		expect(listNotes(c.doc)).toEqual(listNotes(f.doc));
		// Provenance survives the reorder: every note still points at its own event.
		const byText = new Map(listNotes(a.doc).map((n) => [n.text, n.eventId]));
		expect(byText.get('F0')).toBe(e1);
		expect(byText.get('C0')).toBe(e2);
		expect(byText.get('A0')).toBe(e4);

		// A late client gets the same order and every note.
		const late = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await late.synced;
		expect(titles(late)).toEqual(titles(f));
		expect(listNotes(late.doc)).toHaveLength(total);
	});

	it('starts blank from "Tom", refuses an unknown template and another person\'s own template', async () => {
		const api = new ApiClient(server.url);
		await api.signup();
		const blank = await api.createWorkshop({ title: 'Tom', template: 'tom' });
		const c = track(
			connect(server.wsUrl, `w/${blank.workshop.id}`, { cookie: api.cookieHeader() })
		);
		await c.synced;
		expect(listEvents(c.doc)).toEqual([]);
		expect(listQuestions(c.doc)).toEqual([]);

		const unknown = await api.request('POST', '/api/workshops', { title: 'X', template: 'nope' });
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual({
			error: 'validation',
			fields: { template: 'error_template_unknown' }
		});
	});

	it("saves a workshop structure as the facilitator's own template; participants may not", async () => {
		const { workshop, links, api } = await facilitatorWithWorkshop(server.url);
		const f = track(connect(server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
		await f.synced;
		addEvent(f.doc, { title: 'Hemgång', facts: ['Dotter önskar vård hemma'] });
		const anna = await participant(server.url, links.participant.code, 'Anna');
		// The server reads the live document: wait until it has the new event.
		const probe = track(connect(server.wsUrl, anna.room, { token: anna.wsToken }));
		await waitFor(probe.doc, (d) => listEvents(d).length === 4, { message: 'event on server' });

		const refused = await anna.api.request('POST', `/api/workshops/${workshop.id}/templates`, {
			name: 'Min mall'
		});
		expect(refused.status).toBe(403);

		const saved = await api.request<{ template: { id: string; name: string } }>(
			'POST',
			`/api/workshops/${workshop.id}/templates`,
			{ name: 'Hemgångsmall' }
		);
		expect(saved.status).toBe(201);
		const fromTemplate = await api.createWorkshop({
			title: 'Ny',
			template: saved.body.template.id
		});
		const c = track(
			connect(server.wsUrl, `w/${fromTemplate.workshop.id}`, { cookie: api.cookieHeader() })
		);
		await c.synced;
		expect(titles(c)).toEqual(['Händelse 1', 'Händelse 2', 'Händelse 3', 'Hemgång']);
		expect(listEvents(c.doc)[3]!.facts).toEqual(['Dotter önskar vård hemma']);
		expect(listNotes(c.doc)).toEqual([]);

		// Another facilitator cannot start from it.
		const other = new ApiClient(server.url);
		await other.signup();
		const stolen = await other.request('POST', '/api/workshops', {
			title: 'X',
			template: saved.body.template.id
		});
		expect(stolen.status).toBe(400);
	});

	it('anonymity removes names on the server: from existing notes, and from notes written by a browser that has not heard yet', async () => {
		const { workshop, links, api } = await facilitatorWithWorkshop(server.url);
		const f = track(connect(server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
		const pia = await participant(server.url, links.participant.code, 'Pia Persson');
		const hanna = await participant(server.url, links.participant.code, 'Hemliga Hanna');
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		const h = track(connect(server.wsUrl, hanna.room, { token: hanna.wsToken }));
		await Promise.all([f.synced, p.synced, h.synced]);
		const authorNames = (c: YClient) =>
			Object.fromEntries(listNotes(c.doc).map((n) => [n.text, n.authorName]));

		addNote(p.doc, { text: 'före', author: authorOf(pia, 'Pia Persson') });
		await waitForNote(f.doc, 'före');
		expect(authorNames(f)).toEqual({ före: 'Pia Persson' });

		const settings = `/api/workshops/${workshop.id}/settings`;
		expect((await pia.api.request('PATCH', settings, { anonymous: true })).status).toBe(403);
		expect((await api.request('PATCH', settings, { anonymous: 'ja' })).status).toBe(400);
		const on = await api.request('PATCH', settings, { anonymous: true });
		expect(on.status).toBe(200);
		expect(on.body).toEqual({
			settings: { anonymous: true, participantsMayExport: false },
			scrubbed: 1
		});
		for (const c of [f, p, h]) {
			await waitFor(c.doc, () => authorNames(c)['före'] === null, { message: 'name removed' });
		}

		// Hanna's browser has not re-read the setting and still writes her name.
		addNote(h.doc, { text: 'efter', author: authorOf(hanna, 'Hemliga Hanna') });
		for (const c of [f, p, h]) {
			await waitFor(c.doc, () => authorNames(c)['efter'] === null, {
				message: 'note without name everywhere, the writer included'
			});
		}
		// Turning it off again shows names on new notes only.
		expect((await api.request('PATCH', settings, { anonymous: false })).status).toBe(200);
		addNote(p.doc, { text: 'sen', author: authorOf(pia, 'Pia Persson') });
		await waitForNote(f.doc, 'sen');
		expect(authorNames(f)).toEqual({ före: null, efter: null, sen: 'Pia Persson' });

		// On disk: Hanna's name was never stored; Pia's first one was removed with the log
		// that carried it; her last one, written after anonymity ended, is there.
		const room = `w/${workshop.id}`;
		const blobs = [
			...(await query<{ b: Buffer }>(
				server.database,
				'SELECT "update" AS b FROM doc_updates WHERE doc_name = ?',
				[room]
			)),
			...(await query<{ b: Buffer }>(
				server.database,
				'SELECT state AS b FROM doc_snapshots WHERE doc_name = ?',
				[room]
			))
		].map((row) => row.b);
		const stored = (name: string) => blobs.filter((b) => b.includes(name)).length;
		expect(stored('Hemliga Hanna')).toBe(0);
		expect(stored('Pia Persson')).toBeGreaterThan(0);

		if (server.database.store === 'postgres') {
			// PostgreSQL's files are its own (and its WAL keeps old row images until recycled,
			// docs/operations.md): what holds there is that no live row of any table has the name.
			expect(await valuesHolding(server.database, 'Hemliga Hanna')).toBe(0);
			expect(await valuesHolding(server.database, 'Pia Persson')).toBeGreaterThan(0);
			return;
		}
		// In the file's bytes too: with every page written back (and the WAL emptied), a name
		// occurs exactly as often as live rows hold it, so nothing scrubbed lingers in free space.
		const dbPath = server.database.path;
		const rw = new Database(dbPath, { fileMustExist: true });
		try {
			rw.pragma('wal_checkpoint(TRUNCATE)');
			const tables = rw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
				name: string;
			}[];
			const rows = tables.flatMap(({ name }) => rw.prepare(`SELECT * FROM "${name}"`).raw().all());
			const occurrences = (haystack: Buffer, needle: string) => {
				const bytes = Buffer.from(needle);
				let count = 0;
				for (let at = haystack.indexOf(bytes); at >= 0; at = haystack.indexOf(bytes, at + 1)) {
					count++;
				}
				return count;
			};
			const live = (name: string) =>
				rows
					.flat()
					.filter((v): v is string | Buffer => typeof v === 'string' || Buffer.isBuffer(v))
					.reduce((n, v) => n + occurrences(Buffer.from(v), name), 0);
			const file = Buffer.concat(
				['', '-wal'].flatMap((suffix) => {
					const path = `${dbPath}${suffix}`;
					return existsSync(path) ? [readFileSync(path)] : [];
				})
			);
			for (const name of ['Pia Persson', 'Hemliga Hanna']) {
				expect({ name, inFile: occurrences(file, name) }).toEqual({ name, inFile: live(name) });
			}
		} finally {
			rw.close();
		}
	});
});
