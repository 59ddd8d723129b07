import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	listActions,
	removeAction,
	updateAction
} from '../../src/lib/workshop/records/action.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { readSummary, writeSummary } from '../../src/lib/workshop/records/summary.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { connect, nextClose, waitFor, type YClient } from '../helpers/yclient.ts';

let server: TestServer;
const clients: YClient[] = [];
const track = (client: YClient) => (clients.push(client), client);

beforeAll(async () => {
	// Pia is refused on purpose several times; keep her access through the refusal budget.
	server = await startServer({ env: { WS_REFUSALS_PER_MINUTE: '100' } });
});

afterAll(async () => {
	for (const client of clients) client.destroy();
	await server?.stop();
	await removeTempDirs();
});

/** A workshop with one prioritised area, its facilitator and a participant on the board. */
async function setup() {
	const fac = await facilitatorWithWorkshop(server.url, 'Handlingsplan');
	const room = boardRoom(fac.workshop.id);
	const f = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
	const pia = await participant(server.url, fac.links.participant.code, 'Pia');
	const p = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
	await Promise.all([f.synced, p.synced]);
	const area = createArea(f.doc, { name: 'Vem ringer jag' })!;
	setPlacement(f.doc, area, { prioritised: true });
	return { fac, room, f, pia, p, area };
}

const plan = (doc: Y.Doc) =>
	listActions(doc).map(({ step, owner, due, status, ideaId }) => ({
		step,
		owner,
		due,
		status,
		ideaId
	}));

describe('the action plan and summary over the wire', () => {
	it('reaches a participant as the facilitator writes it, field by field', async () => {
		const { f, p, area } = await setup();
		const id = addAction(f.doc, { areaId: area, step: 'Hemgång', owner: 'Vårdcentralen' });
		await waitFor(p.doc, (d) => listActions(d).length === 1, { message: 'the new action' });
		updateAction(f.doc, id, { status: 'pagar', due: '2027-03-15', proposal: 'Ett nummer' });
		writeSummary(f.doc, { bullets: ['Ingen äger helheten'], nextSteps: ['Uppföljning i mars'] });
		await waitFor(
			p.doc,
			(d) => listActions(d)[0]?.status === 'pagar' && readSummary(d).bullets.length === 1,
			{
				message: 'status and summary'
			}
		);
		expect(listActions(p.doc)[0]).toMatchObject({
			step: 'Hemgång',
			owner: 'Vårdcentralen',
			due: '2027-03-15',
			proposal: 'Ett nummer',
			status: 'pagar'
		});
		expect(readSummary(p.doc)).toEqual({
			bullets: ['Ingen äger helheten'],
			nextSteps: ['Uppföljning i mars']
		});
		expect(p.closes.filter((code) => code === 4403)).toEqual([]);
	});

	it('refuses every write of a participant; the board keeps the facilitator’s plan', async () => {
		const { f, pia, area } = await setup();
		const id = addAction(f.doc, { areaId: area, step: 'Hemgång', status: 'pagar' });
		writeSummary(f.doc, { bullets: ['Facilitatorns punkt'] });
		const refused = async (what: string, write: (doc: Y.Doc) => unknown) => {
			const client = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
			await client.synced;
			await waitFor(client.doc, (d) => listActions(d).length === 1);
			const closed = nextClose(client.provider);
			write(client.doc);
			expect(await closed, what).toBe(4403);
			client.destroy();
		};
		await refused('add an action', (d) => addAction(d, { areaId: area, step: 'Pias' }));
		await refused('mark it done', (d) => updateAction(d, id, { status: 'genomford' }));
		await refused('change its owner', (d) => updateAction(d, id, { owner: 'Pia' }));
		await refused('remove it', (d) => removeAction(d, id));
		await refused('write the summary', (d) => writeSummary(d, { bullets: ['Pias punkt'] }));

		// A fresh reader sees the board as the facilitator left it.
		const reader = track(connect(server.wsUrl, pia.room, { token: pia.wsToken }));
		await reader.synced;
		await waitFor(reader.doc, (d) => listActions(d).length === 1);
		expect(plan(reader.doc)).toEqual([
			{ step: 'Hemgång', owner: '', due: null, status: 'pagar', ideaId: null }
		]);
		expect(readSummary(reader.doc).bullets).toEqual(['Facilitatorns punkt']);
		expect(plan(f.doc)).toEqual(plan(reader.doc));
	});

	it('keeps actions and the summary across a restart', async () => {
		const { fac, room, f, area } = await setup();
		const first = addAction(f.doc, { areaId: area, step: 'Första', owner: 'MAS' });
		addAction(f.doc, { areaId: area, step: 'Andra', due: '2027-01-31' });
		updateAction(f.doc, first, { status: 'genomford' });
		writeSummary(f.doc, { bullets: ['Å ä ö finns kvar'], nextSteps: ['Boka uppföljning'] });
		const check = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await check.synced;
		await waitFor(
			check.doc,
			(d) => listActions(d).length === 2 && readSummary(d).nextSteps.length === 1,
			{ message: 'everything on the server' }
		);
		const before = plan(f.doc);
		for (const client of clients.splice(0)) client.destroy();

		await server.stop();
		server = await startServer({
			database: server.database,
			port: server.port,
			env: { WS_REFUSALS_PER_MINUTE: '100' }
		});
		const after = track(connect(server.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await after.synced;
		await waitFor(after.doc, (d) => listActions(d).length === 2, {
			message: 'actions after restart'
		});
		expect(plan(after.doc)).toEqual(before);
		expect(plan(after.doc).map((a) => a.step)).toEqual(['Första', 'Andra']);
		expect(readSummary(after.doc)).toEqual({
			bullets: ['Å ä ö finns kvar'],
			nextSteps: ['Boka uppföljning']
		});
	});
});
