import PptxGenJS from 'pptxgenjs';
import type { ReportModel } from '$lib/report/model';
import { actionColumns, dateLine, emotionWord, flagNotice } from '$lib/report/text';
import { canvasPng, canvasUnshown } from './canvas-png';
import { renderMatrixPng } from './matrix-png';

/**
 * The report as a PowerPoint deck (.pptx) for the follow-up meeting: title, purpose, persona and
 * journey, what chafes (the quotes), the matrix, one slide per prioritised area, the action plan
 * and next steps. Reads only the report model. Lists are cut to what fits a slide; the Word
 * report has everything.
 */

type Slide = ReturnType<PptxGenJS['addSlide']>;
type TableRows = Parameters<Slide['addTable']>[0];

const FONT = 'Calibri';
const INK = '1B1B1B';
const ACCENT = '005A9E';
/** LAYOUT_WIDE: 13.33 × 7.5 in. */
const W = 13.33;
const X = 0.6;
const BODY_W = W - 2 * X;

const cut = (items: readonly string[], max: number) =>
	items.length > max
		? [...items.slice(0, max - 1), `… och ${items.length - max + 1} till`]
		: [...items];

/**
 * An area's canvas: its picture, fitted inside the slide below the title, beside its texts; the
 * texts alone when nothing on it can be drawn. No slide for an empty canvas.
 */
function canvasSlide(pptx: PptxGenJS, area: ReportModel['prioritised'][number]) {
	const { canvas } = area;
	if (canvas.figures.length === 0 && canvas.texts.length === 0 && canvas.unshown === 0) return;
	const title = `Canvas: ${area.name}`;
	const slide = titled(pptx, title);
	const image = canvasPng(canvas, title);
	const room = { w: BODY_W * 0.62, h: 5.7 };
	let used = 0;
	if (image) {
		const ratio = image.width / image.height;
		const w = Math.min(room.w, room.h * ratio);
		const h = w / ratio;
		slide.addImage({
			data: `image/png;base64,${Buffer.from(image.png).toString('base64')}`,
			x: X,
			y: 1.3,
			w,
			h,
			altText: `${title}: ${canvas.texts.join('; ')}`
		});
		used = w + 0.3;
	}
	const notes =
		canvas.unshown > 0 ? [...canvas.texts, canvasUnshown(canvas.unshown)] : canvas.texts;
	bulletList(slide, cut(notes, 10), { x: X + used, y: 1.3, w: BODY_W - used, h: 5.7 }, 14);
}

function titled(pptx: PptxGenJS, title: string): Slide {
	const slide = pptx.addSlide();
	slide.addText(title, {
		x: X,
		y: 0.35,
		w: BODY_W,
		h: 0.8,
		fontFace: FONT,
		fontSize: 28,
		bold: true,
		color: ACCENT
	});
	return slide;
}

function bulletList(
	slide: Slide,
	items: readonly string[],
	box: { x: number; y: number; w: number; h: number },
	fontSize = 18
) {
	if (items.length === 0) return;
	slide.addText(
		items.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
		{
			...box,
			fontFace: FONT,
			fontSize,
			color: INK,
			valign: 'top',
			fit: 'shrink',
			paraSpaceAfter: 6
		}
	);
}

const headerCell = (text: string) => ({ text, options: { bold: true, fill: { color: 'DCE6F0' } } });

function tableOn(
	slide: Slide,
	head: readonly string[],
	rows: readonly string[][],
	y: number,
	colW?: number[],
	fontSize = 12
) {
	const data: TableRows = [head.map(headerCell), ...rows.map((r) => r.map((text) => ({ text })))];
	slide.addTable(data, {
		x: X,
		y,
		w: BODY_W,
		colW,
		fontFace: FONT,
		fontSize,
		color: INK,
		valign: 'top',
		border: { type: 'solid', pt: 0.75, color: '8C8C8C' },
		autoPage: true,
		autoPageRepeatHeader: true,
		autoPageHeaderRows: 1,
		autoPageSlideStartY: 1.3
	});
}

/** The quotes that say what chafes: those of a "skaver" question first. */
function chafing(model: ReportModel): string[] {
	const skaver = model.quotes.filter((q) => q.question && /skaver|utmanar/i.test(q.question));
	const rest = model.quotes.filter((q) => !skaver.includes(q));
	const bottom = model.journey.flatMap((e) => e.bottennappar);
	return [...skaver.map((q) => q.text), ...bottom, ...rest.map((q) => q.text)];
}

