import type * as Y from 'yjs';
import { listNotes, type Note } from '$lib/workshop/doc';
import { emotionCurve, type EmotionSummary } from '$lib/workshop/emotions';
import { listEvents, listQuestions } from '$lib/workshop/journey';
import { readPersona, type Persona } from '$lib/workshop/persona';
import { isTemplatePlaceholder } from '$lib/workshop/template';
import type { Role } from '$lib/workshop/roles';
import type { Axes } from '$lib/workshop/analysis/axes';
import { QUADRANT_NAMES } from '$lib/workshop/analysis/axes';
import { quadrantOfPoint, type MatrixPoint } from '$lib/workshop/analysis/matrix-svg';
import { clusterView, type AreaView } from '$lib/workshop/analysis/perspectives';
import { listActions } from '$lib/workshop/records/action';
import { listAreas } from '$lib/workshop/records/area';
import { listCanvas } from '$lib/workshop/records/canvas-shape';
import { readGoal } from '$lib/workshop/records/goal';
import { listIdeas } from '$lib/workshop/records/idea';
import { listInsights } from '$lib/workshop/records/insight';
import { listPlacements } from '$lib/workshop/records/placement';
import { listRounds } from '$lib/workshop/records/round';
import { readSummary } from '$lib/workshop/records/summary';
import { canvasFigures, type ReportCanvas } from './canvas-svg';
import { createRedactor, type ReportFlag } from './redact';
import { organisationLabel, professionLabel, STATUS_LABELS } from './labels';

/**
 * The report of a workshop as one typed value (method steps 1–11), built from the shared board
 * and the workshop row. Every renderer (Word, PowerPoint, spreadsheet, Markdown, print view)
 * reads only this model, so what a viewer may not see is left out once, here: scores of rounds
 * not yet revealed, anything in private documents (drafts, silent-round ideas: they never are in
 * the board), names in an anonymous workshop, and patient data unless asked for.
 */

export interface ReportMember {
	/** The membership's id: what a note's authorId names. */
	id?: string;
	role: Role;
	displayName: string;
	profession: string;
	organisation: string;
}

export interface ReportInput {
	workshop: { title: string; purpose: string; date: string | null; anonymous: boolean };
	facilitators: readonly string[];
	members: readonly ReportMember[];
	board: Y.Doc;
	viewer: Role;
	options: { includeFlagged: boolean };
}

export interface Count {
	key: string;
	label: string;
	count: number;
}

export interface ReportEvent {
	id: string;
	title: string;
	facts: string[];
	bottennappar: string[];
	hojdpunkter: string[];
	/** Känslokurva at this event, −2 … +2. */
	emotion: EmotionSummary;
}

export interface ReportQuote {
	text: string;
	event: string | null;
	question: string | null;
}

export interface ReportArea {
	id: string;
	name: string;
	/** Null for a top-level area, else its parent's name. */
	parent: string | null;
	/** Insights of the area, its underområden included for a top-level area. */
	insights: number;
	events: string[];
	questions: string[];
	professions: string[];
	organisations: string[];
	children: ReportArea[];
}

export interface ReportMatrix {
	axes: Axes;
	points: MatrixPoint[];
	/** Per area: its quadrant's Swedish name and how many scored it. */
	rows: Array<{
		id: string;
		name: string;
		quadrant: string;
		worth: number;
		cost: number;
		n: number;
	}>;
}

export interface ReportDots {
	rows: Array<{ id: string; name: string; dots: number; voters: number; rank: number }>;
}

export interface ReportIdea {
	text: string;
	group: string | null;
}

export interface ReportAction {
	id: string;
	area: string;
	step: string;
	current: string;
	desired: string;
	proposal: string;
	plan: string;
	owner: string;
	due: string | null;
	status: string;
	statusKey: 'planerad' | 'pagar' | 'genomford';
}

export interface ReportInsight {
	text: string;
	/** The area (or underområde) it is in; empty when not sorted. */
	area: string;
	events: string[];
	questions: string[];
	professions: string[];
	organisations: string[];
}

export interface ReportPrioritised {
	id: string;
	name: string;
	quadrant: string | null;
	insights: string[];
	goal: { summary: string; statements: string[]; question: string };
	ideas: ReportIdea[];
	/** What is on the area's canvas (canvas-svg.ts). */
	canvas: ReportCanvas;
	actions: ReportAction[];
}

