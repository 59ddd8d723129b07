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
	const df: number[] = [];
	// Per note and family: feature indexes and counts, in the order of the note's map.
	const found = notes.map(() =>
		FAMILIES.map(() => ({ index: [] as number[], count: [] as number[] }))
	);
	FAMILIES.forEach((family, fam) => {
		const vocab = new Map<string, number>();
		notes.forEach((note, k) => {
			const into = found[k]![fam]!;
			for (const [key, count] of note.counts[family]) {
				let i = vocab.get(key);
				if (i === undefined) {
					i = features.length;
					vocab.set(key, i);
					features.push(`${family}:${key}`);
					df.push(0);
				}
				df[i]! += 1;
				into.index.push(i);
				into.count.push(count);
			}
		});
	});
	const n = notes.length;
	const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
	const dense = new Float64Array(features.length);

	const vectors = found.map((families) => {
		let size = 0;
		let norm = 0;
		families.forEach(({ index, count }, fam) => {
			const scale = weights[FAMILIES[fam]!];
			if (scale <= 0 || index.length === 0) return;
			let familyNorm = 0;
			for (let k = 0; k < index.length; k++) {
				const w = (1 + Math.log(count[k]!)) * idf[index[k]!]!;
				dense[index[k]!] = w;
				familyNorm += w * w;
			}
			const s = scale / Math.sqrt(familyNorm);
			for (const i of index) dense[i]! *= s;
			norm += scale * scale;
			size += index.length;
		});
		const sorted = new Int32Array(size);
		let at = 0;
		families.forEach(({ index }, fam) => {
			if (weights[FAMILIES[fam]!] > 0) for (const i of index) sorted[at++] = i;
		});
		sorted.sort();
		const unit = norm > 0 ? 1 / Math.sqrt(norm) : 0;
		const value = new Float32Array(size);
		for (let k = 0; k < size; k++) {
			value[k] = dense[sorted[k]!]! * unit;
			dense[sorted[k]!] = 0;
		}
		return { index: sorted, value };
	});
	return { vectors, features };
}
