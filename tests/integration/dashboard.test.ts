import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { isBoardClosed } from '../../src/lib/workshop/records/board-state.ts';
import { boardRoom, privateRoom } from '../../src/lib/workshop/rooms.ts';
import { ApiClient, facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import {
	authorOf,
	connect,
	hasNoteText,
	waitFor,
	waitForNote,
	type YClient
} from '../helpers/yclient.ts';
import { query, valuesHolding, type TestDatabase } from '../helpers/store';

/**
 * Issue 17's dashboard over the wire: closing makes a workshop read-only for participants
 * (the judge, not the page), deleting leaves none of its bytes in the database file or its
 * WAL, and retention deletes closed workshops after the configured months and nothing else.
 */

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

function finalClose(client: YClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => client.provider.once('closed', resolve));
}

const lifecycle = (api: ApiClient, id: string, change: string) =>
	api.request('POST', `/api/workshops/${id}/lifecycle`, { change });

/** The database file and its WAL, as bytes on disk. */
async function fileBytes(dbPath: string): Promise<Buffer> {
	const parts = [await readFile(dbPath)];
	if (existsSync(`${dbPath}-wal`)) parts.push(await readFile(`${dbPath}-wal`));
	return Buffer.concat(parts);
}

/**
 * Whether the store still holds `text`. SQLite: anywhere in its file's bytes (free pages and
 * WAL included). PostgreSQL's files are its own: in any live row.
 */
async function stores(database: TestDatabase, text: string): Promise<boolean> {
	if (database.store === 'sqlite') return (await fileBytes(database.path)).includes(text);
	return (await valuesHolding(database, text)) > 0;
}

describe('closing a workshop', () => {
	it('refuses participants’ writes on the server while closed, and takes them again after reopening', async () => {
		const server = await start();
		const fac = await facilitatorWithWorkshop(server.url, 'Stängs');
		const pia = await participant(server.url, fac.links.participant.code, 'Pia');
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await Promise.all([f.synced, p.synced]);

		// A participant may not close it.
		expect((await lifecycle(pia.api, fac.workshop.id, 'close')).status).toBe(403);
		expect((await lifecycle(fac.api, fac.workshop.id, 'close')).status).toBe(200);
		await waitFor(p.doc, isBoardClosed, { message: 'Pia sees the workshop closed' });

		// A newcomer is told the workshop has ended; Pia, who took part, still opens it to read.
		const late = await new ApiClient(server.url, '10.9.0.7').request('POST', '/api/join', {
			code: fac.links.participant.code,
			displayName: 'Sen',
			profession: 'sjukskoterska',
			organisation: 'kommun'
		});
		expect(late.status).toBe(403);
		expect(late.body).toMatchObject({ error: 'workshop_closed' });

		const closed = finalClose(p);
		addNote(p.doc, { text: 'efter stängning', author: authorOf(pia, 'Pia') });
		expect((await closed).code).toBe(4403);
		// The facilitator still writes; once that arrives, Pia's note was long judged.
		const facAuthor = authorOf(await fac.api.wsToken(fac.workshop.id), 'Mia', 'annan', 'region');
		addNote(f.doc, { text: 'facilitatorn efter stängning', author: facAuthor });
		await waitForNote(f.doc, 'facilitatorn efter stängning');
		expect(hasNoteText(f.doc, 'efter stängning')).toBe(false);

		expect((await lifecycle(fac.api, fac.workshop.id, 'reopen')).status).toBe(200);
		await waitFor(f.doc, (d) => !isBoardClosed(d), { message: 'reopened' });
		const again = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await again.synced;
		addNote(again.doc, { text: 'efter återöppning', author: authorOf(pia, 'Pia') });
		await waitForNote(f.doc, 'efter återöppning');
	});
});