export interface ReportModel {
	title: string;
	purpose: string;
	date: string | null;
	anonymous: boolean;
	viewer: Role;
	facilitators: string[];
	participants: {
		total: number;
		byProfession: Count[];
		byOrganisation: Count[];
		/** Names and roles, only when the workshop is not anonymous. */
		names: string[] | null;
	};
	persona: Persona;
	journey: ReportEvent[];
	questions: string[];
	quotes: ReportQuote[];
	areas: ReportArea[];
	/** Insights not yet in any area (Ej sorterade). */
	unsorted: number;
	totalInsights: number;
	/** Every insight, area by area in board order and the unsorted last: the report's appendix. */
	insights: ReportInsight[];
	/** The newest revealed scoring results; null before any reveal. */
	matrix: ReportMatrix | null;
	/** The newest revealed dot round; null before any. */
	dots: ReportDots | null;
	prioritised: ReportPrioritised[];
	/** Every action of the plan, prioritised area by area. */
	actions: ReportAction[];
	summary: { bullets: string[]; nextSteps: string[] };
	/** Every patient-data match in the text the report would show. */
	flags: ReportFlag[];
	/** True when flagged text was replaced by a mask. */
	redacted: boolean;
}

function counts(keys: readonly string[], label: (key: string) => string): Count[] {
	const map = new Map<string, number>();
	for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
	return [...map.entries()]
		.map(([key, count]) => ({ key, label: label(key), count }))
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'));
}

/**
 * Per area the newest revealed scoring result as a matrix point (a re-opened round replaces
 * the results of the areas it scored again); the same reading as the prioritisation page.
 */
function matrixOf(
	board: Y.Doc,
	names: ReadonlyMap<string, string>,
	insightCount: (id: string) => number,
	t: (text: string, where: string) => string
): ReportMatrix | null {
	const placements = listPlacements(board);
	const byArea = new Map<string, { point: MatrixPoint; n: number }>();
	let axes: Axes | null = null;
	for (const round of listRounds(board)) {
		// Never a round that is open or closed: its scores are not the group's to see yet.
		if (round.type !== 'scoring' || round.status !== 'revealed' || !round.results?.scores) continue;
		axes = round.axes;
		for (const [areaId, r] of Object.entries(round.results.scores)) {
			if (r.worth.median === null || r.cost.median === null || !names.has(areaId)) continue;
			const placement = placements.get(areaId);
			byArea.set(areaId, {
				n: Math.max(r.worth.n, r.cost.n),
				point: {
					id: areaId,
					name: names.get(areaId)!,
					insights: insightCount(areaId),
					worth: {
						median: r.worth.median,
						q1: r.worth.q1 ?? r.worth.median,
						q3: r.worth.q3 ?? r.worth.median
					},
					cost: {
						median: r.cost.median,
						q1: r.cost.q1 ?? r.cost.median,
						q3: r.cost.q3 ?? r.cost.median
					},
					flagged: r.flagged,
					final: placement?.final ?? null,
					prioritised: placement?.prioritised ?? false
				}
			});
		}
	}
	if (!axes || byArea.size === 0) return null;
	// A facilitator may name the axes in their own words: text like any other.
	const found: Axes = {
		worth: { ...axes.worth, label: t(axes.worth.label, 'Prioriteringsaxel') },
		cost: { ...axes.cost, label: t(axes.cost.label, 'Prioriteringsaxel') }
	};
	const points = [...byArea.values()].map((v) => v.point);
	return {
		axes: found,
		points,
		rows: [...byArea.values()].map(({ point, n }) => ({
			id: point.id,
			name: point.name,
			quadrant: QUADRANT_NAMES[quadrantOfPoint(found, point)],
			worth: point.final?.worth ?? point.worth.median,
			cost: point.final?.cost ?? point.cost.median,
			n
		}))
	};
}

function dotsOf(board: Y.Doc, names: ReadonlyMap<string, string>): ReportDots | null {
	const revealed = listRounds(board).filter(
		(r) => r.type === 'dots' && r.status === 'revealed' && r.results?.dots
	);
	const latest = revealed.at(-1);
	if (!latest) return null;
	return {
		rows: latest
			.results!.dots!.filter((d) => names.has(d.areaId))
			.sort((a, b) => a.rank - b.rank)
			.map((d) => ({
				id: d.areaId,
				name: names.get(d.areaId)!,
				dots: d.dots,
				voters: d.voters,
				rank: d.rank
			}))
	};
}

/**
 * The participants: their memberships. An imported workshop has none (memberships are not
 * in a workshop file), yet its notes still carry who wrote them, so there the distinct authors
 * who are not members here (the importing facilitator is) are the ones who took part.
 */
