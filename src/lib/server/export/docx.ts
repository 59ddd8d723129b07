import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	Packer,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ISectionOptions
} from 'docx';
import type { ReportAction, ReportArea, ReportModel } from '$lib/report/model';
import { canvasPng, canvasUnshown } from './canvas-png';
import { renderMatrixPng } from './matrix-png';
import { columnWidths } from '$lib/report/columns';
import {
	actionColumns,
	areaPerspective,
	dateLine,
	decimal,
	emotionWord,
	flagNotice,
	quoted
} from '$lib/report/text';

/**
 * The report as a Word document (.docx), in the order of the seed reports: who took part, the
 * persona and journey, what was said, the improvement-area table (Förbättringsområde |
 * Underområde | Antal insikter | Perspektiv), the matrix as an image, the prioritised areas with
 * their målbild and actions, the action plan area by area in Region Halland's columns (on
 * landscape pages: eight columns do not fit upright), the summary and an appendix with every
 * insight. Reads only the report model.
 */

const FONT = 'Calibri';
const HEADER_FILL = 'DCE6F0';
const HEADING = '005A9E';
/** Table text in half-points: 10 pt keeps "Aktivitetsplan" on one line in an eight-column plan. */
const TABLE_SIZE = 20;
/** A4 in twips (1/1440 in) and its usable width with 2 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1134 };
const PORTRAIT_WIDTH = A4.width - 2 * A4.margin;
const LANDSCAPE_WIDTH = A4.height - 2 * A4.margin;

const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
	new Paragraph({ text, heading, keepNext: true });
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bold = (label: string, text: string) =>
	new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(text)] });
const bullets = (items: readonly string[]) =>
	items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));

const border = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
/** On the table, not on each cell: a 300-insight appendix wrote 1,800 copies of them. */
const borders = {
	top: border,
	bottom: border,
	left: border,
	right: border,
	insideHorizontal: border,
	insideVertical: border
};
const cellMargins = { top: 60, bottom: 60, left: 100, right: 100 };

function cell(text: string, header: boolean, width: number) {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
		children: text
			.split('\n')
			.map(
				(line) =>
					new Paragraph({ children: [new TextRun({ text: line, bold: header, size: TABLE_SIZE })] })
			)
	});
}

/**
 * A table with a header row repeated on every page. Column widths are given in twips on the
 * table and on every cell: LibreOffice ignores percentages and splits columns evenly otherwise.
 * No column is narrower than its longest word, so no word is broken in two.
 */
function table(
	head: readonly string[],
	rows: readonly string[][],
	shares: readonly number[] = head.map(() => 1),
	pageWidth = PORTRAIT_WIDTH
) {
	const widths = columnWidths(
		head.map((label, i) => [label, ...rows.map((r) => r[i] ?? '')]),
		shares,
		pageWidth,
		TABLE_SIZE / 2
	);
	return new Table({
		width: { size: pageWidth, type: WidthType.DXA },
		borders,
		margins: cellMargins,
		columnWidths: widths,
		rows: [
			new TableRow({
				tableHeader: true,
				children: head.map((t, i) => cell(t, true, widths[i]!))
			}),
			...rows.map(
				(r) =>
					new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, widths[i]!)) })
			)
		]
	});
}

function areaRows(areas: readonly ReportArea[]): string[][] {
	return areas.flatMap((a) => [
		[a.name, '', String(a.insights), areaPerspective(a)],
		...a.children.map((c) => ['', c.name, String(c.insights), areaPerspective(c)])
	]);
}

function matrixPart(model: ReportModel): Array<Paragraph | Table> {
	const out: Array<Paragraph | Table> = [h('Prioriteringsmatris', HeadingLevel.HEADING_1)];
	if (model.matrix) {
		const image = renderMatrixPng(model.matrix, 'Prioriteringsmatris');
		const width = 600; // px at 96 dpi: 15.9 cm, nearly the 17 cm text width of A4 with 2 cm margins
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new ImageRun({
						type: 'png',
						data: image.png,
						transformation: { width, height: Math.round((width * image.height) / image.width) },
						altText: {
							name: 'Prioriteringsmatris',
							title: 'Prioriteringsmatris',
							description: `${model.matrix.axes.worth.label} mot ${model.matrix.axes.cost.label}`
						}
					})
				]
			}),
			table(
				[
					'Förbättringsområde',
					'Kvadrant',
					model.matrix.axes.worth.label,
					model.matrix.axes.cost.label,
					'Antal'
				],
				model.matrix.rows.map((r) => [
					r.name,
					r.quadrant,
					decimal(r.worth),
					decimal(r.cost),
					String(r.n)
				]),
				[40, 22, 13, 13, 12]
			)
		);
	}
	if (model.dots) {
		out.push(
			h('Prickröstning', HeadingLevel.HEADING_2),
			table(
				['Plats', 'Förbättringsområde', 'Prickar', 'Röstande'],
				model.dots.rows.map((r) => [String(r.rank), r.name, String(r.dots), String(r.voters)]),
				[10, 60, 15, 15]
			)
		);
	}
	if (!model.matrix && !model.dots) out.push(p('Ingen prioriteringsomgång är visad ännu.'));
	return out;
}

