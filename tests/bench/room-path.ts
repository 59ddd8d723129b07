/**
 * What one accepted note costs a room outside the judge, in this process's CPU time: the
 * room's reading of the message, the apply, the app's features (insights, anonymity, the
 * dashboard's activity), the append to a SQLite file and the broadcast to every other socket.
 *
 *   npm run bench:room-path -- [--notes=3000] [--sockets=10] [--runs=5]
 *
 * A board room of a real workshop, its features as the server registers them, on a temporary
 * SQLite file (WAL), with `--sockets` sockets that take what is sent without a network (ws
 * framing and the kernel's send are not in the figure; bench:load measures those). One socket
 * writes `--notes` notes, each one message, as a browser would; everyone may write, so the
 * judge costs nothing here (the judge helper's benchmarks measure it). Printed per run: µs of
 * CPU (user + system) per note, and the median of the runs. Run it in two checkouts in the
 * same window to compare them; the machine's load is printed with each.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openSqliteStore } from '../../src/lib/server/db/sqlite.ts';
import { FeatureHooks } from '../../src/lib/server/realtime/hooks.ts';
import { realtimeFeatures } from '../../src/lib/server/realtime/features/index.ts';
import { encodeUpdate } from '../../src/lib/server/realtime/protocol.ts';
import { defaultLimits, Room } from '../../src/lib/server/realtime/room.ts';
import { createWorkshop } from '../../src/lib/server/services/workshops.ts';
import { addNote } from '../../src/lib/workshop/doc.ts';
import { boardRoom, parseRoom } from '../../src/lib/workshop/rooms.ts';

function intOption(name: string, fallback: number): number {
	const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
	const value = raw === undefined ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 1) {
		throw new Error(`--${name} must be a positive integer`);
	}
	return value;
}

const NOTES = intOption('notes', 3000);
const SOCKETS = intOption('sockets', 10);
const RUNS = intOption('runs', 5);

/** A socket without a network: open, reading, and counting what it is sent. */
class Socket extends EventEmitter {
	readonly OPEN = 1;
	readyState = 1;
	bufferedAmount = 0;
	received = 0;
	send(message: Uint8Array) {
		this.received += message.byteLength;
	}
	pause() {}
	resume() {}
	close() {
		throw new Error('the benchmark closed a socket: a note was refused');
	}
	terminate() {
		this.close();
	}
}

async function run(): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'samskapa-room-path-'));
	const store = openSqliteStore(join(dir, 'bench.db'));
	try {
		const { db } = store;
		await db
			.insert(store.tables.users)
			.values({ id: 'u1', email: 'bench@region.se', displayName: 'Bench', passwordHash: 'x' });
		const workshop = await createWorkshop(
			db,
			{ id: 'u1', displayName: 'Bench' },
			{ title: 'Rumsprov', purpose: '', date: null }
		);
		const name = boardRoom(workshop.id);
		const features = new FeatureHooks(
			realtimeFeatures({ db, switches: { get: () => null }, secret: 'bench' })
		);
		const room = new Room(
			name,
			store.docs,
			{ ...defaultLimits, updatesPerSecond: 1e9 },
			() => {
				throw new Error('the store failed');
			},
			features
		);
		await room.load();
		const [membership] = await db.select().from(store.tables.memberships);
		const session = { docName: name, room: parseRoom(name)!, membership: membership! };
		const sockets = Array.from({ length: SOCKETS }, () => new Socket());
		for (const ws of sockets) {
			room.add(ws as never, {
				session,
				writes: 'any',
				member: { id: membership!.id, presence: () => ({}) as never }
			});
		}

		// The notes as a browser sends them: one update message each.
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
		const messages: Buffer[] = [];
		client.on('update', (update: Uint8Array) => messages.push(Buffer.from(encodeUpdate(update))));
		const author = {
			id: membership!.id,
			name: 'Pia',
			profession: 'lakare',
			organisation: 'region'
		};
		for (let i = 0; i < NOTES; i++) addNote(client, { text: `Lapp ${i}`, author });

		const writer = sockets[0]!;
		const before = process.cpuUsage();
		for (const message of messages) writer.emit('message', message, true);
		const used = process.cpuUsage(before);
		await features.flush();
		if (sockets[1]!.received === 0) throw new Error('nothing was broadcast');
		room.destroy();
		return (used.user + used.system) / NOTES;
	} finally {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

console.log(
	`Room path: ${NOTES} notes from one of ${SOCKETS} sockets, ${RUNS} runs, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
const figures: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const perNote = await run();
	figures.push(perNote);
	console.log(`  run ${i + 1}: ${perNote.toFixed(1)} µs CPU per note`);
}
figures.sort((a, b) => a - b);
console.log(
	`median ${figures[figures.length >> 1]!.toFixed(1)} µs CPU per note (load average ${loadavg()[0]!.toFixed(2)})`
);
