/**
 * Workshop switches over the wire: anonymity holds from the moment it is switched on (break 6
 * of issue 14), and every switch reaches open boards through the document, without polling.
 */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { openAccepted, receivedMessages } from '../helpers/ws.ts';
import { connect, waitFor, waitForAwareness } from '../helpers/yclient.ts';

const run = serverPerFile();

interface Entry {
	id: number;
	clock: number;
	state: string;
}

/** The entries of an awareness message (type 1); null for every other message. */
function awarenessEntries(message: Buffer): Entry[] | null {
	const decoder = decoding.createDecoder(new Uint8Array(message));
	if (decoding.readVarUint(decoder) !== 1) return null;
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
	const entries: Entry[] = [];
	for (let n = decoding.readVarUint(update); n > 0; n--) {
		entries.push({
			id: decoding.readVarUint(update),
			clock: decoding.readVarUint(update),
			state: decoding.readVarString(update)
		});
	}
	return entries;
}

/** Every awareness entry a raw socket received, in order, with the message it came in. */
function heard(ws: WebSocket): (Entry & { message: number })[] {
	return receivedMessages(ws).flatMap(
		(message, index) => awarenessEntries(message)?.map((e) => ({ ...e, message: index })) ?? []
	);
}

/** Resolves once the socket has received an awareness entry that `predicate` accepts. */
function hears(ws: WebSocket, predicate: (entry: Entry) => boolean, timeoutMs = 10_000) {
	return new Promise<void>((resolve, reject) => {
		const check = () => {
			if (!heard(ws).some(predicate)) return;
			clearTimeout(timer);
			ws.off('message', check);
			resolve();
		};
		const timer = setTimeout(() => {
			ws.off('message', check);
			reject(new Error(`no such awareness entry within ${timeoutMs} ms`));
		}, timeoutMs);
		// Registered after openRaw's recorder, so the message is in receivedMessages already.
		ws.on('message', check);
		check();
	});
}

const userOf = (state: string) => (JSON.parse(state) as { user?: Record<string, string> })?.user;

