// Attacker finding 1 (wip-bench): emotion ratings are keyed `<eventId>|<membershipId>`; when the
// event id was never checked, one participant filled the board's record cap in one message with
// ratings of made-up events, and nobody could create anything after.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '$lib/workshop/doc';
import { emotionsMap, setEmotion } from '$lib/workshop/emotions';
import { PARTICIPANT_SHARE, RECORDS_PER_DOCUMENT } from '$lib/workshop/layout';
import { EMOTIONS_PER_MEMBER } from '$lib/workshop/records/emotion';
import { encodeUpdate } from './judge-bytes';
import { author, board, change, member, replica, send } from './judge-fixture';

/** A rating written byte by byte: one root map entry of `emotions`. */
const rating = (client: number, key: string, value: number) =>
	encodeUpdate([
		{
			client,
			clock: 0,
			structs: [{ parent: 'emotions', parentSub: key, content: { any: [value] } }]
		}
	]);

describe('emotion ratings', () => {
	it('are refused for made-up events, so one participant cannot fill the board', () => {
		const b = board();
		const mallory = member(b, 'mallory');
		const malloryDoc = replica(b.doc);
		const flood = Math.floor(RECORDS_PER_DOCUMENT * PARTICIPANT_SHARE);
		const refused = change(b.doc, mallory, malloryDoc, () =>
			malloryDoc.transact(() => {
				for (let i = 0; i < flood; i++) emotionsMap(malloryDoc).set(`ev${i}|mallory`, 0);
			})
		);
		expect(refused).toBe('emotion: no such event');
		expect(emotionsMap(b.doc).size).toBe(0);
		// Everyone else still writes: another participant and a facilitator.
		const anna = member(b, 'anna');
		const annaDoc = replica(b.doc);
		expect(
			change(b.doc, anna, annaDoc, () =>
				addNote(annaDoc, { text: 'Annas lapp', author: author('anna') })
			)
		).toBeNull();
		const fac = member(b, 'fac', 'facilitator');
		const facDoc = replica(b.doc);
		expect(
			change(b.doc, fac, facDoc, () =>
				addNote(facDoc, { text: 'Facilitatorns lapp', author: author('fac') })
			)
		).toBeNull();
	});

	it('of an event on the board are accepted, through the app and byte by byte', () => {
		const b = board();
		const anna = member(b, 'anna');
		const annaDoc = replica(b.doc);
		expect(
			change(b.doc, anna, annaDoc, () => setEmotion(annaDoc, b.eventId, 'anna', 2))
		).toBeNull();
		expect(emotionsMap(b.doc).get(`${b.eventId}|anna`)).toBe(2);
		const bo = member(b, 'bo');
		expect(send(b.doc, bo, rating(4242, `${b.eventId}|bo`, -1))).toBeNull();
		expect(emotionsMap(b.doc).get(`${b.eventId}|bo`)).toBe(-1);
	});

	it('byte by byte: a made-up event or someone else’s key is refused', () => {
		const b = board();
		const bo = member(b, 'bo');
		expect(send(b.doc, bo, rating(4243, 'nosuchevent|bo', 1))).toBe('emotion: no such event');
		expect(send(b.doc, bo, rating(4244, `${b.eventId}|anna`, 1))).toBe(
			'emotion: not yours to create'
		);
		expect(emotionsMap(b.doc).size).toBe(0);
	});

	it('are at most EMOTIONS_PER_MEMBER per member', () => {
		const b = board();
		const doc = b.doc;
		const fac = member(b, 'fac', 'facilitator');
		const events = Array.from({ length: EMOTIONS_PER_MEMBER + 1 }, (_, i) => `e${i}`);
		const facDoc = replica(doc);
		expect(
			change(doc, fac, facDoc, () =>
				facDoc.transact(() => {
					for (const id of events) {
						const event = new Y.Map<unknown>();
						event.set('title', id);
						event.set('facts', []);
						event.set('order', 'a0');
						event.set('removedAt', null);
						facDoc.getMap('events').set(id, event);
					}
				})
			)
		).toBeNull();
		const anna = member(b, 'anna');
		const annaDoc = replica(doc);
		expect(
			change(b.doc, anna, annaDoc, () =>
				annaDoc.transact(() => {
					for (const id of events) setEmotion(annaDoc, id, 'anna', 0);
				})
			)
		).toBe('emotion: too many per member');
	});
});