export async function renderPptx(model: ReportModel): Promise<Uint8Array> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = model.title;
	pptx.company = 'Samskapa';

	const first = pptx.addSlide();
	first.addText(model.title, {
		x: X,
		y: 2.2,
		w: BODY_W,
		h: 1.6,
		fontFace: FONT,
		fontSize: 40,
		bold: true,
		color: ACCENT,
		fit: 'shrink'
	});
	const by = [dateLine(model)];
	if (model.facilitators.length) by.push(`Processledare: ${model.facilitators.join(', ')}`);
	by.push(`${model.participants.total} deltagare`);
	first.addText(by.join('\n'), {
		x: X,
		y: 4,
		w: BODY_W,
		h: 1.4,
		fontFace: FONT,
		fontSize: 20,
		color: INK
	});
	const notice = flagNotice(model);
	if (notice) {
		first.addText(notice, {
			x: X,
			y: 6.2,
			w: BODY_W,
			h: 0.8,
			fontFace: FONT,
			fontSize: 14,
			italic: true,
			color: INK
		});
	}

	const purpose = titled(pptx, 'Syfte');
	purpose.addText(model.purpose || '–', {
		x: X,
		y: 1.3,
		w: BODY_W,
		h: 2,
		fontFace: FONT,
		fontSize: 22,
		color: INK,
		valign: 'top',
		fit: 'shrink'
	});
	const who = [
		...model.participants.byProfession.map((c) => `${c.label}: ${c.count}`),
		...model.participants.byOrganisation.map((c) => `${c.label}: ${c.count}`)
	];
	purpose.addText(`Deltagare: ${model.participants.total}`, {
		x: X,
		y: 3.4,
		w: BODY_W,
		h: 0.5,
		fontFace: FONT,
		fontSize: 18,
		bold: true,
		color: INK
	});
	bulletList(purpose, cut(who, 10), { x: X, y: 3.9, w: BODY_W, h: 3.2 }, 16);

	const persona = model.persona;
	if (persona.name) {
		const slide = titled(
			pptx,
			`Persona: ${persona.name}${persona.age !== null ? `, ${persona.age} år` : ''}`
		);
		const col = BODY_W / 3;
		const parts: Array<[string, string[]]> = [
			['Livssituation', persona.situation],
			['Diagnoser', persona.conditions],
			['Vad som är viktigt för mig', persona.matters]
		];
		parts.forEach(([label, items], i) => {
			slide.addText(label, {
				x: X + i * col,
				y: 1.3,
				w: col - 0.2,
				h: 0.5,
				fontFace: FONT,
				fontSize: 18,
				bold: true,
				color: INK
			});
			bulletList(slide, cut(items, 8), { x: X + i * col, y: 1.8, w: col - 0.2, h: 5.2 }, 16);
		});
	}

	if (model.journey.length) {
		const slide = titled(pptx, 'Patientresan');
		const events = model.journey.slice(0, 6);
		tableOn(
			slide,
			['', ...events.map((e) => e.title)],
			[
				['Fakta', ...events.map((e) => cut(e.facts, 6).join('\n'))],
				['Bottennappar', ...events.map((e) => String(e.bottennappar.length))],
				['Höjdpunkter', ...events.map((e) => String(e.hojdpunkter.length))],
				['Känslokurva', ...events.map((e) => emotionWord(e.emotion) || '–')]
			],
			1.3,
			[1.8, ...events.map(() => (BODY_W - 1.8) / events.length)],
			14
		);
	}

	const chafes = chafing(model);
	if (chafes.length) {
		const slide = titled(pptx, 'Det här skaver');
		bulletList(
			slide,
			cut(
				chafes.map((t) => `”${t}”`),
				8
			),
			{ x: X, y: 1.3, w: BODY_W, h: 5.8 },
			20
		);
	}

	if (model.areas.length) {
		const slide = titled(pptx, 'Förbättringsområden');
		tableOn(
			slide,
			['Förbättringsområde', 'Underområden', 'Antal insikter', 'Yrkesroller'],
			model.areas.map((a) => [
				a.name,
				a.children.map((c) => c.name).join('\n'),
				String(a.insights),
				String(a.professions.length)
			]),
			1.3,
			[4.5, 4, 1.6, 2.03],
			16
		);
	}

	if (model.matrix) {
		const slide = titled(pptx, 'Prioriteringsmatris');
		const image = renderMatrixPng(model.matrix, 'Prioriteringsmatris');
		const h = 5.9;
		const w = (h * image.width) / image.height;
		slide.addImage({
			data: `image/png;base64,${Buffer.from(image.png).toString('base64')}`,
			x: X,
			y: 1.25,
			w,
			h,
			altText: `Prioriteringsmatris: ${model.matrix.axes.worth.label} mot ${model.matrix.axes.cost.label}`
		});
		bulletList(
			slide,
			model.matrix.rows.map((r) => `${r.name}: ${r.quadrant}`),
			{ x: X + w + 0.3, y: 1.3, w: BODY_W - w - 0.3, h: 5.8 },
			16
		);
	} else if (model.dots) {
		const slide = titled(pptx, 'Prickröstning');
		tableOn(
			slide,
			['Plats', 'Förbättringsområde', 'Prickar'],
			model.dots.rows.map((r) => [String(r.rank), r.name, String(r.dots)]),
			1.3,
			[1.2, 8.93, 2]
		);
	}

	for (const area of model.prioritised) {
		const slide = titled(pptx, area.name);
		const left = BODY_W * 0.55;
		const goal = [area.goal.summary, ...area.goal.statements.map((s) => `”${s}”`)].filter(Boolean);
		slide.addText('Målbild', {
			x: X,
			y: 1.3,
			w: left,
			h: 0.5,
			fontFace: FONT,
			fontSize: 18,
			bold: true,
			color: INK
		});
		bulletList(slide, cut(goal, 6), { x: X, y: 1.8, w: left - 0.2, h: 2.6 }, 16);
		if (area.goal.question) {
			slide.addText(area.goal.question, {
				x: X,
				y: 4.5,
				w: left - 0.2,
				h: 1,
				fontFace: FONT,
				fontSize: 18,
				italic: true,
				color: ACCENT,
				fit: 'shrink'
			});
		}
		if (area.quadrant) {
			slide.addText(`Kvadrant: ${area.quadrant}`, {
				x: X,
				y: 5.6,
				w: left - 0.2,
				h: 0.5,
				fontFace: FONT,
				fontSize: 14,
				color: INK
			});
		}
		slide.addText('Idéer och åtgärder', {
			x: X + left,
			y: 1.3,
			w: BODY_W - left,
			h: 0.5,
			fontFace: FONT,
			fontSize: 18,
			bold: true,
			color: INK
		});
		const plan = [
			...area.actions.map(
				(a) => `${a.proposal || a.plan || a.step} (${a.status}${a.owner ? `, ${a.owner}` : ''})`
			),
			...area.ideas.map((i) => i.text)
		];
		bulletList(slide, cut(plan, 8), { x: X + left, y: 1.8, w: BODY_W - left, h: 5.2 }, 16);
		canvasSlide(pptx, area);
	}

	if (model.actions.length) {
		const slide = titled(pptx, 'Handlingsplan');
		tableOn(
			slide,
			actionColumns.map((c) => c.label),
			model.actions.map((a) => actionColumns.map((c) => c.value(a))),
			1.3,
			[1.6, 1.6, 1.6, 1.6, 1.6, 1.4, 1.1, 1.63],
			11
		);
	}

	const end = titled(pptx, 'Sammanfattning och nästa steg');
	const half = BODY_W / 2;
	bulletList(end, cut(model.summary.bullets, 8), { x: X, y: 1.3, w: half - 0.2, h: 5.8 }, 18);
	end.addText('Nästa steg', {
		x: X + half,
		y: 1.3,
		w: half,
		h: 0.5,
		fontFace: FONT,
		fontSize: 18,
		bold: true,
		color: INK
	});
	bulletList(end, cut(model.summary.nextSteps, 8), { x: X + half, y: 1.8, w: half, h: 5.3 }, 18);

	const out = await pptx.write({ outputType: 'nodebuffer' });
	return new Uint8Array(out as Buffer);
}
