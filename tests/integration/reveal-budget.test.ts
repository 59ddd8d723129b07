import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, listNotes, notesMap } from '../../src/lib/workshop/doc.ts';
import { addEvent, addQuestion } from '../../src/lib/workshop/journey.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { ideasMap, listIdeas } from '../../src/lib/workshop/records/idea.ts';
import { listNoteRounds } from '../../src/lib/workshop/records/note-round.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { facilitatorWithWorkshop } from '../helpers/api.ts';
import { joinWithOwnRoom, serverPerFile } from '../helpers/harness.ts';
import { connect, nextClose, waitFor } from '../helpers/yclient.ts';

/**
 * The per-member byte budget (BYTES_PER_MEMBER, 4 MiB) holds across a silent round's reveal.
 * Before, the reveal copied private notes into the board under the server's client id, which
 * is charged to nobody: a participant wrote 4 MiB privately, had it revealed, and wrote 4 MiB
 * more. Now what the reveal copies is charged to its author, and a note that would take its
 * author past the budget stays private, with the reason told to the facilitator.
 */
const run = serverPerFile();
const { track } = run;

/** 2,000 characters of three UTF-8 bytes each: about 6 KB a note. */
const bigText = (i: number) => `${i} `.padEnd(2_000, '漢');

async function setup() {
	const { workshop, api, links } = await facilitatorWithWorkshop(run.server.url);
	const f = track(connect(run.server.wsUrl, `w/${workshop.id}`, { cookie: api.cookieHeader() }));
	await f.synced;
	const eventId = addEvent(f.doc, { title: 'Ringer 1177' });
	const questionId = addQuestion(f.doc, { text: 'Vad skaver?' });
	const join = (name: string) => joinWithOwnRoom(run, links.participant.code, name);
	const action = (body: unknown) =>
		api.request<{
			roundId: string;
			revealed?: number;
			notRevealed?: number;
			why?: { full: number; own: number; clash: number };
			error?: string;
		}>('POST', `/api/workshops/${workshop.id}/note-rounds`, body);
	const place = { eventId, questionId };
	const ideaAction = (body: unknown) =>
		api.request<{
			roundId: string;
			revealed?: number;
			notRevealed?: number;
			why?: { full: number; own: number; clash: number };
		}>('POST', `/api/workshops/${workshop.id}/idea-rounds`, body);
	return { f, join, action, ideaAction, place };
}

type Member = Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['join']>>;

/** Opens a round, `member` writes `count` big private notes, 50 to a message; the round's id. */
async function privateRound(
	s: Awaited<ReturnType<typeof setup>>,
	member: Member,
	count: number,
	from: number
) {
	const opened = await s.action({ action: 'open' });
	expect(opened.status).toBe(200);
	const roundId = opened.body.roundId;
	await waitFor(member.board.doc, (d) => listNoteRounds(d).some((r) => r.id === roundId));
	for (let start = 0; start < count; start += 50) {
		member.own.doc.transact(() => {
			for (let i = start; i < Math.min(count, start + 50); i++) {
				addNote(member.own.doc, { text: bigText(from + i), ...s.place, author: member.author });
			}
		});
	}
	// Stored and counted: the facilitator's board shows the round's count.
	await waitFor(s.f.doc, (d) => listNoteRounds(d).find((r) => r.id === roundId)?.notes === count, {
		message: `${count} private notes counted`,
		timeoutMs: 60_000
	});
	return roundId;
}

const mine = (doc: Y.Doc, member: Member) =>
	listNotes(doc).filter((n) => n.authorId === member.membershipId).length;

