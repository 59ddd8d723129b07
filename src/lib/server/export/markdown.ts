import type { ReportAction, ReportArea, ReportModel } from '$lib/report/model';
import { decimal } from '$lib/report/text';

/**
 * The whole report as Markdown (report.md), read only from the report model. Every text
 * people wrote is escaped, so a note holding `<script>`, `# rubrik` or `| a | b |` reads as
 * written in any Markdown viewer instead of becoming markup.
 */
export const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';

/** Inline text: Markdown's and HTML's special characters escaped, lines joined. */
export function md(text: string): string {
	return text
		.replace(/\r?\n|\r/g, ' ')
		.replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)
		.replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3');
}

const list = (items: readonly string[]) => items.map((s) => `- ${md(s)}`);

function table(headers: string[], rows: string[][]): string[] {
	const cell = (s: string) => md(s) || ' ';
	return [
		`| ${headers.map(cell).join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
	];
}

const ACTION_HEADERS = [
	'Steg i processen',
	'Nuläge',
	'Önskat läge',
	'Förslag åtgärder',
	'Aktivitetsplan',
	'Ansvarig',
	'Datum',
	'Status'
];
const actionRow = (a: ReportAction) => [
	a.step,
	a.current,
	a.desired,
	a.proposal,
	a.plan,
	a.owner,
	a.due ?? '',
	a.status
];

function areaRows(areas: readonly ReportArea[]): string[][] {
	const perspective = (a: ReportArea) =>
		[a.professions.join(', '), a.organisations.join(', ')].filter(Boolean).join(' · ');
	return areas.flatMap((a) => [
		[a.name, '', String(a.insights), perspective(a)],
		...a.children.map((c) => [a.name, c.name, String(c.insights), perspective(c)])
	]);
}

export function renderMarkdown(model: ReportModel): string {
	const out: string[] = [`# ${md(model.title)}`, ''];
	if (model.date) out.push(`Workshop ${model.date}`, '');
	if (model.purpose) out.push(`**Syfte:** ${md(model.purpose)}`, '');
	if (model.redacted) {
		out.push('> Text som såg ut som personnummer eller telefonnummer är borttagen.', '');
	}

	out.push('## Deltagare', '');
	if (model.facilitators.length) {
		out.push(`Samtalsledare: ${md(model.facilitators.join(', '))}`, '');
	}
	out.push(`${model.participants.total} deltagare.`, '');
	const counts = [...model.participants.byProfession, ...model.participants.byOrganisation];
	if (counts.length) out.push(...list(counts.map((c) => `${c.label}: ${c.count}`)), '');
	if (model.participants.names?.length) {
		out.push(`Namn: ${md(model.participants.names.join(', '))}`, '');
	}

	const p = model.persona;
	out.push(
		'## Persona',
		'',
		`**${md(p.name || 'Persona')}**${p.age !== null ? `, ${p.age} år` : ''}`,
		''
	);
	for (const [label, items] of [
		['Livssituation', p.situation],
		['Diagnoser', p.conditions],
		['Det här är viktigt för mig', p.matters]
	] as const) {
		if (items.length) out.push(`### ${label}`, '', ...list(items), '');
	}

	out.push('## Patientresan', '');
	for (const e of model.journey) {
		out.push(`### ${md(e.title)}`, '');
		if (e.facts.length) out.push(...list(e.facts), '');
		if (e.emotion.count > 0 && e.emotion.median !== null) {
			out.push(`Känsla: median ${decimal(e.emotion.median)} (${e.emotion.count} svar)`, '');
		}
		if (e.bottennappar.length) out.push('**Bottennappar**', '', ...list(e.bottennappar), '');
		if (e.hojdpunkter.length) out.push('**Höjdpunkter**', '', ...list(e.hojdpunkter), '');
	}

	if (model.quotes.length) {
		out.push('## Citat', '');
		for (const q of model.quotes) {
			const where = [q.event, q.question].filter(Boolean).join(' · ');
			out.push(`> ${md(q.text)}${where ? ` — ${md(where)}` : ''}`, '');
		}
	}

	out.push('## Förbättringsområden', '');
	out.push(`${model.totalInsights} insikter, ${model.unsorted} ej sorterade.`, '');
	if (model.areas.length) {
		out.push(
			...table(
				['Förbättringsområde', 'Underområde', 'Antal insikter', 'Perspektiv'],
				areaRows(model.areas)
			),
			''
		);
	}

	if (model.matrix) {
		const { axes, rows } = model.matrix;
		out.push('## Prioriteringsmatris', '');
		out.push(
			...table(
				['Område', axes.worth.label, axes.cost.label, 'Kvadrant', 'Antal'],
				rows.map((r) => [r.name, decimal(r.worth), decimal(r.cost), r.quadrant, String(r.n)])
			),
			''
		);
	}
	if (model.dots) {
		out.push('## Prickröstning', '');
		out.push(
			...table(
				['Plats', 'Område', 'Prickar', 'Röstande'],
				model.dots.rows.map((r) => [String(r.rank), r.name, String(r.dots), String(r.voters)])
			),
			''
		);
	}

	if (model.prioritised.length) {
		out.push('## Prioriterade områden', '');
		for (const area of model.prioritised) {
			out.push(`### ${md(area.name)}`, '');
			if (area.quadrant) out.push(`Kvadrant: ${md(area.quadrant)}`, '');
			if (area.insights.length) out.push('**Insikter**', '', ...list(area.insights), '');
			if (area.goal.summary || area.goal.statements.length) {
				out.push('**Målbild**', '');
				if (area.goal.summary) out.push(md(area.goal.summary), '');
				if (area.goal.statements.length) out.push(...list(area.goal.statements), '');
			}
			if (area.goal.question) out.push(`**${md(area.goal.question)}**`, '');
			if (area.ideas.length) {
				out.push(
					'**Idéer**',
					'',
					...list(area.ideas.map((i) => (i.group ? `${i.group}: ${i.text}` : i.text))),
					''
				);
			}
		}
	}

	if (model.actions.length) {
		out.push('## Handlingsplan', '');
		out.push(
			...table(
				['Område', ...ACTION_HEADERS],
				model.actions.map((a) => [a.area, ...actionRow(a)])
			),
			''
		);
	}

	if (model.summary.bullets.length || model.summary.nextSteps.length) {
		out.push('## Sammanfattning', '');
		if (model.summary.bullets.length) out.push(...list(model.summary.bullets), '');
		if (model.summary.nextSteps.length) {
			out.push('### Nästa steg', '', ...list(model.summary.nextSteps), '');
		}
	}
	return out.join('\n');
}
