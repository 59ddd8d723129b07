/**
 * Dashboard benchmark (issue 17): the facilitator's home with WORKSHOPS workshops of NOTES
 * notes each. The note counts come from each workshop's row (features/activity.ts), so a
 * dashboard request should cost about the same whatever the boards hold; the first request
 * after an upgrade counts each board once from its stored document (backfill).
 *
 *   npm run build && node --disable-warning=ExperimentalWarning \
 *     --import ./tests/bench/ts-resolve.ts tests/bench/dashboard.ts   (WORKSHOPS=50 NOTES=200 RUNS=20)
 */
import * as Y from 'yjs';
import { ApiClient } from '../helpers/api.ts';
import { removeTempDirs, startServer } from '../helpers/server.ts';
import { query } from '../helpers/store.ts';
import { addNote } from '../../src/lib/workshop/doc.ts';

const WORKSHOPS = Number(process.env.WORKSHOPS ?? 50);
const NOTES = Number(process.env.NOTES ?? 200);
const RUNS = Number(process.env.RUNS ?? 20);

async function timed(api: ApiClient, path: string): Promise<number> {
	const start = performance.now();
	const res = await api.request('GET', path);
	if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
	return performance.now() - start;
}

const first = await startServer();
const api = new ApiClient(first.url);
await api.signup({ displayName: 'Bench' });
const ids: string[] = [];
for (let i = 0; i < WORKSHOPS; i++) {
	ids.push((await api.createWorkshop({ title: `Workshop ${i + 1}` })).workshop.id);
}
await first.stop();

// Each board gets NOTES notes as one stored update, as an import or a long session leaves it.
for (const id of ids) {
	const doc = new Y.Doc();
	for (let n = 0; n < NOTES; n++) {
		addNote(doc, {
			text: `Lapp ${n + 1}: samverkan hembesök vårdplanering`,
			author: { id: 'bench', name: 'Bench', profession: 'sjukskoterska', organisation: 'kommun' }
		});
	}
	await query(first.database, 'INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)', [
		`w/${id}`,
		Y.encodeStateAsUpdate(doc)
	]);
}

const server = await startServer({ database: first.database });
api.moveTo(server.url);
const backfill = await timed(api, '/dashboard');
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await timed(api, '/dashboard'));
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const html = (await api.request<string>('GET', '/dashboard')).body;
const counted = (html.match(new RegExp(`data-testid="workshop-notes"[^>]*>${NOTES}<`, 'g')) ?? [])
	.length;
console.log(
	`dashboard, ${WORKSHOPS} workshops × ${NOTES} notes: first request (counts each board once) ` +
		`${backfill.toFixed(0)} ms; then median ${median.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms ` +
		`over ${RUNS} requests; ${counted} of ${WORKSHOPS} rows show ${NOTES} notes`
);
await server.stop();
await removeTempDirs();
