/**
 * Load benchmark: many workshops at once on one server process, against the bare reference
 * y-websocket server in alternating runs of the same invocation.
 *
 * REQUIRES A BUILD: run `npm run build` first (or point BUILD_DIR at another build/).
 *
 *   npm run bench:load -- --workshops=20 --clients=10            # latency and CPU (issue 18)
 *   npm run bench:load -- --workshops=20 --clients=50 --seconds=10 # connect CPU, sync time, RSS
 *   npm run bench:load -- --rounds=2 --procs=2 --presence=off --cpu-prof=/tmp/prof
 *
 * Each round measures Samskapa (persistence on a temporary SQLite file), then the reference
 * (tests/bench/reference-server.ts, no persistence), each a fresh server process. For each, W
 * workshops × M real y-websocket clients (presence on, as browsers, unless --presence=off) are
 * spread over P client processes (whole workshops per process, so a note's send and receive
 * times share one clock), spawned the way bench:fanout spawns its own. Then:
 *   connect: every client connects at once; printed are the wall time until every client is
 *     synced and the server's CPU time meanwhile (utime + stime from /proc/<pid>/stat);
 *   load: two unmeasured warm-up rounds, then every client adds one note a second (staggered
 *     evenly over the second) for S seconds; printed are the server's CPU use during the load
 *     (CPU seconds per wall second, and in all: the same work for both servers, the fairer
 *     figure on a busy machine, where the wall time stretches) and how much of it was the
 *     kernel's (system time: the sends and the store's file writes) and how much ran off the
 *     event loop (the process's other threads: V8's garbage collector and compiler, libuv;
 *     /proc/<pid>/task, which a V8 CPU profile does not see), the write syscalls and
 *     bytes of the server (/proc/<pid>/io: sockets and files), p50/p95/p99 delivery latency to
 *     the other clients of the same workshop, deliveries, and the server's RSS
 *     (/proc/<pid>/status VmRSS: once it listens, before the clients connect (after the
 *     workshops were made and joined over HTTP), when all are synced, at the end, and its peak).
 * The summary gives each figure's median per server and the ratio Samskapa / reference.
 *
 * BENCH_NODE_OPTIONS is given to both servers as NODE_OPTIONS, e.g. `--import
 * ./tests/bench/heap-sample.ts` to see where each allocates (tests/bench/heap-profile-top.ts).
 *
 * --cpu-prof=DIR writes a V8 CPU profile of every Samskapa server process into DIR, and of
 * every reference process into DIR/reference (read them with tests/bench/cpu-profile-top.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import {
	BUILD_DIR,
	removeTempDirs,
	ROOT,
	rssOf,
	spawnListening,
	startServer,
	type ListeningProcess
} from '../helpers/server.ts';
import { ApiClient } from '../helpers/api.ts';
import { connect } from '../helpers/yclient.ts';
import { addNote, notesMap, readNote } from '../../src/lib/workshop/doc.ts';
import {
	organisations as allOrganisations,
	professions as allProfessions
} from '../../src/lib/workshop/people.ts';
type Credentials = import('../helpers/yclient.ts').Credentials;
type YClient = import('../helpers/yclient.ts').YClient;

// ---------------------------------------------------------------------------------------------
// Options

function rawOption(name: string): string | undefined {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	return arg ? arg.slice(name.length + 3) : undefined;
}

function intOption(name: string, fallback: number): number {
	const raw = rawOption(name);
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) {
		console.error(`--${name} must be a positive integer, got ${raw}`);
		process.exit(2);
	}
	return value;
}

const WORKSHOPS = intOption('workshops', 20);
const CLIENTS = intOption('clients', 10);
const SECONDS = intOption('seconds', 20);
const ROUNDS = intOption('rounds', 2);
const PROCS = Math.min(intOption('procs', 2), WORKSHOPS);
const PRESENCE = !['off', '0', 'false', 'no'].includes(
	(rawOption('presence') ?? 'on').toLowerCase()
);
const CPU_PROF = rawOption('cpu-prof');
const ROLE = rawOption('role');
const WARMUP_ROUNDS = 2;
const SYNC_TIMEOUT_MS = 120_000;
const DRAIN_TIMEOUT_MS = 30_000;

if (CLIENTS < 2) {
	console.error('--clients must be at least 2 (someone has to receive)');
	process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Client process: connects its share of the workshops, then loads them on the parent's word.
// Protocol on stdin/stdout, one line each: the parent sends the plan (JSON), `connect`,
// `warmup`, `measure`; the child answers `ready`, `synced`, `warm`, `result <JSON>`.

interface Participant {
	credentials: Credentials;
	author: { id: string; name: string; profession: string; organisation: string };
}
interface Workshop {
	room: string;
	participants: Participant[];
}
interface Plan {
	wsUrl: string;
	workshops: Workshop[];
}
interface ChildResult {
	/** Delivery latencies in ms, Float64Array bytes in base64. */
	latencies: string;
	expected: number;
	received: number;
	closes: [number, number][];
	disconnected: number;
	rss: number;
}

