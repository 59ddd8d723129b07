/**
 * What the write judge costs per note on a busy board, in this process only (no sockets, no
 * store): a board of 2,000 notes, 20 participants each adding notes and editing their last one.
 * The members' updates are made first; then a fresh board takes them all twice, once only
 * applied and once judged as the room does (`judgeWrites`, then applied, which the judge's
 * replica follows). The judge's cost is the difference of the two in process CPU time.
 *
 *   npm run bench:board-judge [-- --updates=4000 --rounds=5 --heap-profile=/tmp/judge.heapprofile]
 *
 * Printed per round: the CPU µs per update of the judge and of the board's own apply; then the
 * round with the least. CPU time of one thread, so less sensitive to other processes than the
 * load bench's wall clock, but compare before/after in the same window. Last, the bytes the
 * judge allocates per update, garbage included (V8's sampling heap profiler, one more pair of
 * runs): what the collector works through, which the other processes' load does not move.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as Y from 'yjs';
import { addNote, editNote } from '../../src/lib/workshop/doc.ts';
import { addEvent, addQuestion } from '../../src/lib/workshop/journey.ts';
import type { ClientIds } from '../../src/lib/server/realtime/client-ids.ts';
import { judgeWrites, type WriteCheck } from '../../src/lib/server/realtime/judge.ts';
import { mapDeclaredRoots } from '../../src/lib/server/realtime/declared-roots.ts';

const option = (name: string, fallback: number) =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const UPDATES = option('updates', 4000);
const ROUNDS = option('rounds', 5);
/** Where to write the judged run's heap profile (read it with heap-profile-top.ts --under=judge). */
const HEAP_PROFILE = process.argv.find((a) => a.startsWith('--heap-profile='))?.slice(15);
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

/** The board before the load, as the server holds it, and the updates the members send. */
function prepare() {
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
	const start = Y.encodeStateAsUpdate(board);
	const clients = Array.from({ length: MEMBERS }, (_, i) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, start);
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'server' && updates.push(u));
		return { id: `p${i}`, doc, updates, mine: null as string | null };
	});
	const sent: { member: string; update: Uint8Array }[] = [];
	for (let n = 0; n < UPDATES; n++) {
		const m = clients[n % MEMBERS]!;
		// Mostly new notes, every fourth update an edit of the member's last note.
		if (m.mine !== null && n % 4 === 3) editNote(m.doc, m.mine, `ändrad ${n}`, n);
		else {
			const note = { text: `${m.id} lapp ${n}`, author: author(m.id), eventId, questionId, now: n };
			m.mine = addNote(m.doc, note);
		}
		const update = m.updates.shift()!;
		sent.push({ member: m.id, update });
		for (const other of clients) if (other !== m) Y.applyUpdate(other.doc, update, 'server');
	}
	return { start, sent };
}

/**
 * What `measure` reads of taking every update on a board (but the first): judged first (as the
 * room does), or only applied.
 */
function serve(
	start: Uint8Array,
	sent: { member: string; update: Uint8Array }[],
	judged: boolean,
	measure: (run: () => void) => number
) {
	const board = new Y.Doc();
	// As the server's room holds it: every declared root a map before anything is applied, so
	// the judge's readers find them (facilitation, rounds) as they do in the real server.
	mapDeclaredRoots('w/bench', board);
	Y.applyUpdate(board, start);
	// The room encodes every update it stores and sends, judged or not.
	board.on('update', () => {});
	const clientIds = memoryClientIds();
	const checks = new Map<string, WriteCheck>();
	for (const { member: id } of sent) {
		if (checks.has(id)) continue;
		const writer = {
			membershipId: id,
			role: 'participant' as const,
			ids: () => [id],
			names: () => [id.toUpperCase()]
		};
		checks.set(id, judgeWrites({ writer, clientIds }));
	}
	// The judge's replica is built on the first update: not part of the load.
	const [first, ...rest] = sent;
	if (judged && checks.get(first!.member)!(board, first!.update)) throw new Error('refused');
	Y.applyUpdate(board, first!.update);
	return measure(() => {
		for (const { member, update } of rest) {
			if (judged) {
				const refused = checks.get(member)!(board, update);
				if (refused) throw new Error(`refused: ${refused.reason}`);
			}
			Y.applyUpdate(board, update);
		}
	});
}

/** CPU ms of this thread while `run` runs. */
function cpuMs(run: () => void): number {
	const cpu = process.cpuUsage();
	run();
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / 1000;
}

/** Bytes allocated (garbage included) while `run` runs, as V8's sampling heap profiler sees them. */
function allocated(run: () => void, file?: string): number {
	const session = new Session();
	session.connect();
	// The inspector answers a session of the same thread synchronously.
	session.post('HeapProfiler.startSampling', {
		samplingInterval: 1024,
		includeObjectsCollectedByMajorGC: true,
		includeObjectsCollectedByMinorGC: true
	});
	run();
	let bytes = 0;
	session.post('HeapProfiler.getSamplingProfile', (error, result) => {
		if (error) throw error;
		if (file) writeFileSync(file, JSON.stringify(result.profile));
		const walk = (node: { selfSize: number; children: (typeof node)[] }): void => {
			bytes += node.selfSize;
			node.children.forEach(walk);
		};
		walk(result.profile.head);
	});
	session.post('HeapProfiler.stopSampling');
	session.disconnect();
	return bytes;
}

function round() {
	const { start, sent } = prepare();
	const applyOnly = serve(start, sent, false, cpuMs);
	const both = serve(start, sent, true, cpuMs);
	const per = (ms: number) => (ms * 1000) / (sent.length - 1);
	return { judge: per(both - applyOnly), apply: per(applyOnly) };
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
{
	const { start, sent } = prepare();
	const applyOnly = serve(start, sent, false, (run) => allocated(run));
	const both = serve(start, sent, true, (run) => allocated(run, HEAP_PROFILE));
	const per = (bytes: number) => (bytes / 1024 / (sent.length - 1)).toFixed(1);
	console.log(
		`allocated: judge ${per(both - applyOnly)} KiB + apply ${per(applyOnly)} KiB per update (garbage included)`
	);
}
