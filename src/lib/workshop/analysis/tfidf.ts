import { FAMILIES, type Family, type NoteFeatures } from './features';

/** A unit-length sparse vector: feature indexes ascending, with their weights. */
export interface SparseVector {
	index: Int32Array;
	value: Float32Array;
}

export type FamilyWeights = Record<Family, number>;

export interface Vectorised {
	vectors: SparseVector[];
	/** Feature index → "family:key", to read a vector back (group names). */
	features: string[];
}

/**
 * TF-IDF per family (sublinear tf, smoothed idf), each family scaled to unit length and then
 * by its weight, the whole vector scaled to unit length: so a note's many n-grams cannot
 * drown its few words and concepts, and cosine similarity is a plain dot product.
 */
export function tfidfVectors(notes: readonly NoteFeatures[], weights: FamilyWeights): Vectorised {
	const features: string[] = [];
	const indexOf = new Map<string, number>();
	const df: number[] = [];
	for (const note of notes) {
		for (const family of FAMILIES) {
			for (const key of note.counts[family].keys()) {
				const name = `${family}:${key}`;
				let i = indexOf.get(name);
				if (i === undefined) {
					i = features.length;
					indexOf.set(name, i);
					features.push(name);
					df.push(0);
				}
				df[i]! += 1;
			}
		}
	}
	const n = notes.length;
	const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1);

	const vectors = notes.map((note) => {
		const entries: [number, number][] = [];
		for (const family of FAMILIES) {
			const weight = weights[family];
			if (weight <= 0 || note.counts[family].size === 0) continue;
			const start = entries.length;
			let norm = 0;
			for (const [key, count] of note.counts[family]) {
				const i = indexOf.get(`${family}:${key}`)!;
				const w = (1 + Math.log(count)) * idf[i]!;
				entries.push([i, w]);
				norm += w * w;
			}
			const scale = weight / Math.sqrt(norm);
			for (let k = start; k < entries.length; k++) entries[k]![1] *= scale;
		}
		entries.sort((a, b) => a[0] - b[0]);
		let norm = 0;
		for (const [, w] of entries) norm += w * w;
		const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
		return {
			index: Int32Array.from(entries, (e) => e[0]),
			value: Float32Array.from(entries, (e) => e[1] * scale)
		};
	});
	return { vectors, features };
}