function deferred<T = void>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function clientProcess(): Promise<void> {
	const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
	const next = async () => {
		const { value, done } = await lines.next();
		if (done) throw new Error('the parent closed stdin');
		return value as string;
	};
	const say = (line: string) => process.stdout.write(`${line}\n`);

	const plan = JSON.parse(await next()) as Plan;
	const total = plan.workshops.reduce((sum, w) => sum + w.participants.length, 0);
	process.setMaxListeners(total + 20);
	say('ready');
	if ((await next()) !== 'connect') throw new Error('expected connect');

	const clients: { client: YClient; author: Participant['author'] }[] = [];
	for (const workshop of plan.workshops) {
		for (const p of workshop.participants) {
			const client = connect(plan.wsUrl, workshop.room, p.credentials, {
				timeoutMs: SYNC_TIMEOUT_MS,
				presence: PRESENCE
			});
			clients.push({ client, author: p.author });
		}
	}
	await Promise.all(clients.map((c) => c.client.synced));
	say('synced');

	const expectedPerRound = plan.workshops.reduce(
		(sum, w) => sum + w.participants.length * (w.participants.length - 1),
		0
	);
	const expected = expectedPerRound * SECONDS;
	const latencies = new Float64Array(expected);
	let measured = 0;
	let warm = 0;
	const warmDone = deferred();
	const allDone = deferred();
	for (const { client } of clients) {
		const notes = notesMap(client.doc);
		notes.observe((event) => {
			if (event.transaction.local) return;
			const now = performance.now();
			for (const [key, change] of event.changes.keys) {
				if (change.action !== 'add') continue;
				const map = notes.get(key);
				if (!map) continue;
				const { text } = readNote(key, map);
				const match = / t=(\d+(?:\.\d+)?)$/.exec(text);
				if (!match) continue;
				if (text.startsWith('warmup')) {
					if (++warm === expectedPerRound * WARMUP_ROUNDS) warmDone.resolve();
					continue;
				}
				if (measured < expected) latencies[measured] = now - Number(match[1]);
				if (++measured === expected) allDone.resolve();
			}
		});
	}

	/** `rounds` notes per client, one a second, clients staggered evenly over each second. */
	function load(label: string, rounds: number): Promise<void> {
		const start = performance.now() + 50;
		const finished = deferred();
		let remaining = clients.length;
		clients.forEach(({ client, author }, i) => {
			let k = 0;
			const offset = (i * 1000) / clients.length;
			const tick = () => {
				addNote(client.doc, { text: `${label} n${k} t=${performance.now().toFixed(3)}`, author });
				k++;
				if (k < rounds) {
					setTimeout(tick, Math.max(0, start + offset + k * 1000 - performance.now()));
				} else if (--remaining === 0) {
					finished.resolve();
				}
			};
			setTimeout(tick, Math.max(0, start + offset - performance.now()));
		});
		return finished.promise;
	}

	if ((await next()) !== 'warmup') throw new Error('expected warmup');
	await load('warmup', WARMUP_ROUNDS);
	if ((await withTimeout(warmDone.promise, DRAIN_TIMEOUT_MS)) === 'timeout') {
		console.error(`warm-up incomplete: ${warm}/${expectedPerRound * WARMUP_ROUNDS}`);
	}
	say('warm');

	if ((await next()) !== 'measure') throw new Error('expected measure');
	await load('bench', SECONDS);
	await withTimeout(allDone.promise, DRAIN_TIMEOUT_MS);

	const closes = new Map<number, number>();
	for (const { client } of clients) {
		for (const code of client.closes) closes.set(code, (closes.get(code) ?? 0) + 1);
	}
	const received = Math.min(measured, expected);
	const result: ChildResult = {
		latencies: Buffer.from(latencies.buffer, 0, received * 8).toString('base64'),
		expected,
		received,
		closes: [...closes],
		disconnected: clients.filter((c) => !c.client.provider.wsconnected).length,
		rss: process.memoryUsage().rss
	};
	for (const { client } of clients) client.destroy();
	say(`result ${JSON.stringify(result)}`);
}

