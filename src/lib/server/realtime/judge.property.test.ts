import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, deleteNote, editNote, listNotes, notesMap, setNoteKind } from '$lib/workshop/doc';
import { emotionsMap, setEmotion } from '$lib/workshop/emotions';
import {
	addEvent,
	addQuestion,
	listEvents,
	listQuestions,
	nudgeEvent,
	removeEvent,
	updateEvent,
	updateQuestion
} from '$lib/workshop/journey';
import { boardRecords } from '$lib/workshop/layout';
import { updatePersona } from '$lib/workshop/persona';
import { setBoardLocked } from '$lib/workshop/records/board-state';
import { author, board, member, replica, send } from './judge-fixture';
import { judgeShadow } from './judge';

/** mulberry32: a small deterministic generator, so a failure replays. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ROUNDS = 3_000;

/** Everything that is not Anna's: persona, journey, lock, Bo's notes and ratings. */
function othersState(doc: Y.Doc) {
	const notes = listNotes(doc).filter((n) => n.authorId !== 'anna');
	const emotions = [...emotionsMap(doc).entries()].filter(([k]) => !k.endsWith('|anna'));
	return JSON.stringify({
		notes,
		emotions,
		persona: doc.getMap('persona').toJSON(),
		events: doc.getMap('events').toJSON(),
		questions: doc.getMap('questions').toJSON(),
		state: doc.getMap('state').toJSON(),
		roots: [...doc.share.keys()].sort()
	});
}

const everything = (doc: Y.Doc) =>
	JSON.stringify(boardRecords.map((r) => doc.getMap(r.root).toJSON()));

/** Every record, in key order (a map's own order is the order its keys arrived in). */
const sorted = (doc: Y.Doc) =>
	JSON.stringify(
		boardRecords.map((r) =>
			Object.entries(doc.getMap(r.root).toJSON()).sort(([a], [b]) => (a < b ? -1 : 1))
		)
	);

/** The records of the roots a document holds, without creating any (a root once read stays). */
const held = (doc: Y.Doc) =>
	JSON.stringify(
		boardRecords
			.filter((r) => doc.share.has(r.root))
			.map((r) => [r.root, doc.getMap(r.root).toJSON()])
			.filter(([, json]) => Object.keys(json as object).length > 0)
	);

