/**
 * Report benchmark: a generated workshop with 500 notes (8 events × 5 questions, every kind),
 * 300 insights in 12 areas (4 of them underområden), a revealed scoring round, 6 prioritised
 * areas with målbild, 60 ideas, 24 actions and a summary; 40 members.
 *
 *   npm run bench:report                      (RUNS=10 NOTES=500 to change)
 *
 * Measured per run and printed as p50/p95/max (target in PRODUCT.md: under 1 s each):
 * - model: buildReportModel (every reader, perspectives, matrix, patient-data guard);
 * - docx / pptx: the model built and rendered to a file, matrix image included, as the
 *   endpoints do; matrix png alone for reference;
 * - csv / xlsx / md / json: the same, for the insight table, the Markdown report and the
 *   whole-workshop JSON file (serialised), as their endpoints do.
 * RSS is printed after the runs.
 */
import * as Y from 'yjs';
import { addNote, noteKinds } from '../../src/lib/workshop/doc.ts';
import {
	addEvent,
	addQuestion,
	listEvents,
	listQuestions
} from '../../src/lib/workshop/journey.ts';
import { updatePersona } from '../../src/lib/workshop/persona.ts';
import { setEmotion } from '../../src/lib/workshop/emotions.ts';
import { addAction } from '../../src/lib/workshop/records/action.ts';
import { createArea } from '../../src/lib/workshop/records/area.ts';
import { writeGoal } from '../../src/lib/workshop/records/goal.ts';
import { addIdea } from '../../src/lib/workshop/records/idea.ts';
import { addInsight } from '../../src/lib/workshop/records/insight.ts';
import { setPlacement } from '../../src/lib/workshop/records/placement.ts';
import { writeRound, type RoundResults } from '../../src/lib/workshop/records/round.ts';
import { writeSummary } from '../../src/lib/workshop/records/summary.ts';
import { NYTTA_INSATS } from '../../src/lib/workshop/analysis/axes.ts';
import { buildReportModel, type ReportInput } from '../../src/lib/report/model.ts';
import { renderDocx } from '../../src/lib/server/export/docx.ts';
import { renderPptx } from '../../src/lib/server/export/pptx.ts';
import { renderMatrixPng } from '../../src/lib/server/export/matrix-png.ts';
import { renderCsv } from '../../src/lib/server/export/csv.ts';
import { renderXlsx } from '../../src/lib/server/export/xlsx.ts';
import { renderMarkdown } from '../../src/lib/server/export/markdown.ts';
import { buildInsightTable } from '../../src/lib/report/insight-table.ts';
import { buildWorkshopFile } from '../../src/lib/workshop/workshop-json.ts';

const RUNS = Number(process.env.RUNS ?? 10);
const NOTES = Number(process.env.NOTES ?? 500);
const professions = ['sjukskoterska', 'lakare', 'arbetsterapeut', 'fysioterapeut', 'chef'] as const;
const organisations = ['region', 'kommun'] as const;
const words = [
	'ingen ringer tillbaka från vårdcentralen',
	'svårt att nå mottagningen på kvällen',
	'rollatorn kom först efter två veckor',
	'läkemedelslistan stämmer inte med hemtjänstens',
	'hemtjänsten vet inte vad som hänt på sjukhuset',
	'fast vårdkontakt saknas för många äldre',
	'lång väntan på hjälpmedel efter utskrivning',
	'informationen följer inte med patienten',
	'ingen plan vid utskrivning – det blir ett nytt ärende',
	'anhöriga får inte veta vem de ska ringa'
];

