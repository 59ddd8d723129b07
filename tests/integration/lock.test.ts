import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { setEmotion } from '../../src/lib/workshop/emotions.ts';
import { addEvent } from '../../src/lib/workshop/journey.ts';
import { isBoardLocked, setBoardLocked } from '../../src/lib/workshop/records/board-state.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import {
	facilitatorWithWorkshop,
	participant,
	type ApiClient,
	type Joined
} from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import {
	authorOf,
	connect,
	hasNoteText,
	noteTexts,
	waitFor,
	waitForNote,
	type YClient
} from '../helpers/yclient.ts';

let server: TestServer;
let fac: Awaited<ReturnType<typeof facilitatorWithWorkshop>>;
let pia: Joined & { api: ApiClient };
let per: Joined & { api: ApiClient };
let facAuthor: ReturnType<typeof authorOf>;
const clients: YClient[] = [];

function track(client: YClient) {
	clients.push(client);
	return client;
}

beforeAll(async () => {
	server = await startServer();
	fac = await facilitatorWithWorkshop(server.url, 'Låst tavla');
	pia = await participant(server.url, fac.links.participant.code, 'Pia');
	per = await participant(server.url, fac.links.participant.code, 'Per');
	facAuthor = authorOf(await fac.api.wsToken(fac.workshop.id), 'Mia', 'annan', 'region');
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** Resolves with the close the provider will not reconnect after (y-websocket's `closed`). */
function finalClose(client: YClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => client.provider.once('closed', resolve));
}

describe('the board lock', () => {
	it('refuses a participant’s note while locked (4403), shows it to nobody, and takes new writes after unlocking', async () => {
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		const other = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await Promise.all([f.synced, p.synced, other.synced]);
		const eventId = addEvent(f.doc, { title: 'Händelse 1' });

		// Control: before the lock Pia writes fine.
		addNote(p.doc, { text: 'före låset', author: authorOf(pia, 'Pia') });
		await waitForNote(other.doc, 'före låset');

		setBoardLocked(f.doc, true);
		await waitFor(p.doc, isBoardLocked, { message: 'Pia sees the lock' });
		await waitFor(other.doc, isBoardLocked, { message: 'Per sees the lock' });

		const closed = finalClose(p);
		addNote(p.doc, { text: 'under låset', author: authorOf(pia, 'Pia') });
		const { code, reason } = await closed;
		expect(code).toBe(4403);
		expect(reason).toMatch(/^forbidden: /);

		// Facilitators still write; once Per has that later note the server has long judged Pia's.
		addNote(f.doc, { text: 'facilitatorn under låset', author: facAuthor });
		await waitForNote(other.doc, 'facilitatorn under låset');
		expect(hasNoteText(other.doc, 'under låset')).toBe(false);
		expect(hasNoteText(f.doc, 'under låset')).toBe(false);

		// A participant who opens the board during the lock syncs (the catch-up changes nothing),
		// and neither sees the refused note nor may rate an event.
		const late = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await late.synced;
		expect(noteTexts(late.doc)).toContain('facilitatorn under låset');
		expect(noteTexts(late.doc)).not.toContain('under låset');
		const rated = finalClose(late);
		setEmotion(late.doc, eventId, per.membershipId, 1);
		expect((await rated).code).toBe(4403);
		const exported = await fac.api.exportJson(fac.workshop.id);
		expect(exported.notes.map((n) => n.text)).not.toContain('under låset');

		setBoardLocked(f.doc, false);
		await waitFor(other.doc, (doc) => !isBoardLocked(doc), { message: 'Per sees the unlock' });

		// After the unlock Pia, on a new connection with a fresh document, writes again.
		const again = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await again.synced;
		expect(noteTexts(again.doc)).not.toContain('under låset');
		addNote(again.doc, { text: 'efter låset', author: authorOf(pia, 'Pia') });
		await waitForNote(f.doc, 'efter låset');
		await waitForNote(other.doc, 'efter låset');
		expect(again.closes).toEqual([]);
	});

	it('refuses the lock switch itself from a participant', async () => {
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await Promise.all([f.synced, p.synced]);
		const closed = finalClose(p);
		setBoardLocked(p.doc, true);
		expect((await closed).code).toBe(4403);
		addNote(f.doc, { text: 'kontroll efter låsförsöket', author: facAuthor });
		await waitForNote(f.doc, 'kontroll efter låsförsöket');
		const check = track(connect(server.wsUrl, per.room, { token: per.wsToken }));
		await check.synced;
		expect(noteTexts(check.doc)).toContain('kontroll efter låsförsöket');
		expect(isBoardLocked(check.doc)).toBe(false);
	});
});
