/**
 * Clustering benchmark: a board with 500 insights in 40 areas (10 of them underområden) and
 * 60 insights left in Ej sorterade, on one Y.Doc in Node.
 *
 *   npm run bench:clustering                    (RUNS=200 INSIGHTS=500 AREAS=40 to change)
 *
 * Measured per run and printed as p50/p95/max:
 * - move: moveInsight (one transaction) plus what the page's manager does on that change:
 *   re-read every insight and build the view model again (clusterView with perspectives);
 * - view model: listInsights + listAreas + clusterView alone;
 * - merge + undo: mergeAreas and Y.UndoManager.undo of it, view model after each;
 * - suggestions: suggestGroups over Ej sorterade (the preview under the slider).
 * The page in a browser is measured by `npm run bench:clustering-page` (clustering-page.ts).
 */
import * as Y from 'yjs';
import { clusterView } from '../../src/lib/workshop/analysis/perspectives.ts';
import { suggestGroups } from '../../src/lib/workshop/analysis/suggest-groups.ts';
import { mergeAreas } from '../../src/lib/workshop/clustering.ts';
import { listAreas } from '../../src/lib/workshop/records/area.ts';
import { listInsights, moveInsight } from '../../src/lib/workshop/records/insight.ts';
import { seedClustering } from './cluster-seed.ts';

const RUNS = Number(process.env.RUNS ?? 200);
const INSIGHTS = Number(process.env.INSIGHTS ?? 500);
const AREAS = Number(process.env.AREAS ?? 40);
const UNSORTED = 60;

function seed() {
	const doc = new Y.Doc();
	return { doc, ...seedClustering(doc, { insights: INSIGHTS, areas: AREAS, unsorted: UNSORTED }) };
}

const view = (doc: Y.Doc) => clusterView(listInsights(doc), listAreas(doc));

function time(fn: () => void): number {
	const start = performance.now();
	fn();
	return performance.now() - start;
}

function report(label: string, samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
	console.log(
		`${label.padEnd(34)} ${at(50).toFixed(2).padStart(8)} ${at(95).toFixed(2).padStart(8)} ${sorted.at(-1)!.toFixed(2).padStart(8)}`
	);
}

const { doc, areas, ids } = seed();
const origin = { bench: true };
const undo = new Y.UndoManager([doc.getMap('insights'), doc.getMap('areas')], {
	trackedOrigins: new Set([origin]),
	captureTimeout: 0
});
const moves: number[] = [];
const views: number[] = [];
const merges: number[] = [];
const undos: number[] = [];
const suggestions: number[] = [];
// Warm-up, so the first samples do not measure the JIT.
for (let i = 0; i < 20; i++) view(doc);
for (let run = 0; run < RUNS; run++) {
	const id = ids[(run * 7) % ids.length]!;
	const to = areas[(run * 13) % areas.length]!;
	moves.push(time(() => (moveInsight(doc, id, to, 0, origin), view(doc))));
	views.push(time(() => view(doc)));
	if (run % 10 === 0) {
		const [a, b] = [areas[run % 20]!, areas[20 + (run % 10)]!];
		merges.push(time(() => (mergeAreas(doc, a, b, origin), view(doc))));
		undos.push(time(() => (undo.undo(), view(doc))));
		const unsorted = view(doc).unsorted.map((i) => ({ id: i.id, text: i.text }));
		suggestions.push(time(() => suggestGroups(unsorted)));
	}
}
const final = view(doc);
const shown = final.unsorted.length + final.flat.reduce((n, a) => n + a.insights.length, 0);
console.log(`${INSIGHTS} insights in ${AREAS} areas, ${RUNS} runs (ms)`);
console.log(`${''.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
report('move insight + view model', moves);
report('view model (clusterView)', views);
report('merge two areas + view model', merges);
report('undo the merge + view model', undos);
report(`suggestGroups over Ej sorterade`, suggestions);
console.log(`every insight shown exactly once: ${shown === INSIGHTS ? 'yes' : `NO (${shown})`}`);
