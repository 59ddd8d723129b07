import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connect, waitFor, type YClient } from '../../../../tests/helpers/yclient';
import { openHooks } from '../../../../tests/helpers/open-hooks';
import { openAccepted, updateMessage } from '../../../../tests/helpers/ws';
import type { PresenceUser } from '$lib/realtime/presence';
import { openSqliteStore } from '../db/sqlite';
import { WriteLock } from '../db/write-lock';
import type { Membership } from '../services/workshops';
import { SqliteDocLog } from './doc-store';
import { authorPseudonym } from './author-ids';
import { anonymityFeature } from './features/anonymity';
import { FeatureHooks, type Feature, type Session } from './hooks';
import { RealtimeServer } from './server';

const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) cleanup();
	vi.restoreAllMocks();
});

const session: Session = {
	docName: 'w/w',
	room: { kind: 'board', workshopId: 'w' },
	membership: { id: 'm1', role: 'participant' } as Membership
};
const user: PresenceUser = {
	membershipId: 'm1',
	name: 'Anna',
	profession: 'nurse',
	organisation: 'region',
	role: 'participant'
};

describe('FeatureHooks', () => {
	it('runs every hook in registration order and composes presence through them', () => {
		const calls: string[] = [];
		const feature = (name: string): Feature => ({
			name,
			onLoad: () => void calls.push(`${name}.onLoad`),
			afterApply: () => (calls.push(`${name}.afterApply`), name === 'b'),
			onStore: () => void calls.push(`${name}.onStore`),
			presence: (_s, u) => ({ ...u, name: `${u.name}+${name}` })
		});
		const hooks = new FeatureHooks([feature('a'), feature('b'), { name: 'empty' }]);
		const doc = new Y.Doc();
		hooks.onLoad('w/w', doc);
		let changed = false;
		doc.transact((tr) => {
			changed = hooks.afterApply(session, doc, tr);
			hooks.onStore('w/w', new Uint8Array(), tr);
		});
		expect(calls).toEqual([
			'a.onLoad',
			'b.onLoad',
			'a.afterApply',
			'b.afterApply',
			'a.onStore',
			'b.onStore'
		]);
		expect(changed).toBe(true);
		expect(hooks.presence(session, user).name).toBe('Anna+a+b');
		expect(hooks.hasAfterApply).toBe(true);
		expect(new FeatureHooks([{ name: 'x', onLoad() {} }]).hasAfterApply).toBe(false);
	});

	it('a failing hook is logged; the features after it still run, and afterApply reports it', () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const ran: string[] = [];
		const broken: Feature = {
			name: 'broken',
			onLoad: () => {
				throw new Error('load');
			},
			afterApply: () => {
				throw new Error('apply');
			},
			onStore: () => {
				throw new Error('store');
			}
		};
		const after: Feature = {
			name: 'after',
			onLoad: () => void ran.push('onLoad'),
			afterApply: () => (ran.push('afterApply'), false),
			onStore: () => void ran.push('onStore')
		};
		const hooks = new FeatureHooks([broken, after]);
		const doc = new Y.Doc();
		expect(() => hooks.onLoad('w/w', doc)).not.toThrow();
		doc.transact((tr) => {
			expect(() => hooks.afterApply(session, doc, tr)).toThrow('apply');
			expect(() => hooks.onStore('w/w', new Uint8Array(), tr)).not.toThrow();
		});
		expect(ran).toEqual(['onLoad', 'afterApply', 'onStore']);
		expect(log.mock.calls.map((call) => String(call[0]))).toEqual([
			'[realtime] broken: onLoad failed',
			'[realtime] broken: afterApply failed',
			'[realtime] broken: onStore failed'
		]);
	});
});

/** A RealtimeServer with `features` on a real HTTP server and SQLite file. */
async function start(features: Feature[]) {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-hooks-'));
	const { sqlite } = openSqliteStore(join(dir, 'test.db'));
	const store = new SqliteDocLog(sqlite, new WriteLock());
	const realtime = new RealtimeServer(store, openHooks(features), { maxPayload: 1 << 20 });
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
	const stored = (docName: string) => {
		const doc = new Y.Doc();
		void store.loadInto(docName, doc);
		return doc;
	};
	return { realtime, store, stored, wsUrl: `ws://127.0.0.1:${port}/ws` };
}

function track(client: YClient) {
	cleanups.push(() => client.destroy());
	return client;
}