function body(model: ReportModel): Array<Paragraph | Table> {
	const out: Array<Paragraph | Table> = [
		new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
		p(dateLine(model))
	];
	const notice = flagNotice(model);
	if (notice) out.push(new Paragraph({ children: [new TextRun({ text: notice, italics: true })] }));
	if (model.purpose) out.push(h('Syfte', HeadingLevel.HEADING_1), p(model.purpose));

	out.push(h('Deltagare', HeadingLevel.HEADING_1));
	if (model.facilitators.length) out.push(bold('Processledare: ', model.facilitators.join(', ')));
	out.push(bold('Antal deltagare: ', String(model.participants.total)));
	if (model.participants.byProfession.length) {
		out.push(
			table(
				['Yrkesroll', 'Antal'],
				model.participants.byProfession.map((c) => [c.label, String(c.count)])
			),
			p(''),
			table(
				['Organisation', 'Antal'],
				model.participants.byOrganisation.map((c) => [c.label, String(c.count)])
			)
		);
	}
	if (model.participants.names?.length) {
		out.push(bold('Deltagare: ', model.participants.names.join(', ')));
	}

	const persona = model.persona;
	if (persona.name) {
		out.push(
			h(
				`Persona: ${persona.name}${persona.age !== null ? `, ${persona.age} år` : ''}`,
				HeadingLevel.HEADING_1
			)
		);
		if (persona.situation.length) {
			out.push(h('Livssituation', HeadingLevel.HEADING_3), ...bullets(persona.situation));
		}
		if (persona.conditions.length) {
			out.push(h('Diagnoser', HeadingLevel.HEADING_3), ...bullets(persona.conditions));
		}
		if (persona.matters.length) {
			out.push(
				h('Vad som är viktigt för mig', HeadingLevel.HEADING_3),
				...bullets(persona.matters)
			);
		}
	}

	if (model.journey.length) {
		out.push(h('Patientresan', HeadingLevel.HEADING_1));
		for (const e of model.journey) {
			out.push(h(e.title, HeadingLevel.HEADING_2));
			if (e.facts.length) out.push(bold('Fakta: ', e.facts.join(' · ')));
			const feeling = emotionWord(e.emotion);
			if (feeling) out.push(bold('Känslokurva: ', feeling));
			if (e.bottennappar.length) {
				out.push(h('Bottennappar', HeadingLevel.HEADING_3), ...bullets(e.bottennappar));
			}
			if (e.hojdpunkter.length) {
				out.push(h('Höjdpunkter', HeadingLevel.HEADING_3), ...bullets(e.hojdpunkter));
			}
		}
	}

	if (model.quotes.length) {
		out.push(h('Citat', HeadingLevel.HEADING_1));
		const byQuestion = new Map<string, string[]>();
		for (const q of model.quotes) {
			const key = q.question ?? 'Övrigt';
			byQuestion.set(key, [...(byQuestion.get(key) ?? []), quoted(q.text)]);
		}
		for (const [question, texts] of byQuestion) {
			out.push(h(question, HeadingLevel.HEADING_3), ...bullets(texts));
		}
	}

	out.push(h('Förbättringsområden', HeadingLevel.HEADING_1));
	if (model.areas.length) {
		out.push(
			table(
				['Förbättringsområde', 'Underområde', 'Antal insikter', 'Perspektiv'],
				areaRows(model.areas),
				[30, 24, 12, 34]
			)
		);
		if (model.unsorted) out.push(p(`Ej sorterade insikter: ${model.unsorted}`));
	} else out.push(p('Inga förbättringsområden ännu.'));

	out.push(...matrixPart(model));

	out.push(h('Prioriterade förbättringsområden', HeadingLevel.HEADING_1));
	if (!model.prioritised.length) out.push(p('Inga områden är prioriterade ännu.'));
	for (const area of model.prioritised) {
		out.push(h(area.name, HeadingLevel.HEADING_2));
		if (area.quadrant) out.push(bold('Kvadrant: ', area.quadrant));
		if (area.goal.summary || area.goal.statements.length) {
			out.push(h('Målbild', HeadingLevel.HEADING_3));
			if (area.goal.summary) out.push(p(area.goal.summary));
			out.push(...bullets(area.goal.statements.map((s) => quoted(s))));
		}
		if (area.goal.question) out.push(bold('Frågan: ', area.goal.question));
		if (area.insights.length) {
			out.push(h('Insikter', HeadingLevel.HEADING_3), ...bullets(area.insights));
		}
		if (area.ideas.length) {
			out.push(
				h('Idéer', HeadingLevel.HEADING_3),
				...bullets(area.ideas.map((i) => (i.group ? `${i.group}: ${i.text}` : i.text)))
			);
		}
		if (area.actions.length) {
			out.push(h('Åtgärder', HeadingLevel.HEADING_3), ...bullets(area.actions.map(actionLine)));
		}
		out.push(...canvasPart(area));
	}
	return out;
}

