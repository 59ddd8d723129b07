import { EMOTION_MAX, EMOTION_MIN, type EmotionSummary } from '$lib/workshop/emotions';

/**
 * Pure helpers for the journey components: text, plural choice and the geometry of the
 * känslokurva. Free of Svelte and of the message catalogue so they are unit-tested directly.
 */

/** The plural form for Swedish and English: "1 lapp", "0 lappar", "2 lappar". */
export function plural<T>(n: number, one: T, other: T): T {
	return n === 1 ? one : other;
}

/** Facts as typed in a textarea, one per line; blank lines dropped. */
export function parseFacts(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
}

export function factsToText(facts: string[]): string {
	return facts.join('\n');
}

/** A title to show and to name controls by, even when the stored one is empty. */
export function displayTitle(title: string, fallback: string): string {
	const t = title.trim();
	return t.length > 0 ? t : fallback;
}

/** The ratings −2 … +2, in order. */
export const emotionValues = [-2, -1, 0, 1, 2] as const;
export type EmotionValue = (typeof emotionValues)[number];

/** "+1", "−1,5" (sv) or "-1.5" (en), "0". */
export function formatRating(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, {
		signDisplay: 'exceptZero',
		maximumFractionDigits: 1
	}).format(value);
}

/**
 * Splits a label into at most `maxLines` lines of about `maxChars` characters at word
 * boundaries; a cut label ends with "…". Long words are cut hard.
 */
export function wrapLabel(text: string, maxChars = 16, maxLines = 2): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (!current || candidate.length <= maxChars) current = candidate;
		else {
			lines.push(current);
			current = word;
		}
	}
	if (current) lines.push(current);
	const ellipsis = (line: string) =>
		(line.length >= maxChars ? line.slice(0, maxChars - 1) : line) + '…';
	const kept = lines
		.slice(0, maxLines)
		.map((line) => (line.length > maxChars ? ellipsis(line) : line));
	if (lines.length > maxLines && !kept[maxLines - 1]!.endsWith('…')) {
		kept[maxLines - 1] = ellipsis(kept[maxLines - 1]!);
	}
	return kept;
}

export interface CurveColumn {
	id: string;
	title: string;
	/** Centre of the event's column. */
	x: number;
	count: number;
	median: number | null;
	min: number | null;
	max: number | null;
	yMedian: number | null;
	yMin: number | null;
	yMax: number | null;
}

export interface CurveLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	columns: CurveColumn[];
	/** Path data of the median line; an event without ratings breaks the line. */
	lines: string[];
	/** Polygon points of the min–max band over the same runs. */
	bands: string[];
	yTicks: { value: number; y: number }[];
	/** At least one rating anywhere. */
	hasData: boolean;
}

export interface CurveOptions {
	/** Width per event in viewBox units. */
	column?: number;
	/** Room for the y-axis labels. */
	left?: number;
	right?: number;
	top?: number;
	/** Room for the x-axis labels. */
	bottom?: number;
	/** Height of the plot area. */
	plotHeight?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Places the events and their rating summaries in an SVG coordinate system. */
export function layoutCurve(
	events: { id: string; title: string }[],
	curve: Map<string, EmotionSummary>,
	options: CurveOptions = {}
): CurveLayout {
	const { column = 130, left = 132, right = 16, top = 20, bottom = 56, plotHeight = 200 } = options;
	const plot = {
		left,
		right: left + Math.max(1, events.length) * column,
		top,
		bottom: top + plotHeight
	};
	const width = plot.right + right;
	const height = plot.bottom + bottom;
	const y = (v: number) =>
		round(plot.top + ((EMOTION_MAX - v) / (EMOTION_MAX - EMOTION_MIN)) * plotHeight);

	const columns: CurveColumn[] = events.map((event, i) => {
		const s = curve.get(event.id);
		const count = s?.count ?? 0;
		const median = count > 0 ? (s?.median ?? null) : null;
		const min = count > 0 ? (s?.min ?? null) : null;
		const max = count > 0 ? (s?.max ?? null) : null;
		return {
			id: event.id,
			title: event.title,
			x: round(plot.left + column * (i + 0.5)),
			count,
			median,
			min,
			max,
			yMedian: median === null ? null : y(median),
			yMin: min === null ? null : y(min),
			yMax: max === null ? null : y(max)
		};
	});

	const runs: CurveColumn[][] = [];
	let run: CurveColumn[] = [];
	for (const c of columns) {
		if (c.yMedian === null) {
			if (run.length) runs.push(run);
			run = [];
		} else run.push(c);
	}
	if (run.length) runs.push(run);

	const lines = runs
		.filter((r) => r.length > 1)
		.map((r) => r.map((c, i) => `${i === 0 ? 'M' : 'L'}${c.x} ${c.yMedian}`).join(' '));
	const bands = runs
		.filter((r) => r.length > 1)
		.map((r) =>
			[
				...r.map((c) => `${c.x},${c.yMax}`),
				...[...r].reverse().map((c) => `${c.x},${c.yMin}`)
			].join(' ')
		);

	const yTicks = [];
	for (let v = EMOTION_MAX; v >= EMOTION_MIN; v--) yTicks.push({ value: v, y: y(v) });

	return {
		width,
		height,
		plot,
		columns,
		lines,
		bands,
		yTicks,
		hasData: columns.some((c) => c.count > 0)
	};
}
