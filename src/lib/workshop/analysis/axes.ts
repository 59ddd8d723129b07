/**
 * The two axes of a prioriteringsmatris. The vertical axis is the worth of an area (nytta,
 * relevans), the horizontal its cost (insats) or ease (genomförbarhet); each says which end is
 * better, and the matrix orients both so the good corner is always top left.
 */

export type Better = 'high' | 'low';

export interface Axis {
	label: string;
	/** Which end of 1–5 is better: high nytta is good, high insats is not. */
	better: Better;
}

export interface Axes {
	/** Drawn vertically, better end at the top. */
	worth: Axis;
	/** Drawn horizontally, better end on the left. */
	cost: Axis;
}

export type AxisPreset = 'nytta-insats' | 'innovationsguiden' | 'custom';

/** Default: Nytta (high is good) × Insats (high is bad). */
export const NYTTA_INSATS: Axes = {
	worth: { label: 'Nytta', better: 'high' },
	cost: { label: 'Insats', better: 'low' }
};

/** Innovationsguiden: both axes high is good; Genomförbarhet runs opposite to Insats. */
export const INNOVATIONSGUIDEN: Axes = {
	worth: { label: 'Relevans för användaren', better: 'high' },
	cost: { label: 'Genomförbarhet i organisationen', better: 'high' }
};

export const AXIS_PRESETS: Readonly<Record<Exclude<AxisPreset, 'custom'>, Axes>> = {
	'nytta-insats': NYTTA_INSATS,
	innovationsguiden: INNOVATIONSGUIDEN
};

/** The middle step of the 1–5 scale: a median on it is on neither side. */
export const MIDPOINT = 3;

/** A 1–5 value turned so that 5 is always the better end. */
export const goodness = (axis: Axis, value: number): number =>
	axis.better === 'high' ? value : 6 - value;

export type Quadrant = 'snabba-vinster' | 'stora-satsningar' | 'kanske' | 'tidstjuvar';

/**
 * Which quadrant a pair of medians falls in. Only a median strictly past the midpoint toward
 * the better end counts as good: a 3 is not yet high nytta nor low insats, so an area on a
 * boundary lands in the more cautious quadrant.
 */
export function quadrantOf(axes: Axes, worth: number, cost: number): Quadrant {
	const worthy = goodness(axes.worth, worth) > MIDPOINT;
	const cheap = goodness(axes.cost, cost) > MIDPOINT;
	if (worthy) return cheap ? 'snabba-vinster' : 'stora-satsningar';
	return cheap ? 'kanske' : 'tidstjuvar';
}

/** The Swedish names of the quadrants, as the matrix draws them. */
export const QUADRANT_NAMES: Readonly<Record<Quadrant, string>> = {
	'snabba-vinster': 'Snabba vinster',
	'stora-satsningar': 'Stora satsningar',
	kanske: 'Kanske',
	tidstjuvar: 'Tidstjuvar'
};
