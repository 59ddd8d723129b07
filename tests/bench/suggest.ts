/**
 * Suggested grouping benchmark (issue 8): time for 100, 500 and 2,000 insights (target:
 * 500 under 200 ms), and the Adjusted Rand Index on the labelled Swedish set for
 * suggestGroups and the two baselines, with a threshold sweep of each.
 *
 *   npm run bench:suggest            (RUNS=9 to change the number of timed runs per size)
 *
 * Larger sets are made by recombining the labelled notes deterministically (first half of one
 * note + second half of another), so they have the vocabulary and repetition of real notes.
 */
import os from 'node:os';
import { adjustedRandIndex, labelsOf } from '../../src/lib/workshop/analysis/ari.ts';
import { allInOneGroup, sharedWordGroups } from '../../src/lib/workshop/analysis/baselines.ts';
import { HOLDOUT_AREAS_SV } from '../../src/lib/workshop/analysis/fixtures/holdout-sv.ts';
import { labelledInsightsSv } from '../../src/lib/workshop/analysis/fixtures/insights-sv.ts';
import { analyse, DEFAULT_WEIGHTS } from '../../src/lib/workshop/analysis/pipeline.ts';
import type { FamilyWeights } from '../../src/lib/workshop/analysis/tfidf.ts';
import {
	DEFAULT_THRESHOLD,
	groupAnalysed,
	prepareSuggestions,
	suggestGroups
} from '../../src/lib/workshop/analysis/suggest-groups.ts';

const RUNS = Number(process.env.RUNS ?? 9);
const TARGET_MS = 200;
const labelled = labelledInsightsSv();

function generate(count: number): { id: string; text: string }[] {
	const notes = labelled.map((l) => l.text.split(' '));
	const m = notes.length;
	return Array.from({ length: count }, (_, k) => {
		const a = notes[k % m]!;
		// 11 is coprime with the set's size: for k < m² every (a, b) pair is a new one.
		const b = notes[(k + 1 + Math.floor(k / m) * 11) % m]!;
		const text = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.ceil(b.length / 2))];
		return { id: `g${String(k).padStart(5, '0')}`, text: text.join(' ') };
	});
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

// CPU time next to wall time: on a shared machine the wall clock also counts waiting for a core.
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

console.log(`suggestGroups timing (threshold ${DEFAULT_THRESHOLD}, ${RUNS} runs after 1 warm-up)`);
for (const size of [100, 500, 2000]) {
	const items = generate(size);
	const cold = performance.now();
	const groups = suggestGroups(items);
	const coldMs = performance.now() - cold;
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const start = performance.now();
		const startCpu = cpuMs();
		suggestGroups(items);
		cpu.push(cpuMs() - startCpu);
		wall.push(performance.now() - start);
	}
	wall.sort((x, y) => x - y);
	cpu.sort((x, y) => x - y);
	const p50 = percentile(wall, 50);
	const verdict = size === 500 ? (p50 < TARGET_MS ? '  ✓ under target' : '  ✗ OVER target') : '';
	console.log(
		`  ${String(size).padStart(5)} insights: wall p50 ${p50.toFixed(1)} ms, p95 ${percentile(wall, 95).toFixed(1)} ms;` +
			` cpu p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms;` +
			` first call ${coldMs.toFixed(1)} ms; ${groups.length} groups${verdict}`
	);
}
for (const size of [500, 2000]) {
	const atThreshold = prepareSuggestions(generate(size));
	const steps: number[] = [];
	for (let r = 0; r < RUNS; r++) {
		const start = performance.now();
		atThreshold(0.1 + (r % 5) * 0.05);
		steps.push(performance.now() - start);
	}
	steps.sort((x, y) => x - y);
	console.log(
		`  slider step after prepareSuggestions, ${size} insights: wall p50 ${percentile(steps, 50).toFixed(1)} ms`
	);
}
console.log(
	`  (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`
);