if (ROLE === 'client') {
	try {
		await clientProcess();
		// A pipe is written asynchronously: exit only once the result line is out.
		await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
		process.exit(0);
	} catch (error) {
		console.error('[load client] failed:', error instanceof Error ? error.message : error);
		process.exit(1);
	}
}

// ---------------------------------------------------------------------------------------------
// Parent: servers, setup, the phases, the report.

type TargetName = 'Samskapa' | 'Reference';

interface Run {
	name: TargetName;
	round: number;
	syncMs: number;
	connectCpuMs: number;
	/** Server CPU from the first measured note until every delivery arrived. */
	loadCpuMs: number;
	/** Of it, in the kernel (system time): the sends and the store's writes. */
	loadSystemMs: number;
	/** Of it, on threads other than the event loop's: V8's garbage collector and compiler, libuv. */
	loadHelperMs: number;
	loadCpu: number;
	p50: number;
	p95: number;
	p99: number;
	received: number;
	expected: number;
	/** RSS once the server listens, before the bench creates anything on it. */
	rssStart: number | null;
	/** RSS just before the clients connect: Samskapa's after the workshops were made and joined over HTTP. */
	rssBefore: number | null;
	rssSynced: number | null;
	rssEnd: number | null;
	rssPeak: number | null;
	/** Write syscalls (sockets and files) and bytes they wrote during the load, /proc/<pid>/io. */
	writeCalls: number;
	writeBytes: number;
	clientRss: number;
	closes: string;
	disconnected: number;
	loadAfter: number;
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time of a process in ms, user and system (the kernel: sockets, files), from /proc. */
async function cpuTimesOf(pid: number): Promise<{ user: number; system: number }> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces) start at field 3.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return {
		user: (Number(fields[11]) * 1000) / CLK_TCK,
		system: (Number(fields[12]) * 1000) / CLK_TCK
	};
}

/**
 * CPU time of the process's main thread (the event loop: what a V8 profile sees) in ms; the
 * rest of the process's CPU is its helper threads (V8's garbage collector and compiler, libuv).
 */
