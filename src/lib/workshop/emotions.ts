import type * as Y from 'yjs';

/**
 * Känslokurva: each participant rates how the persona feels at each event, −2 … +2.
 *
 *   doc.getMap('emotions') : Y.Map<"<eventId>|<membershipId>", -2 | -1 | 0 | 1 | 2>
 */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

export function emotionsMap(doc: Y.Doc): Y.Map<number> {
	return doc.getMap('emotions');
}

const key = (eventId: string, membershipId: string) => `${eventId}|${membershipId}`;

/** Sets (or with null clears) one person's rating of one event. */
export function setEmotion(
	doc: Y.Doc,
	eventId: string,
	membershipId: string,
	value: number | null
) {
	const map = emotionsMap(doc);
	if (value === null) {
		map.delete(key(eventId, membershipId));
		return;
	}
	const rounded = Math.round(value);
	if (rounded < EMOTION_MIN || rounded > EMOTION_MAX) throw new RangeError('emotion out of range');
	map.set(key(eventId, membershipId), rounded);
}

export function myEmotion(doc: Y.Doc, eventId: string, membershipId: string): number | null {
	const v = emotionsMap(doc).get(key(eventId, membershipId));
	return typeof v === 'number' ? v : null;
}

export interface EmotionSummary {
	count: number;
	median: number | null;
	min: number | null;
	max: number | null;
	/** Ratings per value from −2 to +2. */
	histogram: [number, number, number, number, number];
}

/** Median, range and histogram of a list of ratings. */
export function summarise(values: number[]): EmotionSummary {
	const valid = values
		.filter((v) => Number.isFinite(v) && v >= EMOTION_MIN && v <= EMOTION_MAX)
		.map((v) => Math.round(v))
		.sort((a, b) => a - b);
	const histogram: EmotionSummary['histogram'] = [0, 0, 0, 0, 0];
	for (const v of valid) histogram[v - EMOTION_MIN]! += 1;
	const n = valid.length;
	if (n === 0) return { count: 0, median: null, min: null, max: null, histogram };
	const mid = Math.floor(n / 2);
	const median = n % 2 ? valid[mid]! : (valid[mid - 1]! + valid[mid]!) / 2;
	return { count: n, median, min: valid[0]!, max: valid[n - 1]!, histogram };
}

/** One summary per event id, in the order given. */
export function emotionCurve(doc: Y.Doc, eventIds: string[]): Map<string, EmotionSummary> {
	const byEvent = new Map<string, number[]>(eventIds.map((id) => [id, []]));
	emotionsMap(doc).forEach((value, k) => {
		const eventId = k.slice(0, k.indexOf('|'));
		if (typeof value === 'number') byEvent.get(eventId)?.push(value);
	});
	return new Map(eventIds.map((id) => [id, summarise(byEvent.get(id)!)]));
}
