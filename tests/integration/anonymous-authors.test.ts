/**
 * Anonymous authorship over the wire (issue 14, break 6; attacker findings §8): in an anonymous
 * workshop a note is signed with its author's pseudonym, never their membership id, whatever
 * id their browser wrote; its author still edits and removes it, nobody else can claim it.
 */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';
import { addNote, deleteNote, editNote, notesMap } from '../../src/lib/workshop/doc.ts';
import { emotionsMap, setEmotion } from '../../src/lib/workshop/emotions.ts';
import { listEvents } from '../../src/lib/workshop/journey.ts';
import { facilitatorWithWorkshop, participant } from '../helpers/api.ts';
import { serverPerFile } from '../helpers/harness.ts';
import {
	closed,
	firstMessage,
	openAccepted,
	receivedMessages,
	syncStep1Message,
	updateMessage
} from '../helpers/ws.ts';
import { connect, waitFor } from '../helpers/yclient.ts';

const run = serverPerFile();

/** A note created byte by byte under client `client`, signed `authorId`. */
function noteBytes(client: number, id: string, authorId: string): Uint8Array {
	const fields: [string, unknown][] = [
		['text', 'Min lapp'],
		['kind', 'note'],
		['eventId', null],
		['questionId', null],
		['authorId', authorId],
		['authorName', null],
		['profession', 'lakare'],
		['organisation', 'region'],
		['createdAt', 1],
		['updatedAt', 1]
	];
	const structs: Struct[] = [
		{ parent: 'notes', parentSub: id, content: { map: true } },
		...fields.map(([field, value]): Struct => ({
			parent: [client, 0],
			parentSub: field,
			content: { any: [value] }
		}))
	];
	return encodeUpdate([{ client, clock: 0, structs }]);
}

/** The Yjs update a sync message (step 2 or update) carries; none for every other message. */
function syncUpdate(message: Buffer): Uint8Array[] {
	const decoder = decoding.createDecoder(new Uint8Array(message));
	if (decoding.readVarUint(decoder) !== 0) return [];
	return decoding.readVarUint(decoder) === 0 ? [] : [decoding.readVarUint8Array(decoder)];
}