function seed(): Y.Doc {
	const doc = new Y.Doc();
	updatePersona(doc, {
		name: 'Oskar',
		age: 83,
		situation: ['Änkling', 'Hemtjänst'],
		conditions: ['Hjärtsvikt', 'Högt blodtryck'],
		matters: ['Jag känner mig delaktig och trygg', 'Det är tydligt hur jag får kontakt']
	});
	for (let e = 0; e < 8; e++) {
		addEvent(doc, { title: `Händelse ${e + 1}`, facts: [`Fakta ${e + 1}a`, `Fakta ${e + 1}b`] });
	}
	for (let q = 0; q < 5; q++) addQuestion(doc, { text: `Frågeställning ${q + 1}: vad skaver?` });
	const events = listEvents(doc).map((e) => e.id);
	const questions = listQuestions(doc).map((q) => q.id);
	for (let i = 0; i < 40; i++) {
		for (const e of events) setEmotion(doc, e, `m${i}`, (i % 5) - 2);
	}
	for (let i = 0; i < NOTES; i++) {
		addNote(doc, {
			text: `${words[i % words.length]} (${i})`,
			kind: noteKinds[i % noteKinds.length],
			eventId: events[i % events.length]!,
			questionId: questions[i % questions.length]!,
			author: {
				id: `m${i % 40}`,
				name: `Person ${i % 40}`,
				profession: professions[i % 5]!,
				organisation: organisations[i % 2]!
			},
			now: 1_700_000_000_000 + i
		});
	}
	const top = Array.from({ length: 8 }, (_, a) =>
		createArea(doc, { name: `Förbättringsområde ${a + 1}: ${words[a]}` })!
	);
	const subs = top
		.slice(0, 4)
		.map((parent, s) => createArea(doc, { name: `Underområde ${s + 1}`, parentId: parent })!);
	const areas = [...top, ...subs];
	for (let i = 0; i < 300; i++) {
		addInsight(doc, {
			text: `Insikt ${i}: ${words[i % words.length]}`,
			source: 'written',
			eventIds: [events[i % events.length]!],
			questionIds: [questions[i % questions.length]!],
			professions: [professions[i % 5]!],
			organisations: [organisations[i % 2]!],
			areaId: i % 20 === 0 ? null : areas[i % areas.length]!,
			createdBy: null
		});
	}
	const results: RoundResults = { scores: {} };
	top.forEach((id, i) => {
		const axis = (median: number) => ({
			n: 30,
			median,
			q1: Math.max(1, median - 1),
			q3: Math.min(5, median + 1),
			iqr: 2,
			distribution: [3, 6, 9, 6, 6] as [number, number, number, number, number]
		});
		results.scores![id] = {
			worth: axis(1 + (i % 5)),
			cost: axis(1 + ((i * 3) % 5)),
			flagged: i % 4 === 0
		};
	});
	writeRound(doc, 'r1', {
		type: 'scoring',
		areaIds: top,
		axes: NYTTA_INSATS,
		dotLimits: null,
		status: 'revealed',
		progress: 30,
		eligible: 30,
		results,
		previousId: null,
		createdAt: 1
	});
	for (const id of top.slice(0, 6)) {
		setPlacement(doc, id, { prioritised: true });
		writeGoal(doc, id, {
			summary: 'Målbild i några meningar om vad som ska bli bättre.',
			statements: ['Jag vet vem jag ska ringa', 'Mina vårdgivare pratar med varandra'],
			question: 'Hur kan vi …?'
		});
		for (let k = 0; k < 10; k++) {
			addIdea(doc, {
				text: `Idé ${k} för området`,
				areaId: id,
				author: { id: 'm1', name: null, profession: 'lakare', organisation: 'region' }
			});
		}
		for (let k = 0; k < 4; k++) {
			addAction(doc, {
				areaId: id,
				step: 'Utskrivning',
				current: 'Nuläge',
				desired: 'Önskat läge',
				proposal: 'Förslag',
				plan: 'Plan',
				owner: 'Områdeschef',
				due: '2026-03-01',
				status: 'pagar'
			});
		}
	}
	writeSummary(doc, {
		bullets: ['Första punkten', 'Andra punkten'],
		nextSteps: ['Följ upp om tre månader']
	});
	return doc;
}

const board = seed();
const input: ReportInput = {
	workshop: {
		title: 'Genererad workshop – 500 lappar',
		purpose: 'Benchmark',
		date: '2026-01-01',
		anonymous: false
	},
	facilitators: ['Fia'],
	members: Array.from({ length: 40 }, (_, i) => ({
		role: 'participant' as const,
		displayName: `Person ${i}`,
		profession: professions[i % 5]!,
		organisation: organisations[i % 2]!
	})),
	board,
	viewer: 'facilitator',
	options: { includeFlagged: false }
};

const stats = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
	return `p50 ${at(0.5).toFixed(0)} ms  p95 ${at(0.95).toFixed(0)} ms  max ${s.at(-1)!.toFixed(0)} ms`;
};

async function time(label: string, fn: () => Promise<unknown> | unknown) {
	await fn(); // warm-up: module loading and the font file are not what is measured
	const times: number[] = [];
	let size = 0;
	for (let r = 0; r < RUNS; r++) {
		const t0 = performance.now();
		const out = await fn();
		times.push(performance.now() - t0);
		if (out instanceof Uint8Array) size = out.byteLength;
	}
	console.log(
		`${label.padEnd(12)} ${stats(times)}${size ? `  (${(size / 1024).toFixed(0)} KiB)` : ''}`
	);
}

console.log(`[bench:report] ${NOTES} notes, 300 insights, 12 areas, ${RUNS} runs each`);
await time('model', () => buildReportModel(input));
await time(
	'matrix png',
	() => renderMatrixPng(buildReportModel(input).matrix!, 'Prioriteringsmatris').png
);
await time('docx', () => renderDocx(buildReportModel(input)));
await time('pptx', () => renderPptx(buildReportModel(input)));
const encode = (text: string) => new TextEncoder().encode(text);
await time('csv', () => {
	const model = buildReportModel(input);
	return encode(renderCsv(buildInsightTable(input, model)));
});
await time('xlsx', () => {
	const model = buildReportModel(input);
	return renderXlsx(buildInsightTable(input, model), model);
});
await time('md', () => encode(renderMarkdown(buildReportModel(input))));
await time('json', () =>
	encode(
		JSON.stringify(
			buildWorkshopFile(
				board,
				{ id: 'bench', ...input.workshop, participantsMayExport: false },
				{ exportedAt: new Date(), includeFlagged: false }
			)
		)
	)
);
console.log(`rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
