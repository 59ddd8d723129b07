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
	const vocabulary = new Map<Family, Map<string, number>>(FAMILIES.map((f) => [f, new Map()]));
	const df: number[] = [];
	for (const note of notes) {
		for (const family of FAMILIES) {
			const vocab = vocabulary.get(family)!;
			for (const key of note.counts[family].keys()) {
				let i = vocab.get(key);
				if (i === undefined) {
					i = features.length;
					vocab.set(key, i);
					features.push(`${family}:${key}`);
					df.push(0);
				}
				df[i]! += 1;
			}
		}
	}
	const n = notes.length;
	const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);

	const vectors = notes.map((note) => {
		let size = 0;
		for (const family of FAMILIES) if (weights[family] > 0) size += note.counts[family].size;
		const index = new Int32Array(size);
		const weight = new Float64Array(size);
		let k = 0;
		for (const family of FAMILIES) {
			const scale = weights[family];
			if (scale <= 0 || note.counts[family].size === 0) continue;
			const vocab = vocabulary.get(family)!;
			const start = k;
			let norm = 0;
			for (const [key, count] of note.counts[family]) {
				const i = vocab.get(key)!;
				const w = (1 + Math.log(count)) * idf[i]!;
				index[k] = i;
				weight[k++] = w;
				norm += w * w;
			}
			const s = scale / Math.sqrt(norm);
			for (let m = start; m < k; m++) weight[m]! *= s;
		}
		const order = Array.from(index.keys()).sort((a, b) => index[a]! - index[b]!);
		let norm = 0;
		for (const w of weight) norm += w * w;
		const unit = norm > 0 ? 1 / Math.sqrt(norm) : 0;
		return {
			index: Int32Array.from(order, (o) => index[o]!),
			value: Float32Array.from(order, (o) => weight[o]! * unit)
		};
	});
	return { vectors, features };
}