describe('switching anonymity on mid-workshop', () => {
	it('rewrites every presence at once; no real name or membership id reaches anyone after', async () => {
		const { server, track } = run;
		const fac = await facilitatorWithWorkshop(server.url, 'Anonymt senare');
		const astrid = await participant(server.url, fac.links.participant.code, 'Astrid Verkligsson', {
			profession: 'fysioterapeut',
			organisation: 'kommun'
		});
		const bo = await participant(server.url, fac.links.participant.code, 'Bo');
		const secrets = ['Astrid Verkligsson', astrid.membershipId, 'fysioterapeut', 'kommun'];

		// Astrid on the board and on her private document, with presence (the server names her).
		const board = track(connect(server.wsUrl, astrid.room, { token: astrid.wsToken }));
		const privateRoom = `${astrid.room}/p/${astrid.membershipId}`;
		const own = track(connect(server.wsUrl, privateRoom, { token: astrid.wsToken }));
		await Promise.all([board.synced, own.synced]);
		board.provider.awareness.setLocalStateField('marker', 'before');
		own.provider.awareness.setLocalStateField('marker', 'before');
		// Already connected before the switch: Bo on the board, Astrid's second tab on her document.
		const watcher = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		run.sockets.push(watcher);
		const secondTab = await openAccepted(server.wsUrl, privateRoom, { token: astrid.wsToken });
		run.sockets.push(secondTab);
		const named = (e: Entry) => e.state.includes('Astrid Verkligsson');
		await Promise.all([hears(watcher, named), hears(secondTab, named)]);

		const settings = `/api/workshops/${fac.workshop.id}/settings`;
		expect((await fac.api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
		// Right after the switch: someone opening the board.
		const newcomer = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		run.sockets.push(newcomer);

		// Those already connected hear the rewrite without Astrid sending anything.
		const standIn = (e: Entry) => e.id === board.doc.clientID && userOf(e.state)?.name === 'Anonym';
		const ownStandIn = (e: Entry) =>
			e.id === own.doc.clientID && userOf(e.state)?.name === 'Anonym';
		await Promise.all([
			hears(watcher, standIn),
			hears(newcomer, standIn),
			hears(secondTab, ownStandIn)
		]);
		// Astrid's browser still believes she is named, and says so.
		const real = {
			membershipId: astrid.membershipId,
			name: 'Astrid Verkligsson',
			profession: 'fysioterapeut',
			organisation: 'kommun',
			role: 'participant'
		};
		board.provider.awareness.setLocalState({ user: real, marker: 'after' });
		own.provider.awareness.setLocalState({ user: real, marker: 'after' });
		const after = (e: Entry) => e.state.includes('"marker":"after"');
		await Promise.all([hears(watcher, after), hears(newcomer, after), hears(secondTab, after)]);

		const leaks = (ws: WebSocket, from: (e: Entry) => boolean) => {
			const entries = heard(ws);
			const first = entries.find(from)!.message;
			return entries
				.filter((e) => e.message >= first)
				.filter((e) => secrets.some((secret) => e.state.includes(secret)));
		};
		expect(leaks(watcher, standIn)).toEqual([]);
		expect(leaks(secondTab, ownStandIn)).toEqual([]);
		// The newcomer never heard her, from its very first message.
		expect(heard(newcomer).filter((e) => secrets.some((s) => e.state.includes(s)))).toEqual([]);
		const rewritten = heard(newcomer)
			.filter(after)
			.map((e) => userOf(e.state));
		expect(rewritten).toContainEqual({
			membershipId: expect.stringMatching(/^anon-/),
			name: 'Anonym',
			profession: '',
			organisation: '',
			role: 'participant'
		});
	});

	it('lets names return as clients renew presence once it is switched off', async () => {
		const { server, track } = run;
		const fac = await facilitatorWithWorkshop(server.url, 'Av och på');
		const settings = `/api/workshops/${fac.workshop.id}/settings`;
		await fac.api.request('PATCH', settings, { anonymous: true });
		const cia = await participant(server.url, fac.links.participant.code, 'Cia');
		const dan = await participant(server.url, fac.links.participant.code, 'Dan');
		const c = track(connect(server.wsUrl, cia.room, { token: cia.wsToken }));
		const d = track(connect(server.wsUrl, dan.room, { token: dan.wsToken }));
		await Promise.all([c.synced, d.synced]);
		c.provider.awareness.setLocalStateField('marker', 'one');
		await waitForAwareness(d.provider, (s) => s.marker === 'one');
		expect(JSON.stringify([...d.provider.awareness.getStates().values()])).not.toContain('Cia');

		await fac.api.request('PATCH', settings, { anonymous: false });
		c.provider.awareness.setLocalStateField('marker', 'two');
		await waitForAwareness(
			d.provider,
			(s) => s.marker === 'two' && (s.user as { name?: string })?.name === 'Cia'
		);
	});
});

describe('workshop switches live in the board', () => {
	it('reach an open board at once when a facilitator changes them', async () => {
		const { server, track } = run;
		const fac = await facilitatorWithWorkshop(server.url, 'Brytare');
		const eva = await participant(server.url, fac.links.participant.code, 'Eva');
		const client = track(connect(server.wsUrl, eva.room, { token: eva.wsToken }));
		await client.synced;
		const settingsMap = client.doc.getMap('state');
		const switches = () => ({
			anonymous: settingsMap.get('anonymous'),
			participantsMayExport: settingsMap.get('participantsMayExport')
		});
		expect(switches()).toEqual({ anonymous: false, participantsMayExport: false });

		const settings = `/api/workshops/${fac.workshop.id}/settings`;
		await fac.api.request('PATCH', settings, { participantsMayExport: true });
		await waitFor(client.doc, () => settingsMap.get('participantsMayExport') === true, {
			message: 'the export switch in the board'
		});
		await fac.api.request('PATCH', settings, { anonymous: true });
		await waitFor(client.doc, () => settingsMap.get('anonymous') === true, {
			message: 'the anonymity switch in the board'
		});
		expect(switches()).toEqual({ anonymous: true, participantsMayExport: true });
	});

	it('are the server’s alone: a facilitator’s own write of a switch is refused', async () => {
		const { server, track } = run;
		const fac = await facilitatorWithWorkshop(server.url, 'Bara servern');
		const token = await fac.api.wsToken(fac.workshop.id);
		const client = track(connect(server.wsUrl, token.room, { token: token.wsToken }));
		await client.synced;
		const closes = new Promise<number>((resolve) =>
			client.provider.once('connection-close', (event) => resolve((event as { code: number }).code))
		);
		client.doc.getMap('state').set('anonymous', true);
		expect(await closes).toBe(4403);
		const fresh = await fac.api.request<{ settings: { anonymous: boolean } }>(
			'PATCH',
			`/api/workshops/${fac.workshop.id}/settings`,
			{ participantsMayExport: false }
		);
		expect(fresh.body.settings.anonymous).toBe(false);
	});
});
