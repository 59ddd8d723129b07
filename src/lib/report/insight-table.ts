import { listNotes, type NoteKind } from '$lib/workshop/doc';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { listAreas } from '$lib/workshop/records/area';
import { listInsights, type InsightSource } from '$lib/workshop/records/insight';
import { organisationLabel, professionLabel } from './labels';
import type { ReportInput, ReportModel } from './model';
import { createRedactor } from './redact';

/**
 * One row per insight, for the spreadsheet exports (insights.csv, insights.xlsx): which area
 * and underområde it sits in, where in the journey it comes from, its kind and perspectives,
 * and its area's scores. The report model counts insights per area but has no row per insight,
 * so this reads the insights from the board beside it, under the model's rules: text through
 * the same patient-data redactor, scores only from the model (revealed rounds alone), and no
 * names (an insight carries none).
 */
export type Cell = string | number | null;

export interface InsightTable {
	headers: string[];
	rows: Cell[][];
}

const KIND_LABELS: Record<NoteKind, string> = {
	note: 'Lapp',
	bottennapp: 'Bottennapp',
	hojdpunkt: 'Höjdpunkt',
	citat: 'Citat'
};
const SOURCE_LABELS: Record<InsightSource, string> = {
	lowPoint: 'Bottennapp',
	promoted: 'Lyft från lapp',
	written: 'Skriven av samtalsledaren'
};
export const UNSORTED = 'Ej sorterade';

export function buildInsightTable(input: ReportInput, model: ReportModel): InsightTable {
	const { board } = input;
	const t = createRedactor(input.options.includeFlagged).text;
	const events = new Map(listEvents(board).map((e) => [e.id, t(e.title, 'Händelse')]));
	const questions = new Map(listQuestions(board).map((q) => [q.id, t(q.text, 'Frågeställning')]));
	const noteKinds = new Map(listNotes(board).map((n) => [n.id, n.kind]));
	const areas = listAreas(board);
	const areaById = new Map(areas.map((a) => [a.id, a]));
	const areaRank = new Map(areas.map((a, i) => [a.id, i]));
	const matrix = new Map(model.matrix?.rows.map((r) => [r.id, r]) ?? []);
	const dots = new Map(model.dots?.rows.map((r) => [r.id, r]) ?? []);
	const worth = model.matrix?.axes.worth.label ?? 'Nytta';
	const cost = model.matrix?.axes.cost.label ?? 'Insats';

	const placed = listInsights(board).map((insight) => {
		const area = insight.areaId ? areaById.get(insight.areaId) : undefined;
		const parent = area?.parentId ? areaById.get(area.parentId) : undefined;
		const top = parent ?? area;
		return { insight, area, top, sub: parent ? area : undefined };
	});
	// Areas in display order, each area's own insights before its underområden's, the pile last.
	const rank = (p: (typeof placed)[number]) =>
		p.top ? (areaRank.get(p.top.id)! + 1) * 1e6 + (p.sub ? areaRank.get(p.sub.id)! + 1 : 0) : 1e12;
	placed.sort(
		(a, b) =>
			rank(a) - rank(b) ||
			(a.insight.order < b.insight.order ? -1 : a.insight.order > b.insight.order ? 1 : 0)
	);

	const rows = placed.map(({ insight, area, top, sub }) => {
		const kinds = [...new Set(insight.sourceNoteIds.flatMap((id) => noteKinds.get(id) ?? []))].map(
			(k) => KIND_LABELS[k]
		);
		// An underområde scored on its own keeps its own scores; else its area's.
		const scored = (area && matrix.get(area.id)) ?? (top && matrix.get(top.id));
		const dotted = (area && dots.get(area.id)) ?? (top && dots.get(top.id));
		const where = top ? top.name : UNSORTED;
		return [
			top ? t(top.name, 'Förbättringsområde') : UNSORTED,
			sub ? t(sub.name, 'Underområde') : '',
			t(insight.text, `Insikt · ${where}`),
			insight.eventIds.flatMap((id) => events.get(id) ?? []).join(', '),
			insight.questionIds.flatMap((id) => questions.get(id) ?? []).join(', '),
			kinds.length ? kinds.join(', ') : SOURCE_LABELS[insight.source],
			insight.professions.map(professionLabel).join(', '),
			insight.organisations.map(organisationLabel).join(', '),
			scored?.worth ?? null,
			scored?.cost ?? null,
			scored?.quadrant ?? '',
			scored?.n ?? null,
			dotted?.dots ?? null
		];
	});
	return {
		headers: [
			'Förbättringsområde',
			'Underområde',
			'Insikt',
			'Händelse',
			'Frågeställning',
			'Typ',
			'Profession',
			'Organisation',
			`${worth} (median)`,
			`${cost} (median)`,
			'Kvadrant',
			'Antal som poängsatt',
			'Prickar'
		],
		rows
	};
}
