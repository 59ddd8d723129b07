import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWsToken } from '../../src/lib/server/auth/tokens.ts';
import { addNote, editNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { addEvent, listEvents } from '../../src/lib/workshop/journey.ts';
import { readPersona, updatePersona } from '../../src/lib/workshop/persona.ts';
import { boardRoom, privateRoom } from '../../src/lib/workshop/rooms.ts';
import {
	ApiClient,
	facilitatorWithWorkshop,
	linkToken,
	participant,
	type Joined
} from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { openAccepted, refusedStatus } from '../helpers/ws.ts';
import {
	authorOf,
	connect,
	nextClose,
	noteTexts,
	waitFor,
	waitForNote,
	waitForAwareness,
	waitForStatus,
	waitForSynced,
	type YClient
} from '../helpers/yclient.ts';
import { query } from '../helpers/store';

let server: TestServer;
let alice: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let bob: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let p1: Joined & { api: ApiClient };
let p2: Joined & { api: ApiClient };
const clients: YClient[] = [];

function track(client: YClient) {
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	alice = await facilitatorWithWorkshop(server.url, 'Workshop A');
	bob = await facilitatorWithWorkshop(server.url, 'Workshop B');
	p1 = await participant(server.url, alice.links.participant.code, 'Pia');
	p2 = await participant(server.url, alice.links.participant.code, 'Per');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

const roomA = () => boardRoom(alice.workshop.id);
const roomB = () => boardRoom(bob.workshop.id);

describe('WebSocket upgrade', () => {
	it('accepts a member with a token or a session cookie (control for the refusals below)', async () => {
		const byToken = await openAccepted(server.wsUrl, roomA(), { token: p1.wsToken });
		byToken.close();
		const byCookie = await openAccepted(server.wsUrl, roomA(), { cookie: p1.api.cookieHeader() });
		byCookie.close();
		const facilitator = await openAccepted(server.wsUrl, roomA(), {
			cookie: alice.api.cookieHeader()
		});
		facilitator.close();
		expect(p1.room).toBe(roomA());

		// A token minted for the facilitator's session works the same way.
		const ticket = await alice.api.wsToken(alice.workshop.id);
		expect(ticket).toMatchObject({ role: 'facilitator', room: roomA() });
		const byTicket = await openAccepted(server.wsUrl, ticket.room, { token: ticket.wsToken });
		byTicket.close();
	});

	it('refuses a client without session or token with 401', async () => {
		expect(await refusedStatus(server.wsUrl, roomA(), {})).toBe(401);
		expect(await refusedStatus(server.wsUrl, roomA(), { cookie: 'samskapa_session=forged' })).toBe(
			401
		);
	});

	it('refuses an unknown document name with 404', async () => {
		expect(await refusedStatus(server.wsUrl, 'not-a-room', { token: p1.wsToken })).toBe(404);
		expect(
			await refusedStatus(server.wsUrl, `w/${alice.workshop.id}/x/y`, { token: p1.wsToken })
		).toBe(404);
	});

	it('refuses a member of workshop A opening workshop B with 403', async () => {
		expect(await refusedStatus(server.wsUrl, roomB(), { token: p1.wsToken })).toBe(403);
		expect(await refusedStatus(server.wsUrl, roomB(), { cookie: p1.api.cookieHeader() })).toBe(403);
		expect(await refusedStatus(server.wsUrl, roomB(), { cookie: alice.api.cookieHeader() })).toBe(
			403
		);
	});

	it('opens a private document for its owner only (403 for another participant)', async () => {
		const own = await openAccepted(server.wsUrl, privateRoom(alice.workshop.id, p1.membershipId), {
			token: p1.wsToken
		});
		own.close();
		const other = privateRoom(alice.workshop.id, p2.membershipId);
		expect(await refusedStatus(server.wsUrl, other, { token: p1.wsToken })).toBe(403);
		expect(await refusedStatus(server.wsUrl, other, { cookie: p1.api.cookieHeader() })).toBe(403);
	});

	it('refuses forged and expired tokens with 401', async () => {
		const [id, expires, mac] = p1.wsToken.split('.') as [string, string, string];
		const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
		expect(
			await refusedStatus(server.wsUrl, roomA(), { token: `${id}.${expires}.${flipped}` })
		).toBe(401);
		// A later expiry with the old signature.
		const later = String(Number(expires) + 3_600_000);
		expect(await refusedStatus(server.wsUrl, roomA(), { token: `${id}.${later}.${mac}` })).toBe(
			401
		);
		expect(await refusedStatus(server.wsUrl, roomA(), { token: 'garbage' })).toBe(401);

		// A correctly signed but expired token, made with the server's own secret.
		const [row] = await query<{ value: string }>(
			server.database,
			"SELECT value FROM settings WHERE key = 'ws_secret'"
		);
		expect(row?.value).toBeTruthy();
		const secret = row!.value;
		const expired = signWsToken(secret, p1.membershipId, -1_000);
		expect(await refusedStatus(server.wsUrl, roomA(), { token: expired })).toBe(401);
		// Control: the same secret with a live expiry is accepted, so the 401 is the expiry.
		const live = await openAccepted(server.wsUrl, roomA(), {
			token: signWsToken(secret, p1.membershipId, 60_000)
		});
		live.close();
	});
});

describe('observer', () => {
	it('reads the board but its writes are dropped: never reach others, the database or the export', async () => {
		const observerApi = new ApiClient(server.url);
		const observer = await observerApi.join({
			token: linkToken(alice.links.observer.url),
			displayName: 'Olle'
		});
		expect(observer.role).toBe('observer');
		expect(observer.room).toBe(roomA());

		const writer = track(connect(server.wsUrl, p1.room, { token: p1.wsToken }));
		await writer.synced;
		addNote(writer.doc, { text: 'före observatören', author: authorOf(p1, 'Pia') });

		const o = track(connect(server.wsUrl, observer.room, { token: observer.wsToken }));
		const f = track(connect(server.wsUrl, roomA(), { cookie: alice.api.cookieHeader() }));
		await Promise.all([o.synced, f.synced]);
		// Reads: the observer gets what was there and what comes later.
		await waitForNote(o.doc, 'före observatören');

		const observerText = 'observatören skriver';
		addNote(o.doc, { text: observerText, author: authorOf(observer, 'Olle') });
		// Awareness is not read-only; once the facilitator sees this marker, the server has
		// processed the observer's note (sent earlier on the same socket).
		o.provider.awareness.setLocalStateField('marker', 1);
		await waitForAwareness(f.provider, (s) => s.marker === 1);
		addNote(writer.doc, { text: 'efter observatören', author: authorOf(p1, 'Pia') });
		await Promise.all([
			waitForNote(f.doc, 'efter observatören'),
			waitForNote(o.doc, 'efter observatören')
		]);
		expect(noteTexts(o.doc)).toContain(observerText);
		expect(noteTexts(f.doc)).not.toContain(observerText);
		expect(noteTexts(writer.doc)).not.toContain(observerText);
		expect(noteTexts(f.doc).sort()).toEqual(['efter observatören', 'före observatören']);
		// Dropped silently: the observer stays connected.
		expect(o.closes).toEqual([]);

		// On reconnect the observer's provider resends its local note in sync step 2: still dropped.
		o.provider.disconnect();
		await waitForStatus(o.provider, 'disconnected');
		o.provider.connect();
		await waitForSynced(o.provider);
		o.provider.awareness.setLocalStateField('marker', 2);
		await waitForAwareness(f.provider, (s) => s.marker === 2);
		addNote(writer.doc, { text: 'efter återanslutning', author: authorOf(p1, 'Pia') });
		await waitForNote(f.doc, 'efter återanslutning');
		expect(noteTexts(f.doc)).not.toContain(observerText);

		// A client that connects now loads the board from the server: no observer note.
		const late = track(connect(server.wsUrl, p2.room, { token: p2.wsToken }));
		await late.synced;
		await waitFor(late.doc, (d) => listNotes(d).length === 3, {
			message: '3 notes on a late client'
		});
		expect(noteTexts(late.doc).sort()).toEqual([
			'efter observatören',
			'efter återanslutning',
			'före observatören'
		]);

		const exported = await alice.api.exportJson(alice.workshop.id);
		expect(exported.notes.map((n) => n.text).sort()).toEqual([
			'efter observatören',
			'efter återanslutning',
			'före observatören'
		]);
	});
});

describe('participant writes', () => {
	it('refuses, with close code 4403, a participant editing the persona, the journey or another’s note', async () => {
		const f = track(connect(server.wsUrl, roomA(), { cookie: alice.api.cookieHeader() }));
		const per = track(connect(server.wsUrl, p2.room, { token: p2.wsToken }));
		await Promise.all([f.synced, per.synced]);
		updatePersona(f.doc, { name: 'Oskar' });
		const perNote = addNote(per.doc, { text: 'Pers lapp', author: authorOf(p2, 'Per') });
		await waitForNote(f.doc, 'Pers lapp');
		const events = listEvents(f.doc).length;

		const attempts: Array<[string, (doc: YClient['doc']) => void]> = [
			['persona', (doc) => updatePersona(doc, { name: 'Greta' })],
			['event', (doc) => addEvent(doc, { title: 'Smuggelhändelse' })],
			['another’s note', (doc) => editNote(doc, perNote, 'kapad')],
			[
				'a note in another’s name',
				(doc) => addNote(doc, { text: 'falsk', author: authorOf(p2, 'Per') })
			]
		];
		for (const [what, write] of attempts) {
			const pia = track(connect(server.wsUrl, p1.room, { token: p1.wsToken }));
			await pia.synced;
			// Control: her own note on the same socket goes through.
			addNote(pia.doc, { text: `Pias lapp före ${what}`, author: authorOf(p1, 'Pia') });
			await waitForNote(f.doc, `Pias lapp före ${what}`);
			const closed = nextClose(pia.provider);
			write(pia.doc);
			expect(await closed, what).toBe(4403);
			pia.destroy();
		}

		// The server kept serving, and none of it reached the board or another client.
		editNote(per.doc, perNote, 'Pers lapp, ändrad');
		await waitForNote(f.doc, 'Pers lapp, ändrad');
		expect(readPersona(f.doc).name).toBe('Oskar');
		expect(listEvents(f.doc)).toHaveLength(events);
		expect(noteTexts(f.doc)).not.toContain('falsk');
		const late = track(connect(server.wsUrl, roomA(), { cookie: alice.api.cookieHeader() }));
		await late.synced;
		expect(readPersona(late.doc).name).toBe('Oskar');
		expect(noteTexts(late.doc)).not.toContain('kapad');
		expect(noteTexts(late.doc)).not.toContain('falsk');
	});
});

describe('HTTP access', () => {
	it('exports a workshop to its members only (403 for another account)', async () => {
		const other = await alice.api.request('GET', `/api/workshops/${bob.workshop.id}/export.json`);
		expect(other.status).toBe(403);
		const own = await bob.api.request<{ format: string; workshop: { id: string } }>(
			'GET',
			`/api/workshops/${bob.workshop.id}/export.json`
		);
		expect(own.status).toBe(200);
		expect(own.body.format).toBe('samskapa-workshop');
		expect(own.body.workshop.id).toBe(bob.workshop.id);
		// A participant of A is a member of A but not of B.
		const asParticipant = await p1.api.request(
			'GET',
			`/api/workshops/${bob.workshop.id}/export.json`
		);
		expect(asParticipant.status).toBe(403);
	});

	it('lets a participant export only when a facilitator allows it', async () => {
		const url = `/api/workshops/${alice.workshop.id}/export.json`;
		const before = await p1.api.request<{ error: string }>('GET', url);
		expect(before.status).toBe(403);
		expect(before.body.error).toBe('export_not_allowed');
		const settings = `/api/workshops/${alice.workshop.id}/settings`;
		expect((await p1.api.request('PATCH', settings, { participantsMayExport: true })).status).toBe(
			403
		);
		const allow = await alice.api.request('PATCH', settings, { participantsMayExport: true });
		expect(allow.body).toMatchObject({ settings: { participantsMayExport: true } });
		expect((await p1.api.request('GET', url)).status).toBe(200);
		await alice.api.request('PATCH', settings, { participantsMayExport: false });
		expect((await p1.api.request('GET', url)).status).toBe(403);
		expect((await alice.api.request('PATCH', settings, {})).status).toBe(400);
	});

	it('mints WebSocket tokens for members only', async () => {
		const other = await alice.api.request('POST', `/api/workshops/${bob.workshop.id}/ws-token`);
		expect(other.status).toBe(403);
		const anonymous = await new ApiClient(server.url).request(
			'POST',
			`/api/workshops/${alice.workshop.id}/ws-token`
		);
		expect(anonymous.status).toBe(401);
		const own = await p1.api.wsToken(alice.workshop.id);
		expect(own).toMatchObject({ membershipId: p1.membershipId, role: 'participant' });
	});

	it('refuses to create a workshop without an account (401)', async () => {
		const anonymous = new ApiClient(server.url);
		const res = await anonymous.request('POST', '/api/workshops', { title: 'Ingen inloggning' });
		expect(res.status).toBe(401);
	});
});