describe('the silent round’s reveal and the per-member byte budget', () => {
	it('charges what it copies to the author and keeps private what would pass their budget', async () => {
		const s = await setup();
		const mallory = await s.join('Mallory');
		const per = await s.join('Per');

		// About 3 MiB, within her budget: all of it revealed.
		const first = await privateRound(s, mallory, 500, 0);
		const all = await s.action({ action: 'reveal', roundId: first });
		expect(all.status).toBe(200);
		expect(all.body.revealed).toBe(500);

		// About 2 MiB more: only what fits her 4 MiB is revealed, the rest stays hers, and why.
		const second = await privateRound(s, mallory, 300, 500);
		const part = await s.action({ action: 'reveal', roundId: second });
		expect(part.status).toBe(409);
		const { revealed, notRevealed, why } = part.body;
		expect(revealed).toBeGreaterThan(0);
		expect(revealed! + notRevealed!).toBe(300);
		expect(why).toEqual({ full: 0, own: notRevealed, clash: 0 });
		expect(part.body.error).toMatch(/visades inte/);
		expect(part.body.error).toMatch(/more than a participant's share/);
		await waitFor(s.f.doc, (d) => mine(d, mallory) === 500 + revealed!, {
			message: 'what fits revealed',
			timeoutMs: 30_000
		});
		await waitFor(mallory.own.doc, (d) => notesMap(d).size === notRevealed, {
			message: 'the rest kept private',
			timeoutMs: 30_000
		});

		// Charged to her: one more note of her own on the board is refused; Per's is not.
		const refused = nextClose(mallory.board.provider);
		addNote(mallory.board.doc, { text: bigText(9_999), ...s.place, author: mallory.author });
		expect(await refused).toBe(4403);
		const perNote = addNote(per.board.doc, { text: bigText(1), ...s.place, author: per.author });
		await waitFor(s.f.doc, (d) => notesMap(d).has(perNote), { message: 'Per’s note accepted' });
		expect(per.board.closes).toEqual([]);
	}, 180_000);

	it('holds a silent idea round to the same budget, counting what the author wrote on the board herself', async () => {
		const s = await setup();
		const mallory = await s.join('Mallory');
		const areaId = createArea(s.f.doc, { name: 'Tyst runda' })!;
		setPlacement(s.f.doc, areaId, { prioritised: true });

		// About 3 MiB of notes written on the board by her own browser, 50 to a message.
		for (let start = 0; start < 500; start += 50) {
			mallory.board.doc.transact(() => {
				for (let i = start; i < start + 50; i++) {
					addNote(mallory.board.doc, { text: bigText(i), ...s.place, author: mallory.author });
				}
			});
		}
		await waitFor(s.f.doc, (d) => mine(d, mallory) === 500, {
			message: 'her notes on the board',
			timeoutMs: 60_000
		});

		const opened = await s.ideaAction({ action: 'silent', areaIds: [areaId] });
		expect(opened.status).toBe(200);
		// About 1.8 MiB of private ideas.
		const orders = generateNKeysBetween(null, null, 300);
		const now = Date.now();
		for (let start = 0; start < 300; start += 50) {
			mallory.own.doc.transact(() => {
				for (let i = start; i < start + 50; i++) {
					const idea = new Y.Map<unknown>();
					ideasMap(mallory.own.doc).set(`mallory-idea-${i}`, idea);
					for (const [field, value] of Object.entries({
						text: bigText(i),
						areaId,
						group: null,
						order: orders[i],
						authorId: mallory.membershipId,
						authorName: 'Mallory',
						profession: 'sjukskoterska',
						organisation: 'kommun',
						createdAt: now,
						updatedAt: now
					})) {
						idea.set(field, value);
					}
				}
			});
		}
		const check = track(connect(run.server.wsUrl, mallory.ownRoom, { token: mallory.wsToken }));
		await waitFor(check.doc, (d) => ideasMap(d).size === 300, {
			message: 'private ideas stored',
			timeoutMs: 60_000
		});

		const part = await s.ideaAction({ action: 'reveal', roundId: opened.body.roundId });
		expect(part.status).toBe(409);
		const { revealed, notRevealed, why } = part.body;
		expect(revealed).toBeGreaterThan(0);
		expect(revealed! + notRevealed!).toBe(300);
		expect(why).toEqual({ full: 0, own: notRevealed, clash: 0 });
		await waitFor(s.f.doc, (d) => listIdeas(d, areaId).length === revealed, {
			message: 'what fits revealed',
			timeoutMs: 30_000
		});
		await waitFor(mallory.own.doc, (d) => ideasMap(d).size === notRevealed, {
			message: 'the rest kept private',
			timeoutMs: 30_000
		});
		// Charged to her: one more note of her own on the board is refused.
		const refused = nextClose(mallory.board.provider);
		addNote(mallory.board.doc, { text: bigText(9_999), ...s.place, author: mallory.author });
		expect(await refused).toBe(4403);
	}, 180_000);
});
