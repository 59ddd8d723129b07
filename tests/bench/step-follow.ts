/**
 * Step-follow benchmark: the time from a facilitator's "Nästa" (POST …/facilitation, action
 * `step`) until each of 20 participants' documents shows the new current step (issue 15).
 *
 * REQUIRES A BUILD: run `npm run build` first (the server serves build/, or BUILD_DIR).
 *
 *   npm run bench:step-follow                    # 20 clients, 30 steps
 *   npm run bench:step-follow -- --clients=20 --steps=30
 *
 * One Samskapa server (persistence on a temporary SQLite file, the built app in its own
 * process), one workshop made from the default template, N participants connected with real
 * y-websocket WebsocketProviders (presence on, as browsers). Each of S rounds, in turn:
 * - step: the facilitator's HTTP request goes out; every client records when its document first
 *   holds the new `facilitation.stepId` (one sample per client per round);
 * - reference: the facilitator's own WebsocketProvider adds a note, and every client records
 *   when it arrives: the same fan-out to the same clients without the HTTP request and the
 *   server's write, in the same run.
 * Printed: p50/p95/max of both and the HTTP round trip alone. Times are performance.now() of
 * this one process (server in another), so clocks agree.
 */
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../helpers/api.ts';
import { removeTempDirs, startServer } from '../helpers/server.ts';
import { connect, type YClient } from '../helpers/yclient.ts';
import { addNote, notesMap } from '../../src/lib/workshop/doc.ts';
import { addStep, listSteps } from '../../src/lib/workshop/records/agenda.ts';
import { facilitationMap } from '../../src/lib/workshop/records/facilitation.ts';
import { boardRoom } from '../../src/lib/workshop/rooms.ts';

function intOption(name: string, fallback: number): number {
	const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
	const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
	if (!Number.isInteger(value) || value < 1) {
		console.error(`--${name} must be a positive integer`);
		process.exit(2);
	}
	return value;
}

const CLIENTS = intOption('clients', 20);
const STEPS = intOption('steps', 30);

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const summary = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return `p50 ${percentile(sorted, 50).toFixed(1)} ms · p95 ${percentile(sorted, 95).toFixed(1)} ms · max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`;
};

/** Resolves with the time each client first sees `seen(client)` hold, after `start`. */
function arrivals(clients: YClient[], seen: (client: YClient) => boolean): Promise<number[]> {
	return Promise.all(
		clients.map(
			(client) =>
				new Promise<number>((resolve, reject) => {
					const timer = setTimeout(() => reject(new Error('not seen within 10 s')), 10_000);
					const check = () => {
						if (!seen(client)) return;
						clearTimeout(timer);
						client.doc.off('update', check);
						resolve(performance.now());
					};
					client.doc.on('update', check);
					check();
				})
		)
	);
}

const server = await startServer({
	// Every client's socket comes from this one process (one address).
	env: {
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		WS_SOCKETS_PER_ADDRESS: String(CLIENTS + 10)
	}
});
const clients: YClient[] = [];
// The facilitator's connection too: a socket left open keeps this process alive after the run.
const open: YClient[] = [];
try {
	const facilitator = new ApiClient(server.url, '10.61.0.1');
	await facilitator.signup();
	const { workshop, links } = await facilitator.createWorkshop({ title: 'Bänk: följ steget' });
	const room = boardRoom(workshop.id);
	const fac = connect(server.wsUrl, room, { cookie: facilitator.cookieHeader() });
	open.push(fac);
	await fac.synced;
	// The default agenda has ten steps; enough for every round to go to a new one.
	while (listSteps(fac.doc).length < STEPS + 1) {
		addStep(fac.doc, { kind: 'discussion', title: '', minutes: 5, instruction: '' });
	}
	for (let i = 0; i < CLIENTS; i++) {
		const joined = await new ApiClient(server.url, `10.62.${i >> 8}.${(i & 255) + 1}`).join({
			code: links.participant.code,
			displayName: `Deltagare ${i + 1}`
		});
		clients.push(connect(server.wsUrl, joined.room, { token: joined.wsToken }));
	}
	await Promise.all(clients.map((c) => c.synced));
	await arrivals(clients, (c) => listSteps(c.doc).length >= STEPS + 1);
	console.log(`${CLIENTS} clients synced; ${STEPS} steps`);

	const steps = listSteps(fac.doc);
	const stepLatency: number[] = [];
	const httpLatency: number[] = [];
	const noteLatency: number[] = [];
	const author = { id: 'bench', name: 'Bänk', profession: 'annan', organisation: 'annan' };
	for (let round = 0; round <= STEPS; round++) {
		const stepId = steps[round]!.id;
		const seen = arrivals(clients, (c) => facilitationMap(c.doc).get('stepId') === stepId);
		const t0 = performance.now();
		const res = await facilitator.request('POST', `/api/workshops/${workshop.id}/facilitation`, {
			action: 'step',
			stepId
		});
		if (res.status !== 200) throw new Error(`step: ${res.status} ${JSON.stringify(res.body)}`);
		const tHttp = performance.now();
		const times = await seen;
		// The first round opens the room's write path: a warm-up, not measured.
		if (round > 0) {
			httpLatency.push(tHttp - t0);
			for (const t of times) stepLatency.push(t - t0);
		}

		const text = `referens ${round}`;
		const arrived = arrivals(clients, (c) =>
			[...notesMap(c.doc).values()].some((n) => n.get('text') === text)
		);
		const t1 = performance.now();
		addNote(fac.doc, { text, author });
		const noteTimes = await arrived;
		if (round > 0) for (const t of noteTimes) noteLatency.push(t - t1);
	}

	console.log(`"Nästa" → step shown on ${CLIENTS} clients: ${summary(stepLatency)}`);
	console.log(`  of which the HTTP request:          ${summary(httpLatency)}`);
	console.log(`reference: a note fanned out to them: ${summary(noteLatency)}`);
} finally {
	for (const client of [...clients, ...open]) client.destroy();
	await server.stop();
	await removeTempDirs();
}