describe('an anonymous workshop signs notes with a pseudonym', () => {
	it('never sends the writer’s membership id; the writer keeps their note, others cannot claim it', async () => {
		const { server, track } = run;
		const fac = await facilitatorWithWorkshop(server.url, 'Anonyma lappar');
		const settings = `/api/workshops/${fac.workshop.id}/settings`;
		expect((await fac.api.request('PATCH', settings, { anonymous: true })).status).toBe(200);
		const astrid = await participant(server.url, fac.links.participant.code, 'Astrid');
		const bo = await participant(server.url, fac.links.participant.code, 'Bo');

		// Bo listens on a raw socket: every byte the server sends him is kept.
		const watcher = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		run.sockets.push(watcher);
		await firstMessage(watcher);
		watcher.send(syncStep1Message());
		const facilitator = track(
			connect(server.wsUrl, astrid.room, { cookie: fac.api.cookieHeader() })
		);
		const writer = track(connect(server.wsUrl, astrid.room, { token: astrid.wsToken }));
		await Promise.all([writer.synced, facilitator.synced]);

		// Her browser writes her membership id, as one that has not yet seen the switch would.
		const author = {
			id: astrid.membershipId,
			name: null,
			profession: 'lakare',
			organisation: 'region'
		} as const;
		const kept = addNote(writer.doc, { text: 'Behålls', author });
		const removed = addNote(writer.doc, { text: 'Tas bort', author });
		const signatures = () =>
			[kept, removed].map((id) => notesMap(writer.doc).get(id)?.get('authorId'));
		await waitFor(writer.doc, () => !signatures().includes(astrid.membershipId), {
			message: 'the server signs her notes with her pseudonym'
		});
		const [pseudonym = '', other] = signatures() as string[];
		expect(pseudonym).toMatch(/^a-[A-Za-z0-9_-]{22}$/);
		expect(other).toBe(pseudonym);

		// Her own note is still hers to edit and to remove.
		expect(editNote(writer.doc, kept, 'Ändrad')).toBe(true);
		expect(deleteNote(writer.doc, removed)).toBe(true);
		await waitFor(
			facilitator.doc,
			() =>
				notesMap(facilitator.doc).get(kept)?.get('text') === 'Ändrad' &&
				!notesMap(facilitator.doc).has(removed),
			{ message: 'her edit and removal reach the facilitator' }
		);
		expect(writer.provider.wsconnected).toBe(true);

		// Bo claims her pseudonym on a note of his own, byte by byte: refused.
		const claim = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		await firstMessage(claim);
		const refusal = closed(claim);
		claim.send(updateMessage(noteBytes(424242, 'forged', pseudonym)));
		const { code, reason } = await refusal;
		expect(code).toBe(4403);
		expect(reason).toMatch(/not yours to create/);
		expect(notesMap(facilitator.doc).has('forged')).toBe(false);

		// Nor may he remove her note.
		const note = notesMap(facilitator.doc).get(kept)!._item!.id;
		const remover = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		await firstMessage(remover);
		const removal = closed(remover);
		remover.send(
			updateMessage(encodeUpdate([], [{ client: note.client, ranges: [[note.clock, 1]] }]))
		);
		expect(await removal).toMatchObject({ code: 4403 });
		expect(notesMap(facilitator.doc).get(kept)?.get('text')).toBe('Ändrad');

		// A browser that knows the switch signs with the pseudonym itself (the page tells it).
		const signed = addNote(writer.doc, {
			text: 'Redan anonym',
			author: { ...author, id: pseudonym }
		});
		await waitFor(facilitator.doc, () => notesMap(facilitator.doc).has(signed), {
			message: 'her self-signed note reaches the facilitator'
		});
		expect(notesMap(facilitator.doc).get(signed)?.get('authorId')).toBe(pseudonym);

		// Her rating of an event under her pseudonym is hers; Bo's under it, byte by byte, is not.
		// An event of the board: a rating of one that does not exist is refused (records/emotion.ts).
		const eventId = listEvents(writer.doc)[0]!.id;
		const rating = `${eventId}|${pseudonym}`;
		setEmotion(writer.doc, eventId, pseudonym, 2);
		await waitFor(facilitator.doc, () => emotionsMap(facilitator.doc).get(rating) === 2, {
			message: 'her rating reaches the facilitator'
		});
		// Written after hers (its origin), so it would replace it.
		const given = emotionsMap(facilitator.doc)._map.get(rating)!.id;
		const rater = await openAccepted(server.wsUrl, bo.room, { token: bo.wsToken });
		await firstMessage(rater);
		const refused = closed(rater);
		rater.send(
			updateMessage(
				encodeUpdate([
					{
						client: 434343,
						clock: 0,
						structs: [{ origin: [given.client, given.clock], content: { any: [-2] } }]
					}
				])
			)
		);
		expect(await refused).toMatchObject({
			code: 4403,
			reason: expect.stringMatching(/emotion: not yours/)
		});
		expect(emotionsMap(facilitator.doc).get(rating)).toBe(2);

		// Nothing Bo's socket received carries her membership id; what it decodes to is the pseudonym.
		const bytes = Buffer.from(astrid.membershipId);
		expect(receivedMessages(watcher).filter((m) => m.includes(bytes))).toEqual([]);
		const seen = new Y.Doc();
		for (const update of receivedMessages(watcher).flatMap(syncUpdate)) Y.applyUpdate(seen, update);
		expect(JSON.stringify(seen.toJSON())).not.toContain(astrid.membershipId);
		expect(notesMap(seen).get(kept)?.get('authorId')).toBe(pseudonym);
	});
});