const truth = new Map(labelled.map((l) => [l.id, l.area]));
const areas = new Set(truth.values()).size;
const ari = (groups: { ids: string[] }[]) => adjustedRandIndex(truth, labelsOf(groups));
/** Of the pairs a grouping puts together, the share that really belong to the same area. */
function pairPrecision(groups: { ids: string[] }[]): number {
	let together = 0;
	let right = 0;
	for (const { ids } of groups) {
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				together++;
				if (truth.get(ids[i]!) === truth.get(ids[j]!)) right++;
			}
		}
	}
	return together ? right / together : 1;
}
const thresholds = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

console.log(
	`\nAdjusted Rand Index on the labelled set (${labelled.length} insights, ${areas} areas)`
);
const ours = suggestGroups(labelled);
console.log(
	`  suggestGroups (default ${DEFAULT_THRESHOLD}): ${ari(ours).toFixed(3)} (${ours.length} groups)`
);
console.log(`  baseline (a) all in one group:      ${ari(allInOneGroup(labelled)).toFixed(3)}`);
const sweep = thresholds.map((t) => ({ t, groups: sharedWordGroups(labelled, t) }));
const bestBaseline = sweep.reduce((b, s) => (ari(s.groups) > ari(b.groups) ? s : b));
console.log(
	`  baseline (b) exact shared words, best threshold ${bestBaseline.t} (tuned on the answer): ` +
		`${ari(bestBaseline.groups).toFixed(3)} (${bestBaseline.groups.length} groups)`
);

console.log('\nThreshold sweep: ARI (groups, pair precision)');
console.log('  threshold  suggestGroups             exact shared words');
const analysed = analyse(labelled);
for (const { t, groups } of sweep) {
	const g = groupAnalysed(analysed, t);
	const cell = (x: { ids: string[] }[]) =>
		`${ari(x).toFixed(3)} (${String(x.length).padStart(3)}, ${pairPrecision(x).toFixed(2)})`;
	console.log(`  ${t.toFixed(2).padStart(9)}  ${cell(g)}        ${cell(groups)}`);
}

console.log(
	`\nWhat each kind of evidence adds: ARI at threshold ${DEFAULT_THRESHOLD} (best over the sweep)`
);
const variants: [string, FamilyWeights][] = [
	['stems only', { word: 1, gram: 0, concept: 0 }],
	['stems + 4-grams', { word: 1, gram: DEFAULT_WEIGHTS.gram, concept: 0 }],
	['stems + lexicon', { word: 1, gram: 0, concept: DEFAULT_WEIGHTS.concept }],
	['stems + 4-grams + lexicon (default)', DEFAULT_WEIGHTS]
];
for (const [name, weights] of variants) {
	const a = analyse(labelled, { weights });
	const atDefault = ari(groupAnalysed(a, DEFAULT_THRESHOLD));
	const best = Math.max(...thresholds.map((t) => ari(groupAnalysed(a, t))));
	console.log(`  ${name.padEnd(36)} ${atDefault.toFixed(3)} (${best.toFixed(3)})`);
}

const holdout = HOLDOUT_AREAS_SV.flatMap((a, i) =>
	a.notes.map((text, k) => ({ id: `h${i}-${k}`, text, area: a.area }))
);
const holdoutTruth = new Map(holdout.map((h) => [h.id, h.area]));
const holdoutAri = (groups: { ids: string[] }[]) =>
	adjustedRandIndex(holdoutTruth, labelsOf(groups));
const holdoutBaseline = Math.max(
	...thresholds.map((t) => holdoutAri(sharedWordGroups(holdout, t)))
);
console.log(
	`\nHeld-out set (${holdout.length} insights, written after everything was fixed): ` +
		`suggestGroups ${holdoutAri(suggestGroups(holdout)).toFixed(3)}, ` +
		`all in one ${holdoutAri(allInOneGroup(holdout)).toFixed(3)}, ` +
		`exact shared words at its best threshold ${holdoutBaseline.toFixed(3)}`
);
