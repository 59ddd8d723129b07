/**
 * Attack benchmark (issue 14): runs each attack a participant link allows against a real
 * server and prints one row per attack, so the same script measures an old and a new build.
 *
 * REQUIRES A BUILD of the checkout measured: `npm run build` there first.
 *
 *   npm run bench:attacks                               # full size, this checkout
 *   npm run bench:attacks -- --quick                    # scaled down, a few minutes
 *   npm run bench:attacks -- --root /path/to/checkout --json out.json --only a,c
 *   npm run bench:attacks -- --port 4300                # first port for the servers it starts
 *
 * For every attack a fresh server (`node <root>/src/server.ts`, BUILD_DIR=<root>/build, a fresh
 * DATABASE_PATH, cwd <root> so its own migrations apply) is started. Meanwhile an honest pair
 * (two participants with ordinary y-websocket clients and presence) runs: one writes a note
 * every 100 ms, the other receives it; the round-trip of every note is recorded, a note not
 * received within the drain time counts as lost (∞ in the percentiles). /healthz is polled
 * every 500 ms. After the attack a newcomer (a fresh participant, else the facilitator) must
 * fully sync the board within 10 s, then the server is restarted on the same database and a
 * newcomer tries again. Printed per attack: honest p50/p95 (and lost), /healthz worst answer,
 * server RSS peak (VmHWM), board size after (encoded, read from the stored log), newcomer
 * before/after restart, what the attacker got (close codes, refusals) and attack-specific
 * figures (revealed median, joins accepted, anonymity leak window).
 *
 * The attacks are tolerant of a changed server: a write refused or a socket closed is a result,
 * never a crash of the benchmark. Where the old way of filling a private document (a free
 * `drafts` root) is refused, the largest legal content (1000 ideas of a silent round) is used
 * and the row says so.
 *
 * Every client socket comes from this process; the server runs with ADDRESS_HEADER=
 * x-forwarded-for so each honest member joins from its own address, and "from one address"
 * attacks share one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { ApiClient, type Joined } from '../helpers/api.ts';
import { ROOT } from '../helpers/server.ts';
import { openRaw, updateMessage } from '../helpers/ws.ts';
import { connect, type YClient } from '../helpers/yclient.ts';
import { addNote, notesMap } from '../../src/lib/workshop/doc.ts';
import { BYTES_PER_MEMBER } from '../../src/lib/workshop/layout.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { addIdea, ideasMap } from '../../src/lib/workshop/records/idea.ts';
import { findRound } from '../../src/lib/workshop/records/round.ts';
import { setScore } from '../../src/lib/workshop/records/score.ts';
import { boardRoom, privateRoom } from '../../src/lib/workshop/rooms.ts';
import { encodeUpdate, type Struct } from '../../src/lib/server/realtime/judge-bytes.ts';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
function option(name: string): string | undefined {
	const eq = argv.find((a) => a.startsWith(`--${name}=`));
	if (eq) return eq.slice(name.length + 3);
	const at = argv.indexOf(`--${name}`);
	return at >= 0 ? argv[at + 1] : undefined;
}
const CHECKOUT = resolve(option('root') ?? ROOT);
const QUICK = argv.includes('--quick');
const JSON_OUT = option('json');
const ONLY = option('only')
	?.split(',')
	.map((s) => s.trim().toLowerCase());
const FIRST_PORT = Number(option('port') ?? 4300);
const LOG = argv.includes('--verbose') || Boolean(process.env.SAMSKAPA_TEST_LOG);

/** Full size by default; --quick scales every attack down for a short run. */
const SIZE = QUICK
	? {
			seconds: 5,
			privateEntries: 15_000,
			ticksPerSecond: 50,
			recountMembers: 5,
			recountEntries: 15_000,
			ghostMessages: 4,
			ghostsPerMessage: 10_000,
			capNotes: 1_500,
			capBytes: 4 * 1024 * 1024,
			importBytes: 2 * 1024 * 1024,
			extraJoins: 10,
			joinFlood: 50
		}
	: {
			seconds: 15,
			privateEntries: 60_000,
			ticksPerSecond: 50,
			recountMembers: 20,
			recountEntries: 56_000,
			ghostMessages: 4,
			ghostsPerMessage: 60_000,
			capNotes: 5_000,
			capBytes: 15.5 * 1024 * 1024,
			importBytes: 7.5 * 1024 * 1024,
			extraJoins: 10,
			joinFlood: 200
		};
const NEWCOMER_TIMEOUT_MS = 10_000;
const DRAIN_MS = 10_000;
const ATTACK_TIMEOUT_MS = QUICK ? 4 * 60_000 : 10 * 60_000;

if (!option('table-from') && !existsSync(joinPath(CHECKOUT, 'build', 'handler.js'))) {
	console.error(
		`${joinPath(CHECKOUT, 'build', 'handler.js')} is missing: run \`npm run build\` there.`
	);
	process.exit(1);
}

const log = (text: string) => process.stderr.write(`[attacks ${clock()}] ${text}\n`);
const t0 = performance.now();
const clock = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// ---------------------------------------------------------------------------------------------
// The server under test

let portCursor = 0;
function nextPort(): number {
	const port = FIRST_PORT + (portCursor % 100);
	portCursor++;
	return port;
}

interface Server {
	port: number;
	url: string;
	wsUrl: string;
	dbPath: string;
	proc: ChildProcess;
	/** Largest VmRSS sampled every 250 ms (VmHWM is read too at stop). */
	rssPeak: number;
	stop(): Promise<void>;
	output(): string;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const proc of running) proc.kill('SIGKILL');
});