describe('a participant-controlled replica sending random updates', () => {
	it('changes nothing of others, never blocks honest writes, and replicas converge', () => {
		const rand = random(20261202);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
		const b = board();
		setEmotion(b.doc, b.eventId, 'bo', -1);
		addQuestion(b.doc, { text: 'Vad skaver?' });
		const anna = member(b, 'anna');
		const before = othersState(b.doc);
		const honest = replica(b.doc);
		const watcher = replica(b.doc);
		let evil = replica(b.doc);
		const counts = { accepted: 0, refused: 0, honest: 0 };

		const broadcast = (update: Uint8Array) => {
			for (const doc of [honest, watcher, evil]) Y.applyUpdate(doc, update);
		};
		const capture = (doc: Y.Doc, edit: () => unknown) => {
			const updates: Uint8Array[] = [];
			const record = (u: Uint8Array, origin: unknown) => {
				if (origin !== 'remote') updates.push(u);
			};
			doc.on('update', record);
			edit();
			doc.off('update', record);
			return updates.length ? Y.mergeUpdates(updates) : null;
		};
		const own = (doc: Y.Doc) => listNotes(doc).filter((n) => n.authorId === 'anna');
		const anyNote = (doc: Y.Doc) => pick([...notesMap(doc).keys()]);
		const event = (doc: Y.Doc) => pick(listEvents(doc)).id;
		const text = () => pick(['Tidspress', 'HACKED', '', 'x'.repeat(2100), 'Ringer 1177']);

		const attacks: Array<(doc: Y.Doc) => unknown> = [
			(d) => addNote(d, { text: text() || 'a', author: author('anna', pick(['ANNA', null])) }),
			(d) => addNote(d, { text: 'forged', author: author('bo') }),
			(d) => addNote(d, { text: 'signed', author: author('anna', 'BO') }),
			(d) => addNote(d, { id: anyNote(d), text: 'replaced', author: author('anna') }),
			(d) => editNote(d, anyNote(d), text() || 'b'),
			(d) => setNoteKind(d, anyNote(d), pick(['citat', 'bottennapp'])),
			(d) => deleteNote(d, anyNote(d)),
			(d) =>
				notesMap(d)
					.get(anyNote(d))
					?.set(pick(['authorId', 'createdAt', 'color']), 'bo'),
			(d) =>
				notesMap(d)
					.get(anyNote(d))
					?.delete(pick(['text', 'updatedAt'])),
			(d) => notesMap(d).set(`raw${Math.floor(rand() * 1e6)}`, new Y.Map()),
			(d) => updatePersona(d, { name: 'Greta', age: 40 }),
			(d) => d.getMap('persona').set('secret', 1),
			(d) => addEvent(d, { title: 'Händelse X' }),
			(d) => updateEvent(d, event(d), { facts: ['inget'] }),
			(d) => nudgeEvent(d, event(d), 1),
			(d) => removeEvent(d, event(d)),
			(d) => updateQuestion(d, pick(listQuestions(d)).id, 'Annat'),
			(d) => setBoardLocked(d, true),
			(d) => setEmotion(d, event(d), pick(['anna', 'bo']), pick([-2, 0, 2])),
			(d) => emotionsMap(d).set(`${event(d)}|anna`, pick([7, 0.5, -3])),
			(d) => emotionsMap(d).delete(pick([...emotionsMap(d).keys(), 'x|y'])),
			(d) => d.getMap(pick(['settings', 'scores', 'notes2'])).set('k', 1),
			(d) => d.getArray('notes-list').push(['x'])
		];
		const honestWrites: Array<() => unknown> = [
			() => addNote(honest, { text: 'Ärlig lapp', author: author('anna'), eventId: event(honest) }),
			() => {
				const mine = own(honest);
				if (mine.length) editNote(honest, pick(mine).id, `Ändrad ${rand()}`);
			},
			() => {
				const mine = own(honest);
				if (mine.length) setNoteKind(honest, pick(mine).id, 'hojdpunkt');
			},
			() => {
				const mine = own(honest);
				if (mine.length > 20) deleteNote(honest, pick(mine).id);
			},
			() => setEmotion(honest, event(honest), 'anna', pick([-2, -1, 0, 1, 2, null]))
		];

		for (let round = 0; round < ROUNDS; round++) {
			if (rand() < 0.3) {
				const update = capture(honest, pick(honestWrites));
				if (!update) continue;
				expect(send(b.doc, anna, update)).toBeNull();
				counts.honest++;
				broadcast(update);
				continue;
			}
			const update = capture(evil, () => pick(attacks)(evil));
			if (!update) continue;
			if (send(b.doc, anna, update) === null) {
				counts.accepted++;
				broadcast(update);
			} else {
				// The server closed that socket; the attacker reconnects with a fresh replica.
				counts.refused++;
				evil = replica(b.doc);
				// The refused update was taken out of the judge's replica, nothing else.
				const shadow = judgeShadow(b.doc)!.doc;
				expect(Y.encodeStateVector(shadow)).toEqual(Y.encodeStateVector(b.doc));
				if (counts.refused % 50 === 0) expect(held(shadow)).toBe(held(b.doc));
			}
		}

		expect(othersState(b.doc)).toBe(before);
		expect(counts.refused).toBeGreaterThan(1000);
		expect(counts.accepted).toBeGreaterThan(100);
		expect(counts.honest).toBeGreaterThan(700);
		// Each refusal cost what the update did, never a rebuild of the board.
		expect(judgeShadow(b.doc)!.rebuilds).toBe(1);
		for (const doc of [honest, watcher]) {
			expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(b.doc));
			expect(everything(doc)).toBe(everything(b.doc));
		}
		// What the shadow would encode (its store, not only its maps) is the board.
		const fromShadow = replica(judgeShadow(b.doc)!.doc);
		expect(Y.encodeStateVector(fromShadow)).toEqual(Y.encodeStateVector(b.doc));
		expect(sorted(fromShadow)).toBe(sorted(b.doc));
	}, 120_000);
});