/** "Planeringsträff … (Pågår, Områdeschef hemsjukvård, 2025-10-01)". */
function actionLine(a: ReportAction): string {
	const what = a.proposal || a.plan || a.step || a.desired;
	const facts = [a.status, a.owner, a.due].filter(Boolean).join(', ');
	return facts ? `${what} (${facts})` : what;
}

/** The action plan area by area, in the model's order (prioritised areas first). */
function actionsByArea(actions: readonly ReportAction[]): Array<[string, ReportAction[]]> {
	const groups = new Map<string, ReportAction[]>();
	for (const a of actions) groups.set(a.area, [...(groups.get(a.area) ?? []), a]);
	return [...groups];
}

/** The area's canvas: a picture of what can be drawn without a browser, and every text on it. */
function canvasPart(area: ReportModel['prioritised'][number]): Paragraph[] {
	const { canvas } = area;
	if (canvas.figures.length === 0 && canvas.texts.length === 0 && canvas.unshown === 0) return [];
	const out: Paragraph[] = [h('Canvas', HeadingLevel.HEADING_3)];
	const title = `Canvas: ${area.name}`;
	const image = canvasPng(canvas, title);
	if (image) {
		const width = Math.min(600, image.width);
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new ImageRun({
						type: 'png',
						data: image.png,
						transformation: { width, height: Math.round((width * image.height) / image.width) },
						altText: { name: title, title, description: canvas.texts.join('; ') || title }
					})
				]
			})
		);
	}
	if (canvas.unshown > 0) out.push(p(canvasUnshown(canvas.unshown)));
	out.push(...bullets(canvas.texts));
	return out;
}

function planAndSummary(model: ReportModel): Array<Paragraph | Table> {
	const out: Array<Paragraph | Table> = [h('Handlingsplan', HeadingLevel.HEADING_1)];
	for (const [area, actions] of actionsByArea(model.actions)) {
		out.push(
			h(area || 'Utan förbättringsområde', HeadingLevel.HEADING_2),
			table(
				actionColumns.map((c) => c.label),
				actions.map((a) => actionColumns.map((c) => c.value(a))),
				[13, 13, 13, 14, 13, 12, 11, 11],
				LANDSCAPE_WIDTH
			)
		);
	}
	if (!model.actions.length) out.push(p('Ingen handlingsplan ännu.'));
	out.push(h('Sammanfattning', HeadingLevel.HEADING_1));
	if (model.summary.bullets.length) out.push(...bullets(model.summary.bullets));
	else out.push(p('Ingen sammanfattning ännu.'));
	if (model.summary.nextSteps.length) {
		out.push(
			h('Förslag till fortsatt arbete', HeadingLevel.HEADING_2),
			...bullets(model.summary.nextSteps)
		);
	}
	if (model.insights.length) {
		out.push(
			h('Bilaga: alla insikter', HeadingLevel.HEADING_1),
			table(
				['Insikt', 'Förbättringsområde', 'Händelse', 'Frågeställning', 'Yrkesroll', 'Organisation'],
				model.insights.map((i) => [
					i.text,
					i.area || 'Ej sorterade',
					i.events.join(', '),
					i.questions.join('\n'),
					i.professions.join(', '),
					i.organisations.join(', ')
				]),
				[30, 16, 10, 20, 12, 12],
				LANDSCAPE_WIDTH
			)
		);
	}
	return out;
}

const margins = { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin };

export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
	const sections: ISectionOptions[] = [
		{
			properties: { page: { size: { width: A4.width, height: A4.height }, margin: margins } },
			children: body(model)
		},
		{
			properties: {
				page: {
					size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
					margin: margins
				}
			},
			children: planAndSummary(model)
		}
	];
	const doc = new Document({
		creator: 'Samskapa',
		title: model.title,
		description: 'Rapport från en Samskapa-workshop',
		styles: {
			default: {
				document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 80 } } },
				title: { run: { font: FONT, size: 48, bold: true, color: HEADING } },
				heading1: {
					run: { font: FONT, size: 32, bold: true, color: HEADING },
					paragraph: { spacing: { before: 360, after: 120 } }
				},
				heading2: {
					run: { font: FONT, size: 26, bold: true, color: HEADING },
					paragraph: { spacing: { before: 240, after: 80 } }
				},
				heading3: {
					run: { font: FONT, size: 23, bold: true, color: '1B1B1B' },
					paragraph: { spacing: { before: 160, after: 60 } }
				}
			}
		},
		sections
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