async function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number | null> {
	try {
		const status = await readFile(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

async function startServer(dbPath: string, port: number): Promise<Server> {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	const proc = spawn(
		process.execPath,
		['--disable-warning=ExperimentalWarning', joinPath(CHECKOUT, 'src', 'server.ts')],
		{
			cwd: CHECKOUT,
			env: {
				...env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: dbPath,
				BUILD_DIR: joinPath(CHECKOUT, 'build'),
				SAMSKAPA_DEMO: '0',
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	running.add(proc);
	let out = '';
	const exited = new Promise<void>((r) =>
		proc.once('exit', () => {
			running.delete(proc);
			r();
		})
	);
	const collect = (chunk: Buffer) => {
		out += chunk.toString();
		if (out.length > 200_000) out = out.slice(-100_000);
		if (LOG) process.stderr.write(`[server :${port}] ${chunk}`);
	};
	proc.stdout!.on('data', collect);
	proc.stderr!.on('data', collect);
	await new Promise<void>((resolveStart, rejectStart) => {
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			rejectStart(new Error(`server did not start in 60 s:\n${out}`));
		}, 60_000);
		const check = () => {
			if (/listening on http/.test(out)) {
				clearTimeout(timer);
				resolveStart();
			}
		};
		proc.stdout!.on('data', check);
		proc.stderr!.on('data', check);
		proc.once('exit', (code) => {
			clearTimeout(timer);
			rejectStart(new Error(`server exited (${code}) before listening:\n${out}`));
		});
	});
	const server: Server = {
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/ws`,
		dbPath,
		proc,
		rssPeak: 0,
		output: () => out,
		async stop() {
			clearInterval(sampler);
			const hwm = await procStatus(proc.pid!, 'VmHWM');
			if (hwm !== null) server.rssPeak = Math.max(server.rssPeak, hwm);
			if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
			// A server whose event loop is stuck never runs its SIGTERM handler.
			if ((await withTimeout(exited, 30_000)) === 'timeout') {
				log(`server :${port} ignored SIGTERM for 30 s: SIGKILL`);
				proc.kill('SIGKILL');
				await exited;
			}
		}
	};
	const sampler = setInterval(() => {
		void procStatus(proc.pid!, 'VmRSS').then((rss) => {
			if (rss !== null) server.rssPeak = Math.max(server.rssPeak, rss);
		});
	}, 250);
	return server;
}

/** The board as stored (snapshot + log tail), encoded: its size in bytes; null if unreadable. */
function storedDocBytes(dbPath: string, docName: string): number | null {
	try {
		const db = new Database(dbPath, { readonly: true, fileMustExist: true });
		try {
			const doc = new Y.Doc();
			const snapshot = db
				.prepare('SELECT state, last_update_id FROM doc_snapshots WHERE doc_name = ?')
				.get(docName) as { state: Buffer; last_update_id: number } | undefined;
			if (snapshot) Y.applyUpdate(doc, snapshot.state);
			const rows = db
				.prepare('SELECT "update" FROM doc_updates WHERE doc_name = ? AND id > ? ORDER BY id')
				.iterate(docName, snapshot?.last_update_id ?? 0) as Iterable<{ update: Buffer }>;
			for (const row of rows) Y.applyUpdate(doc, row.update);
			const bytes = Y.encodeStateAsUpdate(doc).byteLength;
			doc.destroy();
			return bytes;
		} finally {
			db.close();
		}
	} catch (error) {
		log(`could not read ${docName} from ${dbPath}: ${message(error)}`);
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// Members

let addressSeq = 0;
/** A fresh client address (X-Forwarded-For) for one honest person. */
const freshAddress = () => {
	addressSeq++;
	return `10.${20 + (addressSeq >> 16)}.${(addressSeq >> 8) & 255}.${addressSeq & 255}`;
};

const PROFILE = { profession: 'sjukskoterska', organisation: 'kommun' } as const;

interface Member {
	api: ApiClient;
	name: string;
	joined: Joined;
}

async function join(server: Server, code: string, name: string, address = freshAddress()) {
	const api = new ApiClient(server.url, address);
	const joined = await api.join({ code, displayName: name, ...PROFILE });
	if (!joined.wsToken) {
		throw new Error(`join answered without a wsToken: ${JSON.stringify(joined)}`);
	}
	return { api, name, joined } satisfies Member;
}

const authorOf = (m: Member) => ({
	id: m.joined.membershipId,
	name: m.name,
	...PROFILE
});

interface Workshop {
	server: Server;
	facilitator: ApiClient;
	workshopId: string;
	code: string;
	room: string;
	clients: YClient[];
	sockets: WebSocket[];
}

async function newWorkshop(server: Server, title: string): Promise<Workshop> {
	const facilitator = new ApiClient(server.url, freshAddress());
	await facilitator.signup({ displayName: 'Bench Facilitator' });
	const { workshop, links } = await facilitator.createWorkshop({ title });
	return {
		server,
		facilitator,
		workshopId: workshop.id,
		code: links.participant.code,
		room: boardRoom(workshop.id),
		clients: [],
		sockets: []
	};
}

function track(w: Workshop, client: YClient): YClient {
	w.clients.push(client);
	return client;
}

async function facilitatorClient(w: Workshop, workshopId = w.workshopId): Promise<YClient> {
	const { wsToken } = await w.facilitator.wsToken(workshopId);
	const client = track(w, connect(w.server.wsUrl, boardRoom(workshopId), { token: wsToken }));
	await client.synced;
	return client;
}

function closeAll(w: Workshop) {
	for (const c of w.clients) c.destroy();
	for (const s of w.sockets) s.terminate();
	w.clients.length = 0;
	w.sockets.length = 0;
}

// ---------------------------------------------------------------------------------------------
// The honest pair and the /healthz probe

interface HonestStats {
	sent: number;
	delivered: number;
	lost: number;
	p50: number;
	p95: number;
	max: number;
	closes: string;
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

async function honestPair(w: Workshop) {
	const writer = await join(w.server, w.code, 'Hanna Ärlig');
	const reader = await join(w.server, w.code, 'Ivar Ärlig');
	const wc = track(w, connect(w.server.wsUrl, w.room, { token: writer.joined.wsToken }));
	const rc = track(w, connect(w.server.wsUrl, w.room, { token: reader.joined.wsToken }));
	// Presence as a browser publishes it (a state of its own; clock 0 alone is never relayed).
	for (const c of [wc, rc]) c.provider.awareness.setLocalStateField('cursor', null);
	await Promise.all([wc.synced, rc.synced]);
	const sentAt = new Map<number, number>();
	const latencies = new Map<number, number>();
	let waiting: (() => void) | null = null;
	notesMap(rc.doc).observe((event) => {
		const now = performance.now();
		for (const [key, change] of event.changes.keys) {
			if (change.action !== 'add') continue;
			const text = notesMap(rc.doc).get(key)?.get('text');
			const match = typeof text === 'string' ? /^honest (\d+)$/.exec(text) : null;
			if (!match) continue;
			const k = Number(match[1]);
			const sent = sentAt.get(k);
			if (sent !== undefined && !latencies.has(k)) latencies.set(k, now - sent);
		}
		if (waiting && latencies.size === sentAt.size) waiting();
	});
	let k = 0;
	let timer: NodeJS.Timeout | null = null;
	const tick = () => {
		sentAt.set(k, performance.now());
		addNote(wc.doc, { text: `honest ${k}`, author: authorOf(writer) });
		k++;
	};
	return {
		writer,
		reader,
		start() {
			timer ??= setInterval(tick, 100);
		},
		async stop(): Promise<HonestStats> {
			if (timer) clearInterval(timer);
			timer = null;
			if (latencies.size < sentAt.size) {
				await withTimeout(new Promise<void>((r) => (waiting = r)), DRAIN_MS);
			}
			waiting = null;
			const all = [...sentAt.keys()].map((key) => latencies.get(key) ?? Infinity);
			all.sort((a, b) => a - b);
			const closes = [
				wc.closes.length ? `writer ${wc.closes.join(',')}` : '',
				rc.closes.length ? `reader ${rc.closes.join(',')}` : ''
			]
				.filter(Boolean)
				.join('; ');
			return {
				sent: sentAt.size,
				delivered: latencies.size,
				lost: sentAt.size - latencies.size,
				p50: percentile(all, 50),
				p95: percentile(all, 95),
				max: all.at(-1) ?? Number.NaN,
				closes
			};
		}
	};
}

type Pair = Awaited<ReturnType<typeof honestPair>>;

/** Polls /healthz every 500 ms (one request at a time); the slowest answer and failures. */
function healthProbe(server: Server) {
	let worst = 0;
	let failures = 0;
	let busy = false;
	let pendingSince = 0;
	const timer = setInterval(() => {
		if (busy) return;
		busy = true;
		pendingSince = performance.now();
		fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(30_000) })
			.then((res) => {
				if (!res.ok) failures++;
				return res.arrayBuffer();
			})
			.catch(() => failures++)
			.finally(() => {
				worst = Math.max(worst, performance.now() - pendingSince);
				busy = false;
			});
	}, 500);
	return {
		stop() {
			clearInterval(timer);
			// A request still unanswered counts as long as it has waited so far.
			if (busy) worst = Math.max(worst, performance.now() - pendingSince);
			return { worstMs: worst, failures };
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Newcomers

interface NewcomerResult {
	ok: boolean;
	ms: number;
	bytes: number | null;
	detail: string;
}

/** A fresh participant (else the facilitator) opens the board: synced within 10 s? */
async function newcomer(w: Workshop, workshopId = w.workshopId): Promise<NewcomerResult> {
	let token: string;
	let who = 'participant';
	try {
		if (workshopId !== w.workshopId) throw new Error('imported workshop: the facilitator opens it');
		token = (await join(w.server, w.code, 'Ny Deltagare')).joined.wsToken;
	} catch {
		try {
			token = (await w.facilitator.wsToken(workshopId)).wsToken;
			who = 'facilitator';
		} catch (error) {
			return { ok: false, ms: 0, bytes: null, detail: `no token: ${message(error)}` };
		}
	}
	const start = performance.now();
	const client = connect(
		w.server.wsUrl,
		boardRoom(workshopId),
		{ token },
		{
			timeoutMs: NEWCOMER_TIMEOUT_MS
		}
	);
	try {
		await client.synced;
		const ms = performance.now() - start;
		// A busy benchmark process may notice its own timeout late: the bound is the clock's.
		return {
			ok: ms <= NEWCOMER_TIMEOUT_MS,
			ms,
			bytes: Y.encodeStateAsUpdate(client.doc).byteLength,
			detail: `${who} synced in ${(ms / 1000).toFixed(1)} s`
		};
	} catch (error) {
		return {
			ok: false,
			ms: performance.now() - start,
			bytes: null,
			detail: `${who}: ${message(error).replace(/^w\/[^:]+: /, '')}`
		};
	} finally {
		client.destroy();
	}
}

// ---------------------------------------------------------------------------------------------
// Filling a private document

/** Waits until `client` closes or `ms` pass; the close code, or null when still open. */
function closedWithin(client: YClient, ms: number): Promise<number | null> {
	if (client.closes.length) return Promise.resolve(client.closes.at(-1)!);
	return new Promise((r) => {
		const timer = setTimeout(() => {
			client.provider.off('connection-close', onClose);
			r(null);
		}, ms);
		const onClose = (event: unknown) => {
			clearTimeout(timer);
			client.provider.off('connection-close', onClose);
			r((event as { code?: number } | null)?.code ?? 0);
		};
		client.provider.on('connection-close', onClose);
	});
}

/** Whether the server holds at least `size` entries of `root` in this private document. */
async function serverHolds(w: Workshop, m: Member, root: string, size: number): Promise<boolean> {
	const check = connect(
		w.server.wsUrl,
		privateRoom(w.workshopId, m.joined.membershipId),
		{ token: m.joined.wsToken },
		{ timeoutMs: 60_000, presence: false }
	);
	try {
		await check.synced;
		return check.doc.getMap(root).size >= size;
	} catch {
		return false;
	} finally {
		check.destroy();
	}
}

interface Filled {
	variant: 'drafts' | 'ideas' | 'refused';
	client: YClient | null;
	note: string;
	/** One small change of the filled document (the attacker's 50-a-second tick). */
	tick?: (i: number) => void;
}

/** An area (facilitator) with a silent idea round open over it: where private ideas are legal. */
async function silentArea(w: Workshop): Promise<string | null> {
	const fac = await facilitatorClient(w);
	const areaId = createArea(fac.doc, { name: 'Tystrunda' });
	if (!areaId) return null;
	await sleep(300);
	const res = await w.facilitator.request('POST', `/api/workshops/${w.workshopId}/idea-rounds`, {
		action: 'silent',
		areaIds: [areaId]
	});
	return res.status === 200 || res.status === 201 ? areaId : null;
}

/**
 * Fills `m`'s private document to about `entries` × 41 bytes: first with a free `drafts` root
 * (what the old server accepted), else with the most a silent round allows (1000 ideas of 2000
 * characters). Leaves the connection open for the ticks.
 */
async function fillPrivate(
	w: Workshop,
	m: Member,
	entries: number,
	ctx: { silentAreaId?: string | null; draftsRefused?: boolean }
): Promise<Filled> {
	const room = privateRoom(w.workshopId, m.joined.membershipId);
	if (!ctx.draftsRefused) {
		const client = track(
			w,
			connect(w.server.wsUrl, room, { token: m.joined.wsToken }, { timeoutMs: 30_000 })
		);
		await client.synced;
		const drafts = client.doc.getMap('drafts');
		client.doc.transact(() => {
			for (let i = 0; i < entries; i++) {
				drafts.set(`draft-${String(i).padStart(6, '0')}`, `utkast ${i} ${'x'.repeat(16)}`);
			}
		});
		const code = await closedWithin(client, 3_000);
		if (code === null && (await serverHolds(w, m, 'drafts', entries))) {
			return {
				variant: 'drafts',
				client,
				note: `drafts ${entries} entries`,
				tick: (i) => drafts.set('tick', i)
			};
		}
		client.destroy();
		ctx.draftsRefused = true;
		log(`drafts fill refused (close ${code ?? 'none, not stored'}); trying ideas`);
	}
	ctx.silentAreaId ??= await silentArea(w);
	const areaId = ctx.silentAreaId;
	if (!areaId) return { variant: 'refused', client: null, note: 'no silent round could open' };
	const client = track(
		w,
		connect(w.server.wsUrl, room, { token: m.joined.wsToken }, { timeoutMs: 30_000 })
	);
	await client.synced;
	const count = Math.min(1000, Math.ceil((entries * 41) / 2300));
	const ids: string[] = [];
	client.doc.transact(() => {
		for (let i = 0; i < count; i++) {
			ids.push(
				addIdea(client.doc, {
					text: `Idé ${i} ${'y'.repeat(1990)}`,
					areaId,
					author: authorOf(m)
				})
			);
		}
	});
	const code = await closedWithin(client, 3_000);
	if (code === null && (await serverHolds(w, m, 'ideas', count))) {
		return {
			variant: 'ideas',
			client,
			note: `ideas ${count} × 2 KB (drafts refused)`,
			tick: (i) =>
				ideasMap(client.doc)
					.get(ids[i % ids.length]!)
					?.set('updatedAt', Date.now() + i)
		};
	}
	client.destroy();
	return { variant: 'refused', client: null, note: `ideas fill refused (close ${code})` };
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Row {
	id: string;
	attack: string;
	honest: HonestStats | null;
	healthzWorstMs: number | null;
	rssPeakMiB: number | null;
	boardBytes: number | null;
	newcomer: string;
	newcomerAfterRestart: string;
	attacker: string;
	result: string;
	loadAvg: number;
	seconds: number;
}

/** Runs one attack on a fresh server and database; a crash of the attack is a row too. */
async function runAttack(
	id: string,
	attack: string,
	body: (ctx: AttackContext) => Promise<void>
): Promise<Row> {
	const dir = await mkdtemp(joinPath(tmpdir(), 'samskapa-attacks-'));
	const dbPath = joinPath(dir, 'samskapa.db');
	const port = nextPort();
	const started = performance.now();
	const row: Row = {
		id,
		attack,
		honest: null,
		healthzWorstMs: null,
		rssPeakMiB: null,
		boardBytes: null,
		newcomer: 'not tried',
		newcomerAfterRestart: 'not tried',
		attacker: '',
		result: '',
		loadAvg: 0,
		seconds: 0
	};
	log(`${id}: ${attack} (server :${port})`);
	let server = await startServer(dbPath, port);
	// Set by the attack while it runs (a holder: the compiler cannot see the callbacks' writes).
	const seen: { workshop: Workshop | null; board: string | null } = { workshop: null, board: null };
	let rss = 0;
	try {
		const ctx: AttackContext = {
			server,
			row,
			setWorkshop: (w) => {
				seen.workshop = w;
				seen.board ??= w.room;
			},
			setBoardRoom: (name) => (seen.board = name)
		};
		const done = await withTimeout(
			body(ctx).catch((error: unknown) => {
				row.result += `${row.result ? '; ' : ''}bench error: ${message(error)}`;
				log(`${id} failed: ${message(error)}`);
			}),
			ATTACK_TIMEOUT_MS
		);
		if (done === 'timeout') row.result += `${row.result ? '; ' : ''}attack timed out`;
	} finally {
		if (seen.workshop) closeAll(seen.workshop);
		await server.stop();
		rss = server.rssPeak;
	}
	// The restart: the same database on the same port, and a newcomer again.
	const { workshop: w, board: boardRoomName } = seen;
	if (w && boardRoomName) {
		try {
			server = await startServer(dbPath, port);
			w.server = server;
			w.facilitator.moveTo(server.url);
			const workshopId = boardRoomName.slice(2);
			const again = await newcomer(w, workshopId);
			row.newcomerAfterRestart = again.ok ? `yes (${again.detail})` : `NO (${again.detail})`;
		} catch (error) {
			row.newcomerAfterRestart = `NO (${message(error)})`;
		} finally {
			closeAll(w);
			await server.stop();
		}
		row.boardBytes = storedDocBytes(dbPath, boardRoomName);
	}
	row.rssPeakMiB = rss / 1024 / 1024;
	row.loadAvg = loadavg()[0]!;
	row.seconds = (performance.now() - started) / 1000;
	await rm(dir, { recursive: true, force: true });
	log(`${id} done in ${row.seconds.toFixed(0)} s: ${JSON.stringify(row)}`);
	return row;
}

interface AttackContext {
	server: Server;
	row: Row;
	setWorkshop(w: Workshop): void;
	/** The board whose size and newcomer are reported (an imported workshop's). */
	setBoardRoom(name: string): void;
}

/** The common frame: workshop, honest pair, probe; `attack` runs while they are measured. */
async function measured(
	ctx: AttackContext,
	attack: (w: Workshop, pair: Pair) => Promise<string | void>,
	options: { seconds?: number } = {}
) {
	const w = await newWorkshop(ctx.server, `Attack ${ctx.row.id}`);
	ctx.setWorkshop(w);
	const pair = await honestPair(w);
	const probe = healthProbe(ctx.server);
	const seconds = options.seconds ?? SIZE.seconds;
	pair.start();
	const attackStart = performance.now();
	let note: string | void = undefined;
	try {
		note = await attack(w, pair);
	} catch (error) {
		ctx.row.result += `${ctx.row.result ? '; ' : ''}attack error: ${message(error)}`;
	}
	// The honest pair runs at least `seconds` in all, attack included.
	const left = seconds * 1000 - (performance.now() - attackStart);
	if (left > 0) await sleep(left);
	ctx.row.honest = await pair.stop();
	ctx.row.healthzWorstMs = probe.stop().worstMs;
	if (note) ctx.row.result += `${ctx.row.result ? '; ' : ''}${note}`;
	const first = await newcomer(w);
	ctx.row.newcomer = first.ok ? `yes (${first.detail})` : `NO (${first.detail})`;
	return { w, pair };
}

function describeCloses(codes: number[]): string {
	if (codes.length === 0) return 'nothing';
	const counts = new Map<number, number>();
	for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
	// y-websocket closes the socket itself (no code) after 30 s without a message from the server.
	const name = (c: number) => (c === 0 ? '0 (client gave up: server silent 30 s)' : `${c}`);
	return `closed ${[...counts].map(([c, n]) => (n > 1 ? `${name(c)}×${n}` : name(c))).join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// The attacks

const attacks: Record<string, [string, (ctx: AttackContext) => Promise<void>]> = {
	baseline: [
		'baseline: no attack',
		async (ctx) => {
			await measured(ctx, async () => {});
			ctx.row.attacker = '–';
		}
	],

	a: [
		`a. private-document stall: ${SIZE.privateEntries} entries, then ${SIZE.ticksPerSecond} tiny updates/s for ${SIZE.seconds} s`,
		async (ctx) => {
			// Filled before the measurement: the stall is in the ticks on a big document.
			const w = await newWorkshop(ctx.server, 'Attack a');
			ctx.setWorkshop(w);
			const attacker = await join(ctx.server, w.code, 'Mallory');
			const filled = await fillPrivate(w, attacker, SIZE.privateEntries, {});
			ctx.row.result = filled.note;
			const pair = await honestPair(w);
			const probe = healthProbe(ctx.server);
			pair.start();
			const ticks = SIZE.ticksPerSecond * SIZE.seconds;
			const started = performance.now();
			if (filled.tick && filled.client) {
				for (let i = 0; i < ticks; i++) {
					if (!filled.client.provider.wsconnected && filled.client.closes.length) break;
					filled.client.doc.transact(() => filled.tick!(i));
					const due = started + ((i + 1) * 1000) / SIZE.ticksPerSecond;
					await sleep(Math.max(0, due - performance.now()));
				}
			} else {
				await sleep(SIZE.seconds * 1000);
			}
			ctx.row.honest = await pair.stop();
			ctx.row.healthzWorstMs = probe.stop().worstMs;
			ctx.row.attacker = filled.client
				? describeCloses(filled.client.closes)
				: `fill refused (${filled.note})`;
			const first = await newcomer(w);
			ctx.row.newcomer = first.ok ? `yes (${first.detail})` : `NO (${first.detail})`;
		}
	],

	b: [
		`b. recount amplification: ${SIZE.recountMembers} members with big private documents, one scoring every 100 ms`,
		async (ctx) => {
			const w = await newWorkshop(ctx.server, 'Attack b');
			ctx.setWorkshop(w);
			const fill: { silentAreaId?: string | null; draftsRefused?: boolean } = {};
			const members: Member[] = [];
			const variants = new Map<string, number>();
			for (let i = 0; i < SIZE.recountMembers; i++) {
				const m = await join(ctx.server, w.code, `Mallory ${i + 1}`);
				members.push(m);
				const filled = await fillPrivate(w, m, SIZE.recountEntries, fill);
				variants.set(filled.note, (variants.get(filled.note) ?? 0) + 1);
				// Closed again so the documents unload: a recount then reads them from disk.
				filled.client?.destroy();
			}
			ctx.row.result = [...variants].map(([note, n]) => `${n}× ${note}`).join(', ');
			// A scoring round over a facilitator's area.
			const fac = await facilitatorClient(w);
			const areaId = createArea(fac.doc, { name: 'Prioriteras' })!;
			await sleep(6_000); // the private rooms unload 5 s after their last socket
			const opened = await w.facilitator.request('POST', `/api/workshops/${w.workshopId}/rounds`, {
				action: 'open',
				type: 'scoring',
				areaIds: [areaId]
			});
			const roundId = (opened.body as { roundId?: string }).roundId;
			if (!roundId) {
				ctx.row.result += `; round not opened: ${opened.status} ${JSON.stringify(opened.body)}`;
			}
			const scorer = members[0]!;
			const pair = await honestPair(w);
			const probe = healthProbe(ctx.server);
			const pc = track(
				w,
				connect(
					ctx.server.wsUrl,
					privateRoom(w.workshopId, scorer.joined.membershipId),
					{ token: scorer.joined.wsToken },
					{ timeoutMs: 60_000 }
				)
			);
			await pc.synced.catch(() => {});
			pair.start();
			const started = performance.now();
			for (let i = 0; roundId && performance.now() - started < SIZE.seconds * 1000; i++) {
				setScore(pc.doc, roundId, areaId, 'worth', (i % 5) + 1);
				await sleep(Math.max(0, started + (i + 1) * 100 - performance.now()));
			}
			ctx.row.honest = await pair.stop();
			ctx.row.healthzWorstMs = probe.stop().worstMs;
			ctx.row.attacker = describeCloses(pc.closes);
			const first = await newcomer(w);
			ctx.row.newcomer = first.ok ? `yes (${first.detail})` : `NO (${first.detail})`;
		}
	],

	c: [
		`c. dead keys: ${SIZE.ghostMessages} messages × ${SIZE.ghostsPerMessage} notes created and deleted`,
		async (ctx) => {
			const updates: Uint8Array[] = [];
			for (let round = 0; round < SIZE.ghostMessages; round++) {
				const structs: Struct[] = [];
				for (let i = 0; i < SIZE.ghostsPerMessage; i++) {
					structs.push({
						parent: 'notes',
						parentSub: `${round * SIZE.ghostsPerMessage + i}`.padEnd(64, 'x'),
						content: { deleted: 1 }
					});
				}
				const client = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
				updates.push(updateMessage(encodeUpdate([{ client, clock: 0, structs }])));
			}
			const closes: string[] = [];
			let sent = 0;
			await measured(ctx, async (w) => {
				const attacker = await join(ctx.server, w.code, 'Mallory');
				// One socket for all messages, a second apart, as the issue's attacker did; a new
				// one (the attacker retries) whenever the server closed the last.
				let ws: WebSocket | null = null;
				for (const payload of updates) {
					if (!ws || ws.readyState !== WebSocket.OPEN) {
						const opened = await openRaw(
							ctx.server.wsUrl,
							w.room,
							{ token: attacker.joined.wsToken },
							60_000
						).catch((error: unknown) => ({
							ok: false as const,
							status: 0,
							body: message(error)
						}));
						if (!opened.ok) {
							closes.push(`upgrade refused ${opened.status || opened.body}`);
							break;
						}
						ws = opened.ws;
						w.sockets.push(ws);
						ws.on('error', () => {});
						ws.once('close', (code) => closes.push(`closed ${code}`));
					}
					ws.send(payload);
					sent++;
					await sleep(1_000);
				}
				if (ws && ws.readyState === WebSocket.OPEN) {
					// The last message is judged while we wait.
					await withTimeout(new Promise((r) => ws!.once('close', r)), 10_000);
				}
				return `${sent}/${updates.length} ghost messages sent, socket closed ${closes.length} times`;
			});
			ctx.row.attacker = closes.length ? closes.join(', ') : 'nothing';
		}
	],

	d1: [
		`d1. near-cap board by a participant: ${SIZE.capNotes} notes × 2000 chars (her byte budget: ${(BYTES_PER_MEMBER / 1024 / 1024).toFixed(0)} MiB), then a newcomer`,
		async (ctx) => {
			let closes: number[] = [];
			await measured(ctx, async (w) => {
				const attacker = await join(ctx.server, w.code, 'Mallory');
				const c = track(w, connect(ctx.server.wsUrl, w.room, { token: attacker.joined.wsToken }));
				await c.synced;
				const sent = await fillBoard(c, attacker, SIZE.capNotes, SIZE.capBytes);
				closes = c.closes;
				return sent;
			});
			ctx.row.attacker = describeCloses(closes);
		}
	],

	d2: [
		`d2. board to ~${(SIZE.capBytes / 1024 / 1024).toFixed(1)} MiB by a facilitator and a participant, then a newcomer`,
		async (ctx) => {
			let closes: number[] = [];
			await measured(ctx, async (w) => {
				const fac = await facilitatorClient(w);
				const { membershipId } = await w.facilitator.wsToken(w.workshopId);
				const facMember = {
					api: w.facilitator,
					name: 'Bench Facilitator',
					joined: { membershipId } as Joined
				};
				const facNote = await fillBoard(fac, facMember, SIZE.capNotes, SIZE.capBytes);
				const attacker = await join(ctx.server, w.code, 'Mallory');
				const c = track(w, connect(ctx.server.wsUrl, w.room, { token: attacker.joined.wsToken }));
				await c.synced.catch(() => {});
				const partNote = await fillBoard(c, attacker, SIZE.capNotes, SIZE.capBytes);
				closes = [...fac.closes, ...c.closes];
				return `facilitator: ${facNote}; participant: ${partNote}`;
			});
			ctx.row.attacker = describeCloses(closes);
		}
	],

	d3: [
		`d3. largest legal import (~${(SIZE.importBytes / 1024 / 1024).toFixed(1)} MB JSON), then a newcomer`,
		async (ctx) => {
			// The newcomer and the board size reported are the imported workshop's.
			let imported: NewcomerResult | null = null;
			await measured(ctx, async (w) => {
				const file = await importFile(w, SIZE.importBytes);
				const started = performance.now();
				const res = await w.facilitator.request('POST', '/api/workshops/import', file.json);
				const ms = performance.now() - started;
				const created = (res.body as { workshop?: { id: string } }).workshop;
				if (res.status === 201 && created) {
					ctx.setBoardRoom(boardRoom(created.id));
					imported = await newcomer(w, created.id);
					return `import ${(file.bytes / 1e6).toFixed(2)} MB, ${file.notes} bottennapp notes → ${res.status} in ${(ms / 1000).toFixed(1)} s`;
				}
				return `import ${(file.bytes / 1e6).toFixed(2)} MB → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`;
			});
			const opened = imported as NewcomerResult | null;
			if (opened) ctx.row.newcomer = opened.ok ? `yes (${opened.detail})` : `NO (${opened.detail})`;
			ctx.row.attacker = '–';
		}
	],

	e: [
		`e. many ballots: 3 honest score 5, one person joins ${SIZE.extraJoins} more times and scores 1; ${SIZE.joinFlood} joins from one address`,
		async (ctx) => {
			let attackerNote = '';
			await measured(ctx, async (w) => {
				const fac = await facilitatorClient(w);
				const areaId = createArea(fac.doc, { name: 'Prioriteras' })!;
				const honest = await Promise.all(
					[1, 2, 3].map((i) => join(ctx.server, w.code, `Ärlig ${i}`))
				);
				const mallory: Member[] = [];
				const address = '10.66.6.6';
				const refusals: string[] = [];
				for (let i = 0; i <= SIZE.extraJoins; i++) {
					try {
						mallory.push(await join(ctx.server, w.code, 'Mallory', address));
					} catch (error) {
						refusals.push(message(error).replace(/^POST \/api\/join → /, ''));
					}
				}
				await sleep(300);
				const opened = await w.facilitator.request(
					'POST',
					`/api/workshops/${w.workshopId}/rounds`,
					{ action: 'open', type: 'scoring', areaIds: [areaId] }
				);
				const roundId = (opened.body as { roundId?: string }).roundId;
				if (!roundId) return `round not opened: ${opened.status}`;
				const ids = new Set(mallory.map((m) => m.joined.membershipId));
				const ballots = async (m: Member, value: number) => {
					const pc = track(
						w,
						connect(
							ctx.server.wsUrl,
							privateRoom(w.workshopId, m.joined.membershipId),
							{ token: m.joined.wsToken },
							{ presence: false }
						)
					);
					await pc.synced;
					setScore(pc.doc, roundId, areaId, 'worth', value);
					setScore(pc.doc, roundId, areaId, 'cost', value);
					return pc;
				};
				const clients = await Promise.all([
					...honest.map((m) => ballots(m, 5)),
					...mallory.map((m) => ballots(m, 1))
				]);
				// Handed in when the round's progress says so (or 5 s passed).
				const want = honest.length + mallory.length;
				await withTimeout(
					new Promise<void>((r) => {
						const check = () => {
							if ((findRound(fac.doc, roundId)?.progress ?? 0) >= want) r();
						};
						check();
						fac.doc.on('update', check);
					}),
					5_000
				);
				const round = findRound(fac.doc, roundId);
				const progress = `${round?.progress}/${round?.eligible}`;
				// What a facilitator does about a script's extra memberships (its joins carry no
				// cookie, so each is a membership): the participant list shows eleven Mallorys, and
				// removing all but the first takes their ballots out before the reveal.
				const removals = new Map<number, number>();
				for (const m of mallory.slice(1)) {
					const res = await w.facilitator.request(
						'POST',
						`/api/workshops/${w.workshopId}/participants`,
						{ action: 'remove', membershipId: m.joined.membershipId }
					);
					removals.set(res.status, (removals.get(res.status) ?? 0) + 1);
				}
				const removed = [...removals].map(([s, n]) => `${s}×${n}`).join(' ');
				const revealed = await w.facilitator.request(
					'POST',
					`/api/workshops/${w.workshopId}/rounds`,
					{ action: 'reveal', roundId }
				);
				await sleep(500);
				const results = findRound(fac.doc, roundId)?.results?.scores?.[areaId];
				const attackerCloses = clients
					.filter((_, i) => i >= honest.length)
					.flatMap((c) => c.closes);
				attackerNote =
					`${mallory.length}/${SIZE.extraJoins + 1} joins of one person accepted` +
					(refusals.length ? ` (refused: ${[...new Set(refusals)].join(', ')})` : '') +
					`, ${ids.size} distinct memberships; ballots ${describeCloses(attackerCloses)}`;
				// One person in one browser (its cookies kept) joining again and again.
				const browser = new ApiClient(ctx.server.url, '10.66.8.8');
				const sameBrowser = new Set<string>();
				for (let i = 0; i <= SIZE.extraJoins; i++) {
					const res = await browser.request('POST', '/api/join', {
						code: w.code,
						displayName: 'Mallory i sin webbläsare',
						...PROFILE
					});
					const id = (res.body as { membershipId?: unknown }).membershipId;
					if (typeof id === 'string') sameBrowser.add(id);
				}
				// One address joining again and again.
				const floodAddress = '10.66.7.7';
				const started = performance.now();
				let ok = 0;
				const statuses = new Map<number, number>();
				for (let i = 0; i < SIZE.joinFlood; i++) {
					const res = await new ApiClient(ctx.server.url, floodAddress).request(
						'POST',
						'/api/join',
						{ code: w.code, displayName: `Flod ${i}`, ...PROFILE }
					);
					statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
					if (res.status === 200 || res.status === 201) ok++;
				}
				const floodMs = performance.now() - started;
				return (
					`progress ${progress}; facilitator removes the 10 extra (${removed}); ` +
					`reveal ${revealed.status}: median worth ${results?.worth.median ?? '?'} ` +
					`(n=${results?.worth.n ?? '?'}); one browser joining ${SIZE.extraJoins + 1} times: ` +
					`${sameBrowser.size} membership(s); ${ok}/${SIZE.joinFlood} joins from one address accepted in ` +
					`${(floodMs / 1000).toFixed(1)} s (${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')})`
				);
			});
			ctx.row.attacker = attackerNote;
		}
	],

	f: [
		'f. anonymity switched on with a named member connected: how long newcomers see the name',
		async (ctx) => {
			await measured(ctx, async (w) => {
				const named = await join(ctx.server, w.code, 'Anna Namnsson');
				const nc = track(w, connect(ctx.server.wsUrl, w.room, { token: named.joined.wsToken }));
				// As the app's browser does: a state of its own (the first, clock 0, is not relayed).
				nc.provider.awareness.setLocalStateField('cursor', null);
				await nc.synced;
				const watcher = await join(ctx.server, w.code, 'Nils Nykomling');
				const leaks = (states: Map<number, Record<string, unknown>>) =>
					[...states.values()].some((s) => {
						const user = s.user as { name?: string; membershipId?: string } | undefined;
						return user?.name === named.name || user?.membershipId === named.joined.membershipId;
					});
				const probe = async (): Promise<boolean | null> => {
					const c = connect(
						ctx.server.wsUrl,
						w.room,
						{ token: watcher.joined.wsToken },
						{ presence: false, timeoutMs: 5_000 }
					);
					try {
						await c.synced;
						// The room sends every present state right after the sync step 1.
						const seen = await withTimeout(
							new Promise<boolean>((r) => {
								const check = () => {
									const states = c.provider.awareness.getStates() as Map<
										number,
										Record<string, unknown>
									>;
									const others = [...states].filter(([id]) => id !== c.doc.clientID);
									if (others.some(([, s]) => s.user)) r(leaks(states));
								};
								check();
								c.provider.awareness.on('change', check);
							}),
							2_000
						);
						return seen === 'timeout' ? null : seen;
					} catch {
						return null;
					} finally {
						c.destroy();
					}
				};
				const before = await probe();
				const switched = performance.now();
				const res = await w.facilitator.request(
					'PATCH',
					`/api/workshops/${w.workshopId}/settings`,
					{
						anonymous: true
					}
				);
				let how = `PATCH settings → ${res.status}`;
				if (res.status !== 200) {
					// A build that keeps the switch in the live board state instead.
					const fac = await facilitatorClient(w);
					fac.doc.getMap('state').set('anonymous', true);
					how += ', then board state.anonymous = true';
				}
				let lastLeak: number | null = null;
				let cleanSince: number | null = null;
				let probes = 0;
				while (performance.now() - switched < 45_000) {
					const leaked = await probe();
					probes++;
					const at = performance.now() - switched;
					if (leaked) {
						lastLeak = at;
						cleanSince = null;
					} else if (leaked === false) {
						cleanSince ??= at;
						// Presence renews every 15 s: clean for 20 s means the old state is gone.
						if (at - cleanSince > 20_000) break;
					}
					await sleep(250);
				}
				return (
					`name seen before the switch: ${before}; ${how}; ` +
					(lastLeak === null
						? `no newcomer saw the real name or id after the switch (${probes} probes)`
						: `newcomers still saw the real name/id up to ${(lastLeak / 1000).toFixed(1)} s after the switch (${probes} probes)`)
				);
			});
			ctx.row.attacker = '–';
		}
	]
};

/** Writes notes of 2000 characters in batches of 250 until `notes` or `bytes`, or refused. */
async function fillBoard(c: YClient, m: Member, notes: number, bytes: number): Promise<string> {
	const filler = `${'Lång lapp '.repeat(199)}`.slice(0, 1990);
	let written = 0;
	let closed = false;
	const batch = 250;
	const started = performance.now();
	while (written < notes && !closed) {
		const boardBytes = Y.encodeStateAsUpdate(c.doc).byteLength;
		if (boardBytes >= bytes) break;
		c.doc.transact(() => {
			for (let i = 0; i < batch && written < notes; i++, written++) {
				addNote(c.doc, { text: `${written} ${filler}`, author: authorOf(m) });
			}
		});
		// Paced: a batch is about 0.5 MB; let the server take it before the next.
		const code = await closedWithin(c, 300);
		if (code !== null) closed = true;
	}
	// Until the writer's socket has sent everything.
	const ws = c.provider.ws as unknown as { bufferedAmount?: number } | null;
	while (!closed && ws && (ws.bufferedAmount ?? 0) > 0) await sleep(100);
	const ms = performance.now() - started;
	return `${written} notes sent in ${(ms / 1000).toFixed(1)} s${closed ? ` (writer closed ${c.closes.join(',')})` : ''}`;
}

/** A schema-version-2 file of about `bytes`: the workshop's own export, grown with notes. */
async function importFile(w: Workshop, bytes: number) {
	const author = await join(w.server, w.code, 'Importör');
	const c = track(w, connect(w.server.wsUrl, w.room, { token: author.joined.wsToken }));
	await c.synced;
	addNote(c.doc, { text: 'Mall', author: authorOf(author) });
	await sleep(500);
	const exported = await w.facilitator.request<Record<string, unknown>>(
		'GET',
		`/api/workshops/${w.workshopId}/export.json?include=flagged`
	);
	if (exported.status !== 200) throw new Error(`export answered ${exported.status}`);
	const file = exported.body;
	const board = file.board as Record<string, unknown>;
	const notes = (board.notes ?? []) as Array<Record<string, unknown>>;
	const template = notes.find((n) => n.text === 'Mall') ?? notes[0];
	if (!template) throw new Error('the export holds no note to copy');
	const filler = `${'Importerad lapp '.repeat(130)}`.slice(0, 1990);
	const grown: Array<Record<string, unknown>> = [...notes];
	const base = JSON.stringify(file).length;
	const per =
		JSON.stringify({ ...template, id: 'imp-000000', kind: 'bottennapp', text: `000000 ${filler}` })
			.length + 1;
	const count = Math.floor((bytes - base) / per);
	for (let i = 0; i < count; i++) {
		// Bottennappar: the server derives an insight of each (the same text) once the board loads.
		grown.push({
			...template,
			id: `imp-${String(i).padStart(6, '0')}`,
			kind: 'bottennapp',
			text: `${i} ${filler}`
		});
	}
	const json = { ...file, board: { ...board, notes: grown } };
	return { json, bytes: JSON.stringify(json).length, notes: count };
}

// ---------------------------------------------------------------------------------------------
// Report

const fmtMs = (v: number | null | undefined) =>
	v === null || v === undefined || Number.isNaN(v)
		? 'n/a'
		: !Number.isFinite(v)
			? 'lost'
			: v >= 1000
				? `${(v / 1000).toFixed(1)} s`
				: `${v.toFixed(0)} ms`;
const fmtBytes = (v: number | null) =>
	v === null
		? 'n/a'
		: v >= 1024 * 1024
			? `${(v / 1024 / 1024).toFixed(1)} MiB`
			: `${(v / 1024).toFixed(1)} KiB`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A percentile of the honest pair: lost notes are ∞ (null once the row went through JSON). */
const lat = (h: HonestStats, v: number | null) => (v === null && h.lost > 0 ? 'lost' : fmtMs(v));

function markdown(rows: Row[]): string {
	const header = [
		'attack',
		'honest p50 / p95 (lost/sent)',
		'/healthz worst',
		'server RSS peak',
		'board after',
		'newcomer syncs ≤10 s',
		'… after restart',
		'attacker got',
		'result',
		'load avg'
	];
	const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
	for (const r of rows) {
		const h = r.honest;
		lines.push(
			`| ${[
				r.attack,
				h
					? `${lat(h, h.p50)} / ${lat(h, h.p95)} (${h.lost}/${h.sent})${h.closes ? ` ${h.closes}` : ''}`
					: 'n/a',
				fmtMs(r.healthzWorstMs),
				r.rssPeakMiB === null ? 'n/a' : `${r.rssPeakMiB.toFixed(0)} MiB`,
				fmtBytes(r.boardBytes),
				r.newcomer,
				r.newcomerAfterRestart,
				r.attacker,
				r.result,
				r.loadAvg.toFixed(2)
			]
				.map(cell)
				.join(' | ')} |`
		);
	}
	return lines.join('\n');
}

const order = ['baseline', 'a', 'b', 'c', 'd1', 'd2', 'd3', 'e', 'f'];

// `--table-from log1,log2`: the table of rows logged by earlier runs (e.g. attacks run as two
// processes), in the usual order.
const TABLE_FROM = option('table-from');
if (TABLE_FROM) {
	const logged: Row[] = [];
	for (const file of TABLE_FROM.split(',')) {
		for (const line of (await readFile(file, 'utf8')).split('\n')) {
			const match = / done in \d+ s: (\{.*\})$/.exec(line);
			if (match) logged.push(JSON.parse(match[1]!) as Row);
		}
	}
	logged.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
	console.log(markdown(logged));
	process.exit(0);
}
const selected = order.filter(
	(id) => !ONLY || ONLY.includes(id) || (id.startsWith('d') && ONLY.includes('d'))
);
const startedAt = new Date();
const loadBefore = loadavg();
console.log(
	`# Attack benchmark (issue 14)\n\n` +
		`Checkout: ${CHECKOUT}${QUICK ? ' (--quick: scaled down)' : ' (full size)'}\n` +
		`Started ${startedAt.toISOString()}, Node ${process.version}, ${cpus().length} CPUs, ` +
		`load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`
);
const rows: Row[] = [];
for (const id of selected) {
	const [name, body] = attacks[id]!;
	try {
		rows.push(await runAttack(id, name, body));
	} catch (error) {
		log(`${id}: could not run: ${message(error)}`);
		rows.push({
			id,
			attack: name,
			honest: null,
			healthzWorstMs: null,
			rssPeakMiB: null,
			boardBytes: null,
			newcomer: 'n/a',
			newcomerAfterRestart: 'n/a',
			attacker: 'n/a',
			result: `could not run: ${message(error)}`,
			loadAvg: loadavg()[0]!,
			seconds: 0
		});
	}
}
const table = markdown(rows);
console.log(table);
console.log(
	`\nFinished ${new Date().toISOString()}; load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')} (1/5/15 min). Honest pair: one note every 100 ms, round-trip writer → server → ` +
		`reader; a note not received ${DRAIN_MS / 1000} s after the last send counts as lost (∞). ` +
		'RSS peak: VmHWM of the server process (one fresh process per attack).'
);
if (Math.max(loadBefore[0]!, loadavg()[0]!) > cpus().length) {
	console.log(
		`Warning: the machine was busy (load average above its ${cpus().length} CPUs): latencies are inflated.`
	);
}
if (JSON_OUT) {
	await writeFile(
		JSON_OUT,
		JSON.stringify(
			{ checkout: CHECKOUT, quick: QUICK, startedAt, loadBefore, loadAfter: loadavg(), rows },
			null,
			'\t'
		)
	);
}
process.exit(0);
