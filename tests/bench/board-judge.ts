/**
 * What the write judge costs per note on a busy board, in this process only (no sockets, no
 * store): a board of 2,000 notes, 20 participants each adding notes and editing one, judged as
 * the room does (`judgeWrites`, then the update applied to the board, which the judge follows).
 *
 *   npm run bench:board-judge [-- --updates=4000 --rounds=5]
 *
 * Printed per round: the mean µs of the judge's check and of the board's apply per update, and
 * their sum; then the best round. CPU-bound and single-threaded, so less sensitive to other
 * processes than the load bench, but compare before/after in the same window.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addNote, editNote } from '../../src/lib/workshop/doc.ts';
import { addEvent, addQuestion } from '../../src/lib/workshop/journey.ts';
import type { ClientIds } from '../../src/lib/server/realtime/client-ids.ts';
import { judgeWrites, type WriteCheck } from '../../src/lib/server/realtime/judge.ts';

const option = (name: string, fallback: number) =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const UPDATES = option('updates', 4000);
const ROUNDS = option('rounds', 5);
const MEMBERS = 20;
const NOTES = 2000;

/** Bindings in memory, as client-ids.ts's memoryClientIds (which this loader cannot import). */
function memoryClientIds(): ClientIds {
	const owners = new Map<number, string>();
	return {
		owner: (client) => owners.get(client),
		bind: (client, membership) => void (owners.has(client) || owners.set(client, membership))
	};
}

function round() {
	const board = new Y.Doc();
	const eventId = addEvent(board, { title: 'Händelse 1' });
	const questionId = addQuestion(board, { text: 'Vad fungerar bra?' });
	const author = (id: string) =>
		({ id, name: id.toUpperCase(), profession: 'sjukskoterska', organisation: 'kommun' }) as const;
	board.transact(() => {
		for (let i = 0; i < NOTES; i++) {
			addNote(board, { text: `lapp ${i}`, author: author(`m${i % MEMBERS}`), eventId, questionId });
		}
	});
	const clientIds = memoryClientIds();
	const members = Array.from({ length: MEMBERS }, (_, i) => {
		const id = `p${i}`;
		const check: WriteCheck = judgeWrites({
			writer: {
				membershipId: id,
				role: 'participant',
				ids: () => [id],
				names: () => [id.toUpperCase()]
			},
			clientIds
		});
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(board));
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		return { id, check, client, updates, mine: null as string | null };
	});
	let judged = 0;
	let applied = 0;
	for (let n = 0; n < UPDATES; n++) {
		const m = members[n % MEMBERS]!;
		// Mostly new notes, every fourth update an edit of the member's last note.
		if (m.mine !== null && n % 4 === 3) editNote(m.client, m.mine, `ändrad ${n}`, n);
		else {
			m.mine = addNote(m.client, {
				text: `${m.id} lapp ${n}`,
				author: author(m.id),
				eventId,
				questionId,
				now: n
			});
		}
		const update = m.updates.shift()!;
		const t0 = performance.now();
		const refused = m.check(board, update);
		const t1 = performance.now();
		if (refused) throw new Error(`refused: ${refused.reason}`);
		Y.applyUpdate(board, update);
		const t2 = performance.now();
		judged += t1 - t0;
		applied += t2 - t1;
		// Every other member receives it, as the room broadcasts (not measured).
		for (const other of members) if (other !== m) Y.applyUpdate(other.client, update);
		for (const other of members) other.updates.length = 0;
	}
	return { judge: (judged / UPDATES) * 1000, apply: (applied / UPDATES) * 1000 };
}

const results = [];
for (let r = 1; r <= ROUNDS; r++) {
	const res = round();
	results.push(res);
	console.log(
		`round ${r}: judge ${res.judge.toFixed(1)} µs + apply ${res.apply.toFixed(1)} µs = ${(res.judge + res.apply).toFixed(1)} µs per update`
	);
}
const best = results.reduce((a, b) => (a.judge + a.apply <= b.judge + b.apply ? a : b));
console.log(
	`best: judge ${best.judge.toFixed(1)} µs + apply ${best.apply.toFixed(1)} µs = ${(best.judge + best.apply).toFixed(1)} µs per update (${UPDATES} updates, board of ${NOTES} notes, ${MEMBERS} members)`
);
