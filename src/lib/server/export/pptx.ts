import PptxGenJS from 'pptxgenjs';
import type { ReportModel } from '$lib/report/model';
import { actionColumns, dateLine, emotionWord, flagNotice, quoted } from '$lib/report/text';
import { canvasPng, canvasUnshown } from './canvas-png';
import { renderMatrixPng } from './matrix-png';
import { CELL_MARGIN_IN, paginateBullets, paginateTable } from '$lib/report/slides';

/**
 * The report as a PowerPoint deck (.pptx) for the follow-up meeting: title, purpose, persona and
 * journey, what chafes (the quotes), the matrix, one slide per prioritised area, the action plan
 * and next steps. Reads only the report model. A table or list longer than a slide continues
 * on further slides ("(forts.)"), estimated by $lib/report/slides: nothing runs past the edge.
 */

type Slide = ReturnType<PptxGenJS['addSlide']>;
type TableRows = Parameters<Slide['addTable']>[0];

const FONT = 'Calibri';
const INK = '1B1B1B';
const ACCENT = '005A9E';
/** LAYOUT_WIDE: 13.33 × 7.5 in. */
const W = 13.33;
const H = 7.5;
const X = 0.6;
const BODY_W = W - 2 * X;
const TOP = 1.3;
/** Room for content below a title, keeping a margin at the bottom edge. */
const BODY_H = H - TOP - 0.35;

const continued = (title: string, page: number) => (page === 0 ? title : `${title} (forts.)`);

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
	// Every text on the canvas: what does not fit beside the picture continues on further slides.
	listPages(notes, BODY_W - used, 5.7, 14).forEach((page, i) => {
		const target = i === 0 ? slide : titled(pptx, continued(title, i));
		const x = i === 0 ? X + used : X;
		bulletList(target, page, { x, y: 1.3, w: i === 0 ? BODY_W - used : BODY_W, h: 5.7 }, 14);
	});
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

/** A table on as many slides as it needs, the header row repeated on each. */
function tableSlides(
	pptx: PptxGenJS,
	title: string,
	head: readonly string[],
	rows: readonly string[][],
	colW: number[],
	fontSize = 12
) {
	paginateTable(head, rows, colW, fontSize, BODY_H).forEach((page, i) => {
		const slide = titled(pptx, continued(title, i));
		const data: TableRows = [
			head.map(headerCell),
			...page.rows.map((r) => rows[r]!.map((text) => ({ text })))
		];
		slide.addTable(data, {
			x: X,
			y: TOP,
			w: BODY_W,
			colW,
			rowH: page.rowH,
			margin: [CELL_MARGIN_IN, CELL_MARGIN_IN, CELL_MARGIN_IN, CELL_MARGIN_IN],
			fontFace: FONT,
			fontSize,
			color: INK,
			valign: 'top',
			border: { type: 'solid', pt: 0.75, color: '8C8C8C' }
		});
	});
}

