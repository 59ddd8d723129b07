import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, listNotes } from '../../src/lib/workshop/doc.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import { millis, query } from '../helpers/store';
import { authorOf, connect, waitFor, waitForNote } from '../helpers/yclient.ts';

/**
 * The dashboard's figures a board's activity writes into the workshop's row
 * (features/activity.ts), on the store the suite runs on: its statements are prepared once
 * per dialect, so this is what proves them on both.
 */

const run = serverPerFile();

describe('dashboard activity', () => {
	it('writes the note count and the last activity into the workshop row', async () => {
		const { server, track } = run;
		const before = Date.now();
		const fac = await facilitatorWithWorkshop(server.url, 'Aktivitet');
		const pia = await participant(server.url, fac.links.participant.code, 'Pia');
		const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		const f = track(
			connect(server.wsUrl, boardRoom(fac.workshop.id), { cookie: fac.api.cookieHeader() })
		);
		await Promise.all([p.synced, f.synced]);
		const row = async () => {
			// The dashboard writes what the process holds back before it reads.
			expect((await fac.api.request('GET', '/dashboard/__data.json')).status).toBe(200);
			const [found] = await query<{ note_count: number | null; last_activity_at: unknown }>(
				server.database,
				'SELECT note_count, last_activity_at FROM workshops WHERE id = ?',
				[fac.workshop.id]
			);
			return { count: found?.note_count ?? null, at: millis(found?.last_activity_at) };
		};

		const by = authorOf(pia, 'Pia');
		const first = addNote(p.doc, { text: 'Första', author: by });
		addNote(p.doc, { text: 'Andra', author: by });
		addNote(p.doc, { text: 'Tredje', author: by });
		await waitForNote(f.doc, 'Tredje');
		const written = await row();
		expect(written.count).toBe(3);
		expect(written.at).toBeGreaterThanOrEqual(before);

		deleteNote(p.doc, first);
		await waitFor(f.doc, (doc) => listNotes(doc).length === 2, { message: 'the deletion' });
		// Activity is written once a minute at most; the count as soon as it changes.
		expect(await row()).toEqual({ count: 2, at: written.at });
	});
});