async function mainThreadMsOf(pid: number): Promise<number> {
	const stat = await readFile(`/proc/${pid}/task/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

async function cpuMsOf(pid: number): Promise<number> {
	const { user, system } = await cpuTimesOf(pid);
	return user + system;
}

/** Write syscalls and the bytes they wrote so far, from /proc/<pid>/io. */
async function writesOf(pid: number): Promise<{ calls: number; bytes: number }> {
	const io = await readFile(`/proc/${pid}/io`, 'utf8');
	const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? NaN);
	return { calls: field('syscw'), bytes: field('wchar') };
}

function percentile(sorted: Float64Array, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

const professions = allProfessions;
const organisations = allOrganisations;
const authorOf = (id: string, n: number) => ({
	id,
	name: `Deltagare ${n + 1}`,
	profession: professions[n % professions.length]!,
	organisation: organisations[n % organisations.length]!
});

interface Started {
	server: ListeningProcess;
	plan: Plan;
	rssStart: number | null;
}

async function startSamskapa(): Promise<Started> {
	const env: Record<string, string> = {
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		WS_SOCKETS_PER_ADDRESS: String(WORKSHOPS * CLIENTS + 10)
	};
	if (CPU_PROF) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${CPU_PROF}`;
	if (process.env.BENCH_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
	const server = await startServer({ env });
	const rssStart = await rssOf(server.proc.pid!);
	const workshops: Workshop[] = [];
	for (let w = 0; w < WORKSHOPS; w++) {
		const facilitator = new ApiClient(server.url, `10.49.${w >> 8}.${(w & 255) + 1}`);
		await facilitator.signup({ displayName: `Bench ${w + 1}` });
		const { links } = await facilitator.createWorkshop({ title: `Lastprov ${w + 1}` });
		const joined = await Promise.all(
			Array.from({ length: CLIENTS }, (_, i) => {
				const n = w * CLIENTS + i;
				return new ApiClient(server.url, `10.${60 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`).join({
					code: links.participant.code,
					displayName: `Deltagare ${i + 1}`,
					profession: professions[i % professions.length],
					organisation: organisations[i % organisations.length]
				});
			})
		);
		workshops.push({
			room: joined[0]!.room,
			participants: joined.map((j, i) => ({
				credentials: { token: j.wsToken },
				author: authorOf(j.membershipId, i)
			}))
		});
	}
	return { server, plan: { wsUrl: server.wsUrl, workshops }, rssStart };
}

async function startReference(): Promise<Started> {
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
	delete env.YPERSISTENCE;
	if (process.env.BENCH_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
	if (CPU_PROF) env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${join(CPU_PROF, 'reference')}`;
	const server = await spawnListening(
		['--disable-warning=ExperimentalWarning', join(ROOT, 'tests', 'bench', 'reference-server.ts')],
		env,
		{ label: 'reference' }
	);
	const workshops: Workshop[] = Array.from({ length: WORKSHOPS }, (_, w) => ({
		room: `w/load-${w}`,
		participants: Array.from({ length: CLIENTS }, (_, i) => ({
			credentials: {},
			author: authorOf(`m${w}-${i}`, i)
		}))
	}));
	return {
		server,
		plan: { wsUrl: `ws://127.0.0.1:${server.port}`, workshops },
		rssStart: await rssOf(server.proc.pid!)
	};
}

/** A client process and a way to await its next line. */
function spawnClient(plan: Plan) {
	const args = [
		...process.execArgv,
		fileURLToPath(import.meta.url),
		'--role=client',
		`--seconds=${SECONDS}`,
		`--presence=${PRESENCE ? 'on' : 'off'}`
	];
	const child: ChildProcess = spawn(process.execPath, args, {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const waiting: ((line: string) => void)[] = [];
	const queued: string[] = [];
	createInterface({ input: child.stdout! }).on('line', (line) => {
		const waiter = waiting.shift();
		if (waiter) waiter(line);
		else queued.push(line);
	});
	const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
	const send = (line: string) => child.stdin!.write(`${line}\n`);
	send(JSON.stringify(plan));
	return {
		send,
		next(): Promise<string> {
			const line = queued.shift();
			if (line !== undefined) return Promise.resolve(line);
			return Promise.race([
				new Promise<string>((resolve) => waiting.push(resolve)),
				exited.then((code) => {
					throw new Error(`a client process exited (code ${code}) before answering`);
				})
			]);
		},
		exited,
		kill: () => child.kill('SIGKILL')
	};
}

async function measure(name: TargetName, round: number): Promise<Run> {
	const log = (text: string) => console.log(`[${name} ${round}] ${text}`);
	const { server, plan, rssStart } =
		name === 'Samskapa' ? await startSamskapa() : await startReference();
	const pid = server.proc.pid!;
	const children = Array.from({ length: PROCS }, (_, p) =>
		spawnClient({ ...plan, workshops: plan.workshops.filter((_, w) => w % PROCS === p) })
	);
	const all = (line: string, answer: string) =>
		Promise.all(
			children.map(async (c) => {
				c.send(line);
				const got = await c.next();
				if (!got.startsWith(answer)) throw new Error(`expected ${answer}, got ${got}`);
				return got;
			})
		);
	let rssPeak: number | null = null;
	const sampler = setInterval(() => {
		void rssOf(pid).then((rss) => {
			if (rss !== null) rssPeak = Math.max(rssPeak ?? 0, rss);
		});
	}, 500);
	try {
		// Module loading of the client processes is not connecting.
		await Promise.all(children.map((c) => c.next()));
		const rssBefore = await rssOf(pid);
		const cpu0 = await cpuMsOf(pid);
		const t0 = performance.now();
		await all('connect', 'synced');
		const syncMs = performance.now() - t0;
		const connectCpuMs = (await cpuMsOf(pid)) - cpu0;
		const rssSynced = await rssOf(pid);
		log(
			`${WORKSHOPS * CLIENTS} clients synced in ${syncMs.toFixed(0)} ms, server CPU ${connectCpuMs.toFixed(0)} ms`
		);

		await all('warmup', 'warm');
		const cpu1 = await cpuTimesOf(pid);
		const main1 = await mainThreadMsOf(pid);
		const writes1 = await writesOf(pid);
		const t1 = performance.now();
		const answers = await all('measure', 'result ');
		const cpu2 = await cpuTimesOf(pid);
		const main2 = await mainThreadMsOf(pid);
		const loadSystemMs = cpu2.system - cpu1.system;
		const loadCpuMs = cpu2.user - cpu1.user + loadSystemMs;
		const writes2 = await writesOf(pid);
		const loadCpu = loadCpuMs / (performance.now() - t1);
		const rssEnd = await rssOf(pid);
		const results = answers.map((a) => JSON.parse(a.slice('result '.length)) as ChildResult);

		const parts = results.map((r) => {
			const bytes = Buffer.from(r.latencies, 'base64');
			return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
		});
		const sorted = new Float64Array(parts.reduce((sum, p) => sum + p.length, 0));
		let at = 0;
		for (const part of parts) {
			sorted.set(part, at);
			at += part.length;
		}
		sorted.sort();
		const closes = new Map<number, number>();
		for (const r of results) {
			for (const [code, count] of r.closes) closes.set(code, (closes.get(code) ?? 0) + count);
		}
		const run: Run = {
			name,
			round,
			syncMs,
			connectCpuMs,
			loadCpuMs,
			loadSystemMs,
			loadHelperMs: loadCpuMs - (main2 - main1),
			loadCpu,
			p50: percentile(sorted, 50),
			p95: percentile(sorted, 95),
			p99: percentile(sorted, 99),
			received: results.reduce((sum, r) => sum + r.received, 0),
			expected: results.reduce((sum, r) => sum + r.expected, 0),
			rssStart,
			rssBefore,
			rssSynced,
			rssEnd,
			rssPeak: Math.max(rssPeak ?? 0, rssEnd ?? 0) || null,
			writeCalls: writes2.calls - writes1.calls,
			writeBytes: writes2.bytes - writes1.bytes,
			clientRss: results.reduce((sum, r) => sum + r.rss, 0),
			closes: closes.size === 0 ? 'none' : [...closes].map(([code, n]) => `${code}×${n}`).join(' '),
			disconnected: results.reduce((sum, r) => sum + r.disconnected, 0),
			loadAfter: loadavg()[0]!
		};
		log(
			`load: CPU ${(run.loadCpu * 100).toFixed(1)} %, p95 ${run.p95.toFixed(1)} ms, ` +
				`${run.received}/${run.expected} deliveries`
		);
		await Promise.all(children.map((c) => c.exited));
		return run;
	} finally {
		clearInterval(sampler);
		for (const c of children) c.kill();
		await server.stop();
		await removeTempDirs();
	}
}

if (!existsSync(join(BUILD_DIR, 'handler.js'))) {
	console.error(`${join(BUILD_DIR, 'handler.js')} is missing: run \`npm run build\` first.`);
	process.exit(1);
}

console.log(
	`Load benchmark: ${WORKSHOPS} workshops × ${CLIENTS} clients (${WORKSHOPS * CLIENTS} in all) in ` +
		`${PROCS} client processes, 1 note/s each for ${SECONDS} s, presence ${PRESENCE ? 'on' : 'off'}, ` +
		`${ROUNDS} rounds alternating Samskapa (build ${BUILD_DIR}) and the reference.`
);
console.log(
	`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);

const runs: Run[] = [];
try {
	for (let round = 1; round <= ROUNDS; round++) {
		runs.push(await measure('Samskapa', round));
		runs.push(await measure('Reference', round));
	}
} catch (error) {
	console.error('\nbenchmark failed:', error instanceof Error ? error.message : error);
	process.exit(1);
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const mib = (v: number | null) => (v === null ? 'n/a' : `${(v / 1024 / 1024).toFixed(0)} MiB`);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

const rows: [string, (r: Run) => string][] = [
	['time for all to sync', (r) => ms(r.syncMs)],
	['connect CPU (server)', (r) => ms(r.connectCpuMs)],
	['server CPU under load', (r) => pct(r.loadCpu)],
	['server CPU for the load', (r) => ms(r.loadCpuMs)],
	['… of it in the kernel', (r) => ms(r.loadSystemMs)],
	['… of it off the event loop', (r) => ms(r.loadHelperMs)],
	['delivery p50', (r) => ms(r.p50)],
	['delivery p95', (r) => ms(r.p95)],
	['delivery p99', (r) => ms(r.p99)],
	['deliveries', (r) => `${r.received}/${r.expected}`],
	[
		'server RSS start / before connect / synced / end / peak',
		(r) =>
			[r.rssStart, r.rssBefore, r.rssSynced, r.rssEnd, r.rssPeak].map((v) => mib(v)).join(' / ')
	],
	[
		'server writes under load: calls / KiB',
		(r) => `${r.writeCalls} / ${(r.writeBytes / 1024).toFixed(0)}`
	],
	['client processes RSS', (r) => mib(r.clientRss)],
	['closes (code×count)', (r) => r.closes],
	['disconnected at end', (r) => String(r.disconnected)],
	['load average after', (r) => r.loadAfter.toFixed(2)]
];
const header = ['', ...runs.map((r) => `${r.name} ${r.round}`)];
const table = [header, ...rows.map(([label, cell]) => [label, ...runs.map(cell)])];
const widths = header.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
const line = (row: string[]) =>
	row
		.map((c, col) => (col === 0 ? c.padEnd(widths[col]!) : c.padStart(widths[col]!)))
		.join('  │  ');
console.log('');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('──┼──'));
for (const row of table.slice(1)) console.log(line(row));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const of = (name: TargetName, pick: (r: Run) => number) =>
	median(runs.filter((r) => r.name === name).map(pick));
const ratios: [string, (r: Run) => number][] = [
	['server CPU under load', (r) => r.loadCpu],
	['server CPU for the load (ms)', (r) => r.loadCpuMs],
	['… of it in the kernel (ms)', (r) => r.loadSystemMs],
	['… of it off the event loop (ms)', (r) => r.loadHelperMs],
	['connect CPU (ms)', (r) => r.connectCpuMs],
	['time for all to sync (ms)', (r) => r.syncMs],
	['delivery p95 (ms)', (r) => r.p95],
	['server RSS at start (MiB)', (r) => (r.rssStart ?? Number.NaN) / 1024 / 1024],
	['server RSS before connect (MiB)', (r) => (r.rssBefore ?? Number.NaN) / 1024 / 1024],
	['server RSS synced (MiB)', (r) => (r.rssSynced ?? Number.NaN) / 1024 / 1024],
	['server RSS peak (MiB)', (r) => (r.rssPeak ?? Number.NaN) / 1024 / 1024],
	['server write syscalls', (r) => r.writeCalls],
	['server bytes written (KiB)', (r) => r.writeBytes / 1024]
];
console.log('\nMedians, Samskapa / reference (target ≤ 1.2×):');
for (const [label, pick] of ratios) {
	const ours = of('Samskapa', pick);
	const ref = of('Reference', pick);
	console.log(
		`  ${label.padEnd(30)} ${(ours / ref).toFixed(2)}×  (${ours.toFixed(2)} vs ${ref.toFixed(2)})`
	);
}
const lost = runs.filter((r) => r.received !== r.expected);
console.log(
	lost.length === 0
		? 'Every note reached every other client of its workshop.'
		: `INCOMPLETE: ${lost.map((r) => `${r.name} ${r.round}`).join(', ')}`
);
process.exit(lost.length === 0 ? 0 : 1);