describe('the hooks over the wire', () => {
	it('afterApply changes go out with the update, to the sender too, and are stored first', async () => {
		let storedBeforeBroadcast: boolean[] = [];
		let server: Awaited<ReturnType<typeof start>> | null = null;
		const stamp: Feature = {
			name: 'stamp',
			onLoad: (_name, doc) => doc.getMap('meta').set('loaded', true),
			afterApply(_session, doc, tr) {
				const notes = doc.getMap('notes');
				if (!tr.changed.has(notes as never)) return false;
				doc.getMap('meta').set('seen', notes.size);
				return true;
			},
			onStore(docName, _update, tr) {
				// The update is in the log already: what a fresh load reads holds it.
				const meta = server!.stored(docName).getMap('meta');
				const written = tr.doc.getMap('meta').get('seen');
				if (written !== undefined) storedBeforeBroadcast.push(meta.get('seen') === written);
			}
		};
		server = await start([stamp]);
		const writer = track(connect(server.wsUrl, 'doc', { token: 'a' }));
		const reader = track(connect(server.wsUrl, 'doc', { token: 'b' }));
		await Promise.all([writer.synced, reader.synced]);
		expect(writer.doc.getMap('meta').get('loaded')).toBe(true);
		storedBeforeBroadcast = [];
		writer.doc.getMap('notes').set('n1', 'hej');
		const seen = (doc: Y.Doc) => doc.getMap('meta').get('seen') === 1;
		await Promise.all([waitFor(writer.doc, seen), waitFor(reader.doc, seen)]);
		expect(storedBeforeBroadcast).toEqual([true]);
		expect(server.stored('doc').getMap('meta').get('seen')).toBe(1);
	});

	it('a failing afterApply costs only its socket: the update stays, others keep writing', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const fragile: Feature = {
			name: 'fragile',
			afterApply(_session, doc, tr) {
				if (tr.changed.has(doc.getMap('boom') as never)) throw new Error('feature bug');
				return false;
			}
		};
		const { wsUrl, stored } = await start([fragile]);
		const a = track(connect(wsUrl, 'doc', { token: 'a' }));
		const b = track(connect(wsUrl, 'doc', { token: 'b' }));
		await Promise.all([a.synced, b.synced]);
		const closedOnce = new Promise<number>((resolve) =>
			a.provider.once('connection-close', (event) => resolve((event as { code: number }).code))
		);
		a.doc.getMap('boom').set('x', 1);
		expect(await closedOnce).toBe(1011);
		b.doc.getMap('notes').set('n', 'still here');
		await waitFor(a.doc, (doc) => doc.getMap('notes').get('n') === 'still here');
		expect(stored('doc').getMap('boom').get('x')).toBe(1);
	});

	it('a feature sees the first change of a declared root loaded from disk that nobody read yet', async () => {
		// Before, such a root was a plain type after the load: the feature's first getMap replaced
		// it, and the transaction it looked in still named the old one. Here the anonymity
		// feature missed the first idea created after a load, which kept its author's real id.
		const { wsUrl, store, realtime } = await start([anonymityFeature('s', () => true)]);
		const before = new Y.Doc();
		const idea = (doc: Y.Doc, id: string) =>
			doc.transact(() => {
				const record = new Y.Map<unknown>();
				doc.getMap('ideas').set(id, record);
				record.set('authorId', 'm1');
			});
		idea(before, 'i1');
		await store.append('w/w', Y.encodeStateAsUpdate(before));
		const ws = await openAccepted(wsUrl, 'w/w', { token: 'm1' });
		const room = realtime.loaded('w/w');
		const mirror = new Y.Doc();
		Y.applyUpdate(mirror, Y.encodeStateAsUpdate(room));
		room.on('update', (update: Uint8Array) => Y.applyUpdate(mirror, update));
		// Sent at once, without the empty sync step 2 a browser answers first.
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(before));
		const known = Y.encodeStateVector(client);
		idea(client, 'i2');
		ws.send(updateMessage(Y.encodeStateAsUpdate(client, known)));
		await waitFor(mirror, (doc) => doc.getMap('ideas').has('i2'));
		const created = mirror.getMap('ideas').get('i2') as Y.Map<unknown>;
		expect(created.get('authorId')).toBe(authorPseudonym('s', 'm1'));
		ws.close();
	});
});