describe('deleting a workshop', () => {
	it('asks for the name, cuts its sockets and leaves none of its text in the database', async () => {
		const server = await start();
		const secret = `Kvarglömd-${crypto.randomUUID()}`;
		const title = `Raderas ${crypto.randomUUID().slice(0, 8)}`;
		const keep = await facilitatorWithWorkshop(server.url, 'Finns kvar');
		const fac = await facilitatorWithWorkshop(server.url, title);
		const id = fac.workshop.id;
		const name = `Pia-${secret}`;
		const pia = await participant(server.url, fac.links.participant.code, name);
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await p.synced;
		addNote(p.doc, { text: `Lapp ${secret}`, author: authorOf(pia, name) });
		const f = track(connect(server.wsUrl, boardRoom(id), { cookie: fac.api.cookieHeader() }));
		await f.synced;
		await waitForNote(f.doc, `Lapp ${secret}`);
		// A private document's stored update, as the server stores a member's draft.
		const draft = new Y.Doc();
		draft.getMap('drafts').set('d', `Utkast ${secret}`);
		await query(server.database, 'INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)', [
			privateRoom(id, pia.membershipId),
			Y.encodeStateAsUpdate(draft)
		]);
		expect(await stores(server.database, secret)).toBe(true);
		const deleting = new Date();

		// The wrong name, or a participant, deletes nothing.
		const wrong = await fac.api.request('DELETE', `/api/workshops/${id}`, { confirm: 'Fel namn' });
		expect(wrong.status).toBe(400);
		const byParticipant = await pia.api.request('DELETE', `/api/workshops/${id}`, {
			confirm: title
		});
		expect(byParticipant.status).toBe(403);

		const cut = finalClose(p);
		const res = await fac.api.request('DELETE', `/api/workshops/${id}`, {
			confirm: ` ${title.toUpperCase()} `
		});
		expect(res.status).toBe(204);
		await cut;
		expect((await fac.api.request('GET', `/api/workshops/${id}/export.json`)).status).toBe(403);
		expect((await keep.api.exportJson(keep.workshop.id)).workshop.title).toBe('Finns kvar');

		expect(await stores(server.database, secret)).toBe(false);
		expect(await stores(server.database, title)).toBe(false);
		expect(await stores(server.database, id)).toBe(false);
		expect(await stores(server.database, 'Finns kvar')).toBe(true);
		if (server.database.store === 'postgres') {
			// The dead rows are vacuumed away at once rather than left for autovacuum.
			const [log] = await query<{ at: Date | null }>(
				server.database,
				"SELECT last_vacuum AS at FROM pg_stat_user_tables WHERE relname = 'doc_updates'"
			);
			expect(log?.at?.getTime() ?? 0).toBeGreaterThanOrEqual(deleting.getTime() - 1_000);
		}
	});
});

describe('retention', () => {
	it('deletes closed workshops the configured months after closing, and nothing else', async () => {
		const first = await start();
		const fac = await facilitatorWithWorkshop(first.url, 'Gammal stängd');
		const recent = await fac.api.createWorkshop({ title: 'Nyss stängd' });
		const open = await fac.api.createWorkshop({ title: 'Gammal öppen' });
		const archived = await fac.api.createWorkshop({ title: 'Gammal arkiverad' });
		for (const id of [fac.workshop.id, recent.workshop.id]) {
			expect((await lifecycle(fac.api, id, 'close')).status).toBe(200);
		}
		expect((await lifecycle(fac.api, archived.workshop.id, 'archive')).status).toBe(200);
		await first.stop();

		// Seven months ago: the old workshops were created (and one closed) then.
		const longAgo = new Date(Date.now() - 7 * 31 * 24 * 60 * 60 * 1000);
		await query(first.database, 'UPDATE workshops SET created_at = ?', [longAgo]);
		await query(first.database, 'UPDATE workshops SET closed_at = ? WHERE id = ?', [
			longAgo,
			fac.workshop.id
		]);
		await query(first.database, 'UPDATE workshops SET archived_at = ? WHERE id = ?', [
			longAgo,
			archived.workshop.id
		]);

		const exists = async (server: TestServer, id: string) =>
			(await fac.api.moveTo(server.url).request('GET', `/api/workshops/${id}/export.json`))
				.status === 200;

		// Off by default: nothing goes.
		const off = await start({ database: first.database });
		expect(await exists(off, fac.workshop.id)).toBe(true);
		await off.stop();

		const on = await start({ database: first.database, env: { RETENTION_CLOSED_MONTHS: '6' } });
		expect(await exists(on, fac.workshop.id)).toBe(false);
		expect(await exists(on, recent.workshop.id)).toBe(true);
		expect(await exists(on, open.workshop.id)).toBe(true);
		expect(await exists(on, archived.workshop.id)).toBe(true);
		expect(on.output()).toContain('retention deleted 1 workshop(s)');
	});
});