/** Pages of a list for a box of this size: the caller makes a slide per page. */
const listPages = (items: readonly string[], w: number, h: number, fontSize: number) =>
	items.length ? paginateBullets(items, w, h, fontSize) : [[]];

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
		y: TOP,
		w: BODY_W,
		h: 2,
		fontFace: FONT,
		fontSize: 22,
		color: INK,
		valign: 'top',
		fit: 'shrink'
	});
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
	// Professions and organisations side by side, each under its heading.
	const half = BODY_W / 2;
	const who: Array<[string, string[]]> = [
		['Yrkesroller', model.participants.byProfession.map((c) => `${c.label}: ${c.count}`)],
		['Organisationer', model.participants.byOrganisation.map((c) => `${c.label}: ${c.count}`)]
	];
	const whoPages = who.map(([, items]) => listPages(items, half - 0.2, H - 4.4 - 0.35, 16));
	const whoCount = Math.max(...whoPages.map((p) => p.length));
	for (let n = 0; n < whoCount; n++) {
		const slide = n === 0 ? purpose : titled(pptx, continued('Deltagare', n));
		const y = n === 0 ? 3.9 : TOP;
		who.forEach(([label], i) => {
			const items = whoPages[i]![n] ?? [];
			if (items.length === 0) return;
			slide.addText(label, {
				x: X + i * half,
				y,
				w: half - 0.2,
				h: 0.45,
				fontFace: FONT,
				fontSize: 16,
				bold: true,
				color: INK
			});
			bulletList(
				slide,
				items,
				{ x: X + i * half, y: y + 0.5, w: half - 0.2, h: H - y - 0.5 - 0.35 },
				16
			);
		});
	}

	const persona = model.persona;
	if (persona.name) {
		const title = `Persona: ${persona.name}${persona.age !== null ? `, ${persona.age} år` : ''}`;
		const col = BODY_W / 3;
		const parts: Array<[string, string[]]> = [
			['Livssituation', persona.situation],
			['Diagnoser', persona.conditions],
			['Vad som är viktigt för mig', persona.matters]
		];
		const pages = parts.map(([, items]) => listPages(items, col - 0.2, H - 1.8 - 0.35, 16));
		const count = Math.max(...pages.map((p) => p.length));
		for (let n = 0; n < count; n++) {
			const slide = titled(pptx, continued(title, n));
			parts.forEach(([label], i) => {
				slide.addText(label, {
					x: X + i * col,
					y: TOP,
					w: col - 0.2,
					h: 0.5,
					fontFace: FONT,
					fontSize: 18,
					bold: true,
					color: INK
				});
				bulletList(
					slide,
					pages[i]![n] ?? [],
					{ x: X + i * col, y: 1.8, w: col - 0.2, h: H - 1.8 - 0.35 },
					16
				);
			});
		}
	}

	// Six events to a slide: more columns would be too narrow to read.
	for (let from = 0; from < model.journey.length; from += 6) {
		const events = model.journey.slice(from, from + 6);
		tableSlides(
			pptx,
			continued('Patientresan', from),
			['', ...events.map((e) => e.title)],
			[
				['Fakta', ...events.map((e) => e.facts.join('\n'))],
				['Bottennappar', ...events.map((e) => String(e.bottennappar.length))],
				['Höjdpunkter', ...events.map((e) => String(e.hojdpunkter.length))],
				['Känslokurva', ...events.map((e) => emotionWord(e.emotion) || '–')]
			],
			[1.8, ...events.map(() => (BODY_W - 1.8) / events.length)],
			14
		);
	}

	const chafes = chafing(model).map((t) => quoted(t));
	listPages(chafes, BODY_W, BODY_H, 20).forEach((page, i) => {
		if (page.length === 0) return;
		bulletList(
			titled(pptx, continued('Det här skaver', i)),
			page,
			{
				x: X,
				y: TOP,
				w: BODY_W,
				h: BODY_H
			},
			20
		);
	});

	if (model.areas.length) {
		tableSlides(
			pptx,
			'Förbättringsområden',
			['Förbättringsområde', 'Underområden', 'Antal insikter', 'Yrkesroller'],
			model.areas.map((a) => [
				a.name,
				a.children.map((c) => c.name).join('\n'),
				String(a.insights),
				String(a.professions.length)
			]),
			[5, 3.5, 1.6, 2.03],
			14
		);
	}

	if (model.matrix) {
		const slide = titled(pptx, 'Prioriteringsmatris');
		const image = renderMatrixPng(model.matrix, 'Prioriteringsmatris');
		const h = 5.8;
		const w = (h * image.width) / image.height;
		slide.addImage({
			data: `image/png;base64,${Buffer.from(image.png).toString('base64')}`,
			x: X,
			y: 1.25,
			w,
			h,
			altText: `Prioriteringsmatris: ${model.matrix.axes.worth.label} mot ${model.matrix.axes.cost.label}`
		});
		const rows = model.matrix.rows.map((r) => `${r.name}: ${r.quadrant}`);
		const listW = BODY_W - w - 0.3;
		listPages(rows, listW, BODY_H, 14).forEach((page, i) => {
			const target = i === 0 ? slide : titled(pptx, continued('Prioriteringsmatris', i));
			bulletList(
				target,
				page,
				{ x: i === 0 ? X + w + 0.3 : X, y: TOP, w: i === 0 ? listW : BODY_W, h: BODY_H },
				14
			);
		});
	} else if (model.dots) {
		tableSlides(
			pptx,
			'Prickröstning',
			['Plats', 'Förbättringsområde', 'Prickar'],
			model.dots.rows.map((r) => [String(r.rank), r.name, String(r.dots)]),
			[1.2, 8.93, 2]
		);
	}

	for (const area of model.prioritised) {
		const left = BODY_W * 0.55;
		const goal = [area.goal.summary, ...area.goal.statements.map((s) => quoted(s))].filter(Boolean);
		const plan = [
			...area.actions.map(
				(a) => `${a.proposal || a.plan || a.step} (${a.status}${a.owner ? `, ${a.owner}` : ''})`
			),
			...area.ideas.map((i) => i.text)
		];
		const goalPages = listPages(goal, left - 0.2, 2.6, 16);
		const planPages = listPages(plan, BODY_W - left, H - 1.8 - 0.35, 16);
		const count = Math.max(goalPages.length, planPages.length);
		for (let n = 0; n < count; n++) {
			const slide = titled(pptx, continued(area.name, n));
			if (goalPages[n]?.length) {
				slide.addText('Målbild', {
					x: X,
					y: TOP,
					w: left,
					h: 0.5,
					fontFace: FONT,
					fontSize: 18,
					bold: true,
					color: INK
				});
				bulletList(slide, goalPages[n]!, { x: X, y: 1.8, w: left - 0.2, h: 2.6 }, 16);
			}
			if (n === 0 && area.goal.question) {
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
			if (n === 0 && area.quadrant) {
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
			if (planPages[n]?.length) {
				slide.addText('Idéer och åtgärder', {
					x: X + left,
					y: TOP,
					w: BODY_W - left,
					h: 0.5,
					fontFace: FONT,
					fontSize: 18,
					bold: true,
					color: INK
				});
				bulletList(
					slide,
					planPages[n]!,
					{ x: X + left, y: 1.8, w: BODY_W - left, h: H - 1.8 - 0.35 },
					16
				);
			}
		}
		canvasSlide(pptx, area);
	}

	if (model.actions.length) {
		tableSlides(
			pptx,
			'Handlingsplan',
			actionColumns.map((c) => c.label),
			model.actions.map((a) => actionColumns.map((c) => c.value(a))),
			[1.6, 1.6, 1.6, 1.6, 1.6, 1.4, 1.1, 1.63],
			11
		);
	}

	const bulletPages = listPages(model.summary.bullets, half - 0.2, BODY_H, 18);
	const nextPages = listPages(model.summary.nextSteps, half, H - 1.8 - 0.35, 18);
	const count = Math.max(bulletPages.length, nextPages.length);
	for (let n = 0; n < count; n++) {
		const end = titled(pptx, continued('Sammanfattning och nästa steg', n));
		bulletList(end, bulletPages[n] ?? [], { x: X, y: TOP, w: half - 0.2, h: BODY_H }, 18);
		if (nextPages[n]?.length) {
			end.addText('Nästa steg', {
				x: X + half,
				y: TOP,
				w: half,
				h: 0.5,
				fontFace: FONT,
				fontSize: 18,
				bold: true,
				color: INK
			});
			bulletList(end, nextPages[n]!, { x: X + half, y: 1.8, w: half, h: H - 1.8 - 0.35 }, 18);
		}
	}

	const out = await pptx.write({ outputType: 'nodebuffer' });
	return new Uint8Array(out as Buffer);
}
