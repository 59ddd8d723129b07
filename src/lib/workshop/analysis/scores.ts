/**
 * Per-area results of a scoring round: median, quartiles and spread of the 1–5 scores on one
 * axis, and how many gave each step. One person, one score: no weighting.
 */

export const SCORE_STEPS = [1, 2, 3, 4, 5] as const;
export type ScoreStep = (typeof SCORE_STEPS)[number];

export const isScoreStep = (value: unknown): value is ScoreStep =>
	typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

export interface AxisResult {
	/** How many scores. */
	n: number;
	/** Null when nobody scored. */
	median: number | null;
	q1: number | null;
	q3: number | null;
	/** Interquartile range q3 − q1; null when nobody scored. */
	iqr: number | null;
	/** How many gave step 1…5 (index 0 is step 1). */
	distribution: [number, number, number, number, number];
}

/**
 * The p-quantile of sorted values by linear interpolation between closest ranks (the
 * spreadsheet QUARTILE.INC / R type 7 rule, so a facilitator can check it by hand).
 */
export function quantile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const at = (sorted.length - 1) * p;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export const median = (values: readonly number[]): number | null =>
	quantile(
		[...values].sort((a, b) => a - b),
		0.5
	);

/** Median, quartiles, IQR and distribution of one axis's scores. */
export function summarise(values: readonly number[]): AxisResult {
	const sorted = values.filter(isScoreStep).sort((a, b) => a - b);
	const distribution: AxisResult['distribution'] = [0, 0, 0, 0, 0];
	for (const v of sorted) distribution[v - 1] = distribution[v - 1]! + 1;
	const q1 = quantile(sorted, 0.25);
	const q3 = quantile(sorted, 0.75);
	return {
		n: sorted.length,
		median: quantile(sorted, 0.5),
		q1,
		q3,
		iqr: q1 === null || q3 === null ? null : q3 - q1,
		distribution
	};
}

/** An IQR of at least this many steps on either axis flags an area for discussion. */
export const DISAGREEMENT_IQR = 2;
/** Fewer scores than this never flag: two people apart are a conversation, not a split. */
export const DISAGREEMENT_MIN_N = 3;

/**
 * Strong disagreement on one axis: the middle half of at least DISAGREEMENT_MIN_N scores spans
 * DISAGREEMENT_IQR steps or more; the planning-poker trigger for talking and scoring again.
 */
export function disagrees(result: AxisResult): boolean {
	return result.n >= DISAGREEMENT_MIN_N && result.iqr !== null && result.iqr >= DISAGREEMENT_IQR;
}
