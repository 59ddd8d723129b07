import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate, type ID, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import {
	canvasShapeText,
	listCanvas,
	placeIdeaOnCanvas,
	putCanvasShape,
	readCanvasRecord,
	richTextOf,
	type CanvasShape
} from '../../src/lib/workshop/records/canvas-shape.ts';
import { addIdea, listIdeas } from '../../src/lib/workshop/records/idea.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { removeTempDirs, startServer, type TestServer } from '../helpers/server.ts';
import { closed, firstMessage, openAccepted, updateMessage } from '../helpers/ws.ts';
import { connect, waitFor, type YClient } from '../helpers/yclient.ts';

/**
 * The canvas over the wire: two Node clients draw on one area's canvas, a crafted client is
 * refused what the judge refuses, the shapes survive a restart on the same database, and a
 * sticky made an idea is in the JSON export with its provenance.
 */
const servers: TestServer[] = [];
const clients: YClient[] = [];

afterAll(async () => {
	for (const client of clients) client.destroy();
	for (const server of servers) await server.stop();
	await removeTempDirs();
});

const track = (client: YClient) => (clients.push(client), client);

const sticky = (text: string, x: number): CanvasShape => ({
	type: 'note',
	x,
	y: 0,
	rotation: 0,
	index: 'a1',
	isLocked: false,
	opacity: 1,
	props: { color: 'yellow', richText: richTextOf(text) }
});

/** A crafted canvas record: its map item at clock 0, then one item per field, byte by byte. */
function crafted(client: number, key: string, fields: Record<string, unknown>): Uint8Array {
	const parent: ID = [client, 0];
	const structs: Struct[] = [
		{ parent: 'canvas', parentSub: key, content: { map: true } },
		...Object.entries(fields).map(([field, value]) => ({
			parent,
			parentSub: field,
			content: { any: [value] }
		}))
	];
	return encodeUpdate([{ client, clock: 0, structs }]);
}

describe('the canvas over the wire', () => {
	it('syncs two clients’ shapes, refuses a crafted client’s, survives a restart and exports a sticky made an idea', async () => {
		const first = await startServer();
		servers.push(first);
		const fac = await facilitatorWithWorkshop(first.url);
		const room = `w/${fac.workshop.id}`;
		const f = track(connect(first.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await f.synced;
		const area = createArea(f.doc, { name: 'Vem ringer jag' })!;
		setPlacement(f.doc, area, { prioritised: true });

		const people = await Promise.all(
			(['Pia', 'Per'] as const).map(async (name) => {
				const p = await participant(first.url, fac.links.participant.code, name, {
					profession: 'lakare',
					organisation: 'region'
				});
				const board = track(connect(first.wsUrl, p.room, { token: p.wsToken }));
				await board.synced;
				const author = {
					id: p.membershipId,
					name,
					profession: 'lakare' as const,
					organisation: 'region' as const
				};
				return { ...p, board, author };
			})
		);
		const [pia, per] = people as [(typeof people)[0], (typeof people)[0]];
		await waitFor(pia.board.doc, (d) => d.getMap('placements').has(area));

		// Pia draws a sticky; Per sees it, and his shape reaches her.
		putCanvasShape(pia.board.doc, {
			key: 'piasticky',
			areaId: area,
			shape: sticky('Ett nummer som alltid svarar', 0),
			author: pia.author
		});
		putCanvasShape(per.board.doc, {
			key: 'perarrow',
			areaId: area,
			shape: { ...sticky('', 300), type: 'geo', props: { geo: 'rectangle', w: 100, h: 80 } },
			author: per.author
		});
		await waitFor(per.board.doc, (d) => readCanvasRecord(d, 'piasticky') !== null);
		await waitFor(pia.board.doc, (d) => readCanvasRecord(d, 'perarrow') !== null);
		await waitFor(f.doc, (d) => listCanvas(d, area).length === 2);

		// A crafted client of Per's moves Pia's sticky (a new record under her key is refused the
		// same way), draws an unknown kind of shape, and one far too large: each closes its socket.
		const send = async (update: Uint8Array) => {
			const ws = await openAccepted(first.wsUrl, room, { token: per.wsToken });
			await firstMessage(ws);
			const done = closed(ws);
			ws.send(updateMessage(update));
			return done;
		};
		const perRecord = (over: Record<string, unknown>) => ({
			areaId: area,
			shape: sticky('Pers', 10),
			authorId: per.membershipId,
			authorName: 'Per',
			profession: 'lakare',
			organisation: 'region',
			createdAt: 1,
			...over
		});
		const pias = pia.board.doc.getMap('canvas').get('piasticky') as Y.Map<unknown>;
		const shapeItem = (pias as unknown as { _map: Map<string, Y.Item> })._map.get('shape')!;
		const move = encodeUpdate([
			{
				client: 424242,
				clock: 0,
				structs: [
					{
						origin: [shapeItem.id.client, shapeItem.id.clock],
						content: { any: [sticky('Flyttad av Per', 999)] }
					}
				]
			}
		]);
		expect((await send(move)).reason).toMatch(/canvas shape: shape is not yours to change/);
		expect(
			(
				await send(
					crafted(424243, 'k1', perRecord({ shape: { ...sticky('x', 0), type: 'embed' } }))
				)
			).code
		).toBe(4403);
		const huge = sticky('x'.repeat(40_000), 0);
		expect((await send(crafted(424244, 'k2', perRecord({ shape: huge })))).code).toBe(4403);
		expect(
			(await send(crafted(424245, 'k3', perRecord({ authorId: pia.membershipId })))).reason
		).toMatch(/not yours to create/);
		// Pia's sticky is where she left it; nothing crafted got in.
		expect(readCanvasRecord(f.doc, 'piasticky')!.shape.x).toBe(0);
		expect(
			listCanvas(f.doc)
				.map((s) => s.key)
				.sort()
		).toEqual(['perarrow', 'piasticky']);

		// Pia's sticky becomes an idea with its provenance; an idea goes onto the canvas.
		const record = readCanvasRecord(pia.board.doc, 'piasticky')!;
		const ideaId = addIdea(pia.board.doc, {
			text: canvasShapeText(record.shape),
			areaId: area,
			canvasKey: 'piasticky',
			author: pia.author
		});
		placeIdeaOnCanvas(per.board.doc, { areaId: area, text: 'Per lägger idén', author: per.author });
		await waitFor(
			f.doc,
			(d) => listIdeas(d).some((i) => i.id === ideaId) && listCanvas(d).length === 3
		);

		// A restart on the same database: everything is still there.
		for (const client of clients.splice(0)) client.destroy();
		await first.stop();
		const second = await startServer({ database: first.database });
		servers.push(second);
		const again = track(connect(second.wsUrl, room, { cookie: fac.api.cookieHeader() }));
		await again.synced;
		expect(listCanvas(again.doc, area)).toHaveLength(3);
		expect(canvasShapeText(readCanvasRecord(again.doc, 'piasticky')!.shape)).toBe(
			'Ett nummer som alltid svarar'
		);

		const exported = await fac.api.moveTo(second.url).exportJson(fac.workshop.id);
		const ideas = exported.board.ideas as Array<{ id: string; text: string; canvasKey?: string }>;
		expect(ideas.find((i) => i.id === ideaId)).toMatchObject({
			text: 'Ett nummer som alltid svarar',
			canvasKey: 'piasticky'
		});
		const canvas = exported.board.canvas as Array<{ id: string; authorName: string | null }>;
		expect(canvas.map((s) => s.id).sort()).toContain('piasticky');
	});
});
