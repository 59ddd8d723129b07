import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { isDismissed } from '../../src/lib/workshop/records/dismissed-note.ts';
import {
	insightIdForNote,
	insightsMap,
	listInsights,
	removeInsight
} from '../../src/lib/workshop/records/insight.ts';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { connect, waitFor, type YClient } from '../helpers/yclient.ts';
import { query } from '../helpers/store';

const running: TestServer[] = [];
const clients: YClient[] = [];

afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of running) await server.stop();
	await removeTempDirs();
});

async function start(options: Parameters<typeof startServer>[0] = {}) {
	const server = await startServer(options);
	running.push(server);
	return server;
}

async function stop(server: TestServer) {
	running.splice(running.indexOf(server), 1);
	await server.stop();
}

const author = { id: 'old-member', name: null, profession: 'lakare', organisation: 'region' };

describe('a board stored before insights existed', () => {
	it('gets one insight per bottennapp when the server loads it, and only once', async () => {
		// A workshop, then notes written straight into its stored log, as an older server did:
		// bottennappar and a citat, and no insight at all.
		const first = await start();
		const { workshop, api } = await facilitatorWithWorkshop(first.url);
		const room = `w/${workshop.id}`;
		await stop(first);
		const old = new Y.Doc();
		const low = [
			'Ingen ringer tillbaka',
			'Rollatorn kom för sent',
			'Läkemedelslistan stämmer inte'
		];
		const noteIds = low.map((text, i) =>
			addNote(old, { text, kind: 'bottennapp', author, now: Date.UTC(2025, 3, 20, 9, i) })
		);
		addNote(old, { text: 'Tidspress', kind: 'citat', author });
		await query(first.database, 'INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)', [
			room,
			Buffer.from(Y.encodeStateAsUpdate(old))
		]);

		// After a restart the facilitator finds them in Ej sorterade with their provenance.
		const second = await start({ database: first.database });
		const mia = connect(second.wsUrl, room, { cookie: api.cookieHeader() });
		clients.push(mia);
		await mia.synced;
		expect(
			listInsights(mia.doc)
				.sort((a, b) => (a.order < b.order ? -1 : 1))
				.map((i) => [i.id, i.text, i.source, i.areaId, i.professions])
		).toEqual(noteIds.map((id, i) => [insightIdForNote(id), low[i], 'lowPoint', null, ['lakare']]));

		// She removes one; a second client sees the removal, so the server has stored it.
		const watcher = connect(second.wsUrl, room, { cookie: api.cookieHeader() });
		clients.push(watcher);
		await watcher.synced;
		removeInsight(mia.doc, insightIdForNote(noteIds[0]!));
		await waitFor(watcher.doc, (d) => !insightsMap(d).has(insightIdForNote(noteIds[0]!)), {
			message: 'the removal reached the server'
		});
		mia.destroy();
		watcher.destroy();
		await stop(second);

		// Loaded again: nothing added, the removed one stays removed.
		const third = await start({ database: first.database });
		const late = connect(third.wsUrl, room, { cookie: api.cookieHeader() });
		clients.push(late);
		await late.synced;
		expect(
			listInsights(late.doc)
				.map((i) => i.id)
				.sort()
		).toEqual([insightIdForNote(noteIds[1]!), insightIdForNote(noteIds[2]!)].sort());
		expect(isDismissed(late.doc, noteIds[0]!)).toBe(true);
	});
});