function whoTookPart(
	members: readonly ReportMember[],
	notes: readonly Note[]
): Array<{ displayName: string | null; profession: string; organisation: string }> {
	const participants = members.filter((m) => m.role === 'participant');
	if (participants.length > 0) return participants;
	const known = new Set(members.map((m) => m.id));
	const authors = new Map<
		string,
		{ displayName: string | null; profession: string; organisation: string }
	>();
	for (const n of notes) {
		if (known.has(n.authorId) || authors.has(n.authorId)) continue;
		authors.set(n.authorId, {
			displayName: n.authorName,
			profession: n.profession,
			organisation: n.organisation
		});
	}
	return [...authors.values()];
}

export function buildReportModel(input: ReportInput): ReportModel {
	const { board, workshop } = input;
	const red = createRedactor(input.options.includeFlagged);
	const t = red.text;

	const events = listEvents(board);
	const questions = listQuestions(board);
	// Titles and questions also label where a flag is, so they are read (and redacted) first.
	const eventTitle = new Map(events.map((e) => [e.id, t(e.title, 'Händelse')]));
	const questionText = new Map(questions.map((q) => [q.id, t(q.text, 'Frågeställning')]));
	const notes = listNotes(board);
	const curve = emotionCurve(
		board,
		events.map((e) => e.id)
	);

	const noteWhere = (n: Note, what: string) =>
		[
			what,
			n.eventId ? eventTitle.get(n.eventId) : null,
			n.questionId ? questionText.get(n.questionId) : null
		]
			.filter(Boolean)
			.join(' · ');
	const notesOf = (eventId: string, kind: Note['kind'], what: string) =>
		notes
			.filter((n) => n.eventId === eventId && n.kind === kind)
			.map((n) => t(n.text, noteWhere(n, what)));

	const journey: ReportEvent[] = events.map((e) => ({
		id: e.id,
		title: eventTitle.get(e.id)!,
		facts: e.facts
			.filter((f) => !isTemplatePlaceholder(f))
			.map((f) => t(f, `Fakta · ${eventTitle.get(e.id)}`)),
		bottennappar: notesOf(e.id, 'bottennapp', 'Bottennapp'),
		hojdpunkter: notesOf(e.id, 'hojdpunkt', 'Höjdpunkt'),
		emotion: curve.get(e.id)!
	}));
	// Notes of the other kinds are read for flags too: a plain note may end up in an insight.
	for (const n of notes) {
		const inJourney = n.eventId !== null && eventTitle.has(n.eventId);
		if (n.kind === 'note' || (n.kind !== 'citat' && !inJourney)) t(n.text, noteWhere(n, 'Lapp'));
	}
	const quotes: ReportQuote[] = notes
		.filter((n) => n.kind === 'citat')
		.map((n) => ({
			text: t(n.text, noteWhere(n, 'Citat')),
			event: n.eventId ? (eventTitle.get(n.eventId) ?? null) : null,
			question: n.questionId ? (questionText.get(n.questionId) ?? null) : null
		}));

	const rawPersona = readPersona(board);
	const content = (lines: readonly string[]) => lines.filter((l) => !isTemplatePlaceholder(l));
	const persona: Persona = {
		name: isTemplatePlaceholder(rawPersona.name) ? '' : t(rawPersona.name, 'Persona · namn'),
		age: rawPersona.age,
		situation: content(rawPersona.situation).map((s) => t(s, 'Persona · livssituation')),
		conditions: content(rawPersona.conditions).map((s) => t(s, 'Persona · diagnoser')),
		matters: content(rawPersona.matters).map((s) => t(s, 'Persona · vad som är viktigt'))
	};

	const insights = listInsights(board);
	const areasList = listAreas(board);
	const view = clusterView(insights, areasList);
	const names = new Map(areasList.map((a) => [a.id, t(a.name, 'Förbättringsområde')]));
	const toArea = (v: AreaView, parent: string | null): ReportArea => ({
		id: v.area.id,
		name: names.get(v.area.id)!,
		parent,
		insights: v.perspective.insights,
		events: v.perspective.eventIds.flatMap((id) => eventTitle.get(id) ?? []),
		questions: v.perspective.questionIds.flatMap((id) => questionText.get(id) ?? []),
		professions: v.perspective.professions.map(professionLabel),
		organisations: v.perspective.organisations.map(organisationLabel),
		children: v.children.map((c) => toArea(c, names.get(v.area.id)!))
	});
	const areas = view.areas.map((v) => toArea(v, null));
	const viewOf = new Map(view.flat.map((v) => [v.area.id, v]));
	const insightCount = (id: string) => viewOf.get(id)?.perspective.insights ?? 0;
	const insightText = new Map(
		insights.map((i) => [
			i.id,
			t(i.text, `Insikt · ${names.get(i.areaId ?? '') ?? 'Ej sorterade'}`)
		])
	);

	const areaRank = new Map(view.flat.map((v, i) => [v.area.id, i]));
	const rankOf = (areaId: string | null) => areaRank.get(areaId ?? '') ?? view.flat.length;
	const insightRows: ReportInsight[] = [...insights]
		.sort((a, b) => rankOf(a.areaId) - rankOf(b.areaId))
		.map((i) => ({
			text: insightText.get(i.id)!,
			area: names.get(i.areaId ?? '') ?? '',
			events: i.eventIds.flatMap((id) => eventTitle.get(id) ?? []),
			questions: i.questionIds.flatMap((id) => questionText.get(id) ?? []),
			professions: i.professions.map(professionLabel),
			organisations: i.organisations.map(organisationLabel)
		}));

	const matrix = matrixOf(board, names, insightCount, t);
	const dots = dotsOf(board, names);
	const quadrantOf = new Map(matrix?.rows.map((r) => [r.id, r.quadrant]) ?? []);

	const toAction = (a: ReturnType<typeof listActions>[number]): ReportAction => {
		const where = `Handlingsplan · ${names.get(a.areaId) ?? ''}`;
		return {
			id: a.id,
			area: names.get(a.areaId) ?? '',
			step: t(a.step, where),
			current: t(a.current, where),
			desired: t(a.desired, where),
			proposal: t(a.proposal, where),
			plan: t(a.plan, where),
			owner: t(a.owner, where),
			due: a.due,
			status: STATUS_LABELS[a.status],
			statusKey: a.status
		};
	};

	const placements = listPlacements(board);
	const prioritised: ReportPrioritised[] = view.flat
		.filter((v) => placements.get(v.area.id)?.prioritised)
		.map((v) => {
			const name = names.get(v.area.id)!;
			const goal = readGoal(board, v.area.id);
			const where = `Målbild · ${name}`;
			const own = [...v.insights, ...v.children.flatMap((c) => c.insights)];
			return {
				id: v.area.id,
				name,
				quadrant: quadrantOf.get(v.area.id) ?? null,
				insights: own.map((i) => insightText.get(i.id)!),
				goal: {
					summary: t(goal.summary, where),
					statements: goal.statements.map((s) => t(s, where)),
					question: t(goal.question, where)
				},
				ideas: listIdeas(board, v.area.id).map((i) => ({
					text: t(i.text, `Idé · ${name}`),
					group: i.group === null ? null : t(i.group, `Idégrupp · ${name}`)
				})),
				canvas: canvasFigures(listCanvas(board, v.area.id), (text) => t(text, `Canvas · ${name}`)),
				actions: listActions(board, v.area.id).map(toAction)
			};
		});
	const prioritisedIds = new Set(prioritised.map((p) => p.id));
	// Actions of areas no longer prioritised still belong to the plan: listed after the rest.
	const actions = [
		...prioritised.flatMap((p) => p.actions),
		...listActions(board)
			.filter((a) => !prioritisedIds.has(a.areaId))
			.map(toAction)
	];

	const raw = readSummary(board);
	const summary = {
		bullets: raw.bullets.map((s) => t(s, 'Sammanfattning')),
		nextSteps: raw.nextSteps.map((s) => t(s, 'Nästa steg'))
	};

	const participants = whoTookPart(input.members, notes);
	return {
		title: t(workshop.title, 'Titel'),
		purpose: t(workshop.purpose, 'Syfte'),
		date: workshop.date,
		anonymous: workshop.anonymous,
		viewer: input.viewer,
		facilitators: [...input.facilitators],
		participants: {
			total: participants.length,
			byProfession: counts(
				participants.map((m) => m.profession),
				professionLabel
			),
			byOrganisation: counts(
				participants.map((m) => m.organisation),
				organisationLabel
			),
			names: workshop.anonymous
				? null
				: participants.flatMap((m) => (m.displayName ? [m.displayName] : []))
		},
		persona,
		journey,
		questions: questions.map((q) => questionText.get(q.id)!),
		quotes,
		areas,
		unsorted: view.unsorted.length,
		totalInsights: insights.length,
		insights: insightRows,
		matrix,
		dots,
		prioritised,
		actions,
		summary,
		flags: red.flags,
		redacted: red.flags.length > 0 && !input.options.includeFlagged
	};
}
