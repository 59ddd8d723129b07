/**
 * Scale-out benchmark (issue 18): 5,000 y-websocket clients (100 workshops × 50) across three
 * app processes behind HAProxy (deploy/haproxy.cfg), with Redis leases and one shared store.
 *
 * REQUIRES A BUILD (`npm run build`) and Debian's redis-server and haproxy (PostgreSQL too with
 * SCALE_OUT_STORE=postgres; one shared SQLite file otherwise, see tests/helpers/scale-cluster.ts).
 *
 *   npm run bench:scale-out
 *   npm run bench:scale-out -- --workshops=100 --clients=50 --client-processes=4 \
 *     --seconds=30 --note-every=20
 *
 * The clients live in several client processes (whole workshops per process, so a note's send
 * time and its receive times come from one clock). All connect through the proxy at once;
 * "all synced" is the time from that start until the last of them completed its first sync.
 * Then, for `seconds`, every client adds one note every `note-every` seconds (staggered evenly);
 * every other client of its workshop records receive time − send time. Printed: p50/p95/p99/max
 * delivery, deliveries received/expected, each app process's RSS (end and peak), and the load.
 * Not a timed test: the figures depend on the machine and on what else runs on it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../helpers/api.ts';
import { startScaleCluster, scaleOutStore } from '../helpers/scale-cluster.ts';
import { rssOf } from '../helpers/server.ts';
import { connect, type YClient } from '../helpers/yclient.ts';
import { addNote, notesMap, readNote, type NoteAuthor } from '../../src/lib/workshop/doc.ts';

function option(name: string, fallback: number): number {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	const value = Number(arg?.slice(name.length + 3));
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const WORKSHOPS = option('workshops', 100);
const CLIENTS = option('clients', 50);
const CLIENT_PROCESSES = option('client-processes', 4);
const SECONDS = option('seconds', 30);
const NOTE_EVERY_S = option('note-every', 20);

interface Seat {
	room: string;
	token: string;
	author: NoteAuthor;
}

interface ChildResult {
	clients: number;
	syncedMs: number;
	latencies: number[];
	expected: number;
	disconnected: number;
	closes: Record<number, number>;
}

// ---------------------------------------------------------------------------------------------
// Client process: connects its seats, reports when synced, waits for "go", writes, reports.

async function child(seatsFile: string, wsUrl: string) {
	const seats = JSON.parse(await readFile(seatsFile, 'utf8')) as Seat[];
	const start = performance.now();
	const clients: YClient[] = seats.map((seat) =>
		connect(wsUrl, seat.room, { token: seat.token }, { timeoutMs: 120_000, presence: false })
	);
	const outcomes = await Promise.allSettled(clients.map((c) => c.synced));
	const syncedMs = performance.now() - start;
	const unsynced = outcomes.filter((o) => o.status === 'rejected').length;
	if (unsynced > 0) process.stdout.write(`[client] ${unsynced} clients not synced within 120 s\n`);
	process.stdout.write(`SYNCED ${syncedMs}\n`);
	await new Promise<void>((resolve) =>
		createInterface({ input: process.stdin }).once('line', () => resolve())
	);

	const perRoom = new Map<string, number>();
	for (const seat of seats) perRoom.set(seat.room, (perRoom.get(seat.room) ?? 0) + 1);
	const rounds = Math.max(1, Math.floor(SECONDS / NOTE_EVERY_S));
	const expected = seats.reduce((sum, seat) => sum + rounds * (perRoom.get(seat.room)! - 1), 0);
	const latencies: number[] = [];
	let done: () => void = () => {};
	const all = new Promise<void>((resolve) => (done = resolve));
	for (const client of clients) {
		const notes = notesMap(client.doc);
		notes.observe((event) => {
			if (event.transaction.local) return;
			const now = performance.now();
			for (const [key, change] of event.changes.keys) {
				if (change.action !== 'add') continue;
				const map = notes.get(key);
				const match = map && / t=(\d+(?:\.\d+)?)$/.exec(readNote(key, map).text);
				if (!match) continue;
				latencies.push(now - Number(match[1]));
				if (latencies.length === expected) done();
			}
		});
	}
	const begin = performance.now() + 50;
	const period = NOTE_EVERY_S * 1000;
	clients.forEach((client, i) => {
		const offset = (i * period) / clients.length;
		for (let k = 0; k < rounds; k++) {
			setTimeout(
				() =>
					addNote(client.doc, {
						text: `c${i} n${k} t=${performance.now().toFixed(3)}`,
						author: seats[i]!.author
					}),
				Math.max(0, begin + offset + k * period - performance.now())
			);
		}
	});
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([
		all,
		new Promise<void>((resolve) => (timer = setTimeout(resolve, rounds * period + 20_000)))
	]);
	clearTimeout(timer);
	const closes: Record<number, number> = {};
	for (const c of clients) for (const code of c.closes) closes[code] = (closes[code] ?? 0) + 1;
	const result: ChildResult = {
		clients: clients.length,
		syncedMs,
		latencies,
		expected,
		disconnected: clients.filter((c) => !c.provider.wsconnected).length,
		closes
	};
	// A file, not stdout: a pipe may still hold a large line when the process exits.
	await writeFile(`${seatsFile}.result.json`, JSON.stringify(result));
	for (const c of clients) c.destroy();
	process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: the cluster, the seats, the client processes, the report.

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

async function parent() {
	const cluster = await startScaleCluster({
		pgPort: 35441,
		redisPort: 36384,
		proxyPort: 36081,
		leaseMs: 10_000,
		env: {
			// Every client comes through one proxy from one machine: one address.
			WS_SOCKETS_PER_ADDRESS: String(WORKSHOPS * CLIENTS * 2),
			JOIN_NEW_MEMBERS_LIMIT: String(WORKSHOPS * CLIENTS * 2),
			JOIN_RATE_LIMIT: '1000'
		}
	});
	const dir = await mkdtemp(join(tmpdir(), 'samskapa-scale-bench-'));
	try {
		console.log(
			`[scale-out] ${WORKSHOPS} workshops × ${CLIENTS} clients, ${cluster.apps.length} app ` +
				`processes (${scaleOutStore}), ${CLIENT_PROCESSES} client processes; load ${loadavg()[0]!.toFixed(2)}`
		);
		// Set-up goes to one process straight: joins are not what is measured, and a shared
		// SQLite file refuses concurrent write transactions from several processes.
		const setup = cluster.apps[0]!.url;
		const facilitator = new ApiClient(setup, '10.0.0.1');
		await facilitator.signup({ displayName: 'Bench' });
		const seats: Seat[][] = Array.from({ length: CLIENT_PROCESSES }, () => []);
		for (let w = 0; w < WORKSHOPS; w++) {
			const { links } = await facilitator.createWorkshop({ title: `Skala ${w}` });
			const joined = await Promise.all(
				Array.from({ length: CLIENTS }, (_, c) =>
					new ApiClient(setup, '10.0.0.2').join({
						code: links.participant.code,
						displayName: `Deltagare ${w}-${c}`,
						profession: 'lakare',
						organisation: 'region'
					})
				)
			);
			for (const [c, j] of joined.entries()) {
				seats[w % CLIENT_PROCESSES]!.push({
					room: j.room,
					token: j.wsToken,
					author: {
						id: j.membershipId,
						name: `Deltagare ${w}-${c}`,
						profession: 'lakare',
						organisation: 'region'
					}
				});
			}
		}
		console.log(`[scale-out] ${WORKSHOPS * CLIENTS} participants joined`);

		const rssPeak = new Map<number, number>();
		const sampler = setInterval(() => {
			for (const app of cluster.apps) {
				void rssOf(app.proc.pid!).then((rss) => {
					if (rss !== null) rssPeak.set(app.port, Math.max(rssPeak.get(app.port) ?? 0, rss));
				});
			}
		}, 500);

		const started = performance.now();
		const children = await Promise.all(
			seats.map(async (slice, i) => {
				const file = join(dir, `seats-${i}.json`);
				await writeFile(file, JSON.stringify(slice));
				const proc = spawn(
					process.execPath,
					[
						...process.execArgv,
						fileURLToPath(import.meta.url),
						'--child',
						file,
						cluster.proxy.wsUrl,
						`--seconds=${SECONDS}`,
						`--note-every=${NOTE_EVERY_S}`
					],
					{ stdio: ['pipe', 'pipe', 'inherit'] }
				);
				let synced!: () => void;
				const isSynced = new Promise<void>((resolve) => (synced = resolve));
				const finished = new Promise<ChildResult>((resolve, reject) => {
					createInterface({ input: proc.stdout! }).on('line', (line) => {
						if (line.startsWith('SYNCED ')) synced();
						else console.log(line);
					});
					proc.once('close', (code) => {
						if (code !== 0) reject(new Error(`client process ${i} exited ${code}`));
						else {
							readFile(`${file}.result.json`, 'utf8').then(
								(text) => resolve(JSON.parse(text) as ChildResult),
								reject
							);
						}
					});
				});
				return { proc, isSynced, finished };
			})
		);
		// A client process that exits before it synced fails the run (and stops the cluster).
		await Promise.all(
			children.map((c) =>
				Promise.race([
					c.isSynced,
					c.finished.then(() => {
						throw new Error('a client process ended before its clients synced');
					})
				])
			)
		);
		const allSyncedMs = performance.now() - started;
		console.log(
			`[scale-out] all ${WORKSHOPS * CLIENTS} clients synced in ${allSyncedMs.toFixed(0)} ms`
		);
		for (const c of children) c.proc.stdin!.write('go\n');
		const results = await Promise.all(children.map((c) => c.finished));
		clearInterval(sampler);

		const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
		const expected = results.reduce((s, r) => s + r.expected, 0);
		const mib = (v: number | null | undefined) =>
			v === null || v === undefined ? 'n/a' : `${(v / 1024 / 1024).toFixed(0)} MiB`;
		const ms = (v: number) => `${v.toFixed(1)} ms`;
		const closes: Record<number, number> = {};
		for (const r of results) {
			for (const [code, n] of Object.entries(r.closes)) {
				closes[Number(code)] = (closes[Number(code)] ?? 0) + n;
			}
		}
		console.log('');
		console.log(`| measure | value |`);
		console.log(`|---|---|`);
		console.log(
			`| clients (workshops × clients) | ${WORKSHOPS * CLIENTS} (${WORKSHOPS} × ${CLIENTS}) |`
		);
		console.log(`| all synced (connect through the proxy + first sync) | ${ms(allSyncedMs)} |`);
		console.log(
			`| delivery p50 / p95 / p99 / max | ${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))} / ${ms(percentile(latencies, 99))} / ${ms(latencies.at(-1) ?? NaN)} |`
		);
		console.log(`| deliveries received / expected | ${latencies.length} / ${expected} |`);
		const leases = await cluster.redis.keys('samskapa:lease:*');
		const holders = await Promise.all(leases.map((key) => cluster.redis.get(key)));
		for (const app of cluster.apps) {
			const end = await rssOf(app.proc.pid!);
			const held = holders.filter((id) => id === app.id).length;
			console.log(
				`| ${app.id}: workshops held, RSS end / peak | ${held}, ${mib(end)} / ${mib(rssPeak.get(app.port))} |`
			);
		}
		console.log(
			`| clients disconnected at the end | ${results.reduce((s, r) => s + r.disconnected, 0)} |`
		);
		console.log(`| server closes seen by clients | ${JSON.stringify(closes)} |`);
		console.log(`| load average (1 min) after | ${loadavg()[0]!.toFixed(2)} |`);
	} finally {
		await cluster.stop();
		await rm(dir, { recursive: true, force: true });
	}
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1]!, process.argv[childAt + 2]!);
else await parent();
